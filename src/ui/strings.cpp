// The shell's string table (see strings.h). Keep one row per key, in the enum's order.
#include "ui/strings.h"

#include <cstddef>
#include <string>

using std::size_t;

namespace formwork::ui {

namespace {

struct Row {
    Str key;
    const char* zh;
    const char* en;
};

constexpr Row kRows[] = {
    {Str::AppTitle, "Formwork 预算绩效目标表", "Formwork budget performance targets"},
    {Str::MenuFile, "文件", "File"},
    {Str::MenuNew, "新建", "New"},
    {Str::MenuDuplicate, "复制为新填报", "Duplicate"},
    {Str::MenuDelete, "删除填报…", "Delete filing…"},
    {Str::MenuSave, "保存", "Save"},
    {Str::MenuImport, "导入…", "Import…"},
    {Str::MenuQuit, "退出", "Quit"},
    {Str::MenuEdit, "编辑", "Edit"},
    {Str::MenuUndo, "撤销", "Undo"},
    {Str::MenuRedo, "重做", "Redo"},
    {Str::MenuView, "视图", "View"},
    {Str::MenuLanguage, "English", "中文"},
    {Str::MenuFilings, "填报列表", "Filings"},
    {Str::MenuProblems, "问题", "Problems"},
    {Str::MenuScripts, "模板与检查", "Templates and checks"},
    {Str::MenuHistory, "修订历史", "Revision history"},
    {Str::Filings, "填报", "Filings"},
    {Str::Search, "搜索项目或部门", "Search title or department"},
    {Str::AllTemplates, "全部模板", "All templates"},
    {Str::AllYears, "全部年度", "All years"},
    {Str::ColTitle, "名称", "Title"},
    {Str::ColTemplate, "模板", "Template"},
    {Str::ColYear, "年度", "Year"},
    {Str::ColProblems, "问题", "Problems"},
    {Str::NoFilings, "没有填报。可从“文件 > 导入”或“文件 > 新建”开始。", "No filings. Start with File > Import or File > New."},
    {Str::Form, "表单", "Form"},
    {Str::NoFilingOpen, "请在左侧选择一份填报。", "Pick a filing on the left."},
    {Str::FieldsBlock, "基本信息", "Details"},
    {Str::AddRow, "添加一行", "Add row"},
    {Str::RemoveRow, "删除此行", "Remove row"},
    {Str::MoveUp, "上移", "Move up"},
    {Str::MoveDown, "下移", "Move down"},
    {Str::Total, "合计", "Total"},
    {Str::Computed, "计算值", "Computed"},
    {Str::Edit, "编辑", "Edit"},
    {Str::Ok, "确定", "OK"},
    {Str::Cancel, "取消", "Cancel"},
    {Str::NotANumber, "不是有效的数字", "not a valid number"},
    {Str::Refused, "未保存输入", "input not kept"},
    {Str::Level1, "一级指标", "Level 1"},
    {Str::Level2, "二级指标", "Level 2"},
    {Str::Level3, "三级指标", "Indicator"},
    {Str::AddIndicator, "添加指标", "Add indicator"},
    {Str::Problems, "问题", "Problems"},
    {Str::NoProblems, "没有发现问题。", "No problems found."},
    {Str::ChecksNotLoaded, "检查脚本未加载。", "No checks loaded."},
    {Str::Severity, "级别", "Severity"},
    {Str::Location, "位置", "Where"},
    {Str::Message, "说明", "Message"},
    {Str::Scripts, "模板与检查", "Templates and checks"},
    {Str::Templates, "模板", "Templates"},
    {Str::Checks, "检查", "Checks"},
    {Str::Status, "状态", "Status"},
    {Str::StatusOk, "正常", "ok"},
    {Str::StatusError, "错误", "error"},
    {Str::File, "文件", "File"},
    {Str::CheckLog, "检查输出（check.log，当前填报最近一次检查）", "Check output (check.log, the open filing's last check)"},
    {Str::NoCheckLog, "没有输出。检查脚本用 check.log(...) 打印的内容显示在这里。", "Nothing printed. What check scripts print with check.log(...) shows here."},
    {Str::History, "修订历史", "Revision history"},
    {Str::Restore, "恢复此版本", "Restore"},
    {Str::RevisionAt, "时间", "When"},
    {Str::Changes, "改动", "Changes"},
    {Str::NoRevisions, "尚无修订。", "No revisions yet."},
    {Str::Saved, "已保存", "Saved"},
    {Str::Unsaved, "未保存", "Unsaved"},
    {Str::LastCheck, "上次检查", "Last check"},
    {Str::Never, "从未", "never"},
    {Str::Database, "数据库", "Database"},
    {Str::SaveChanges, "保存更改？", "Save changes?"},
    {Str::SaveChangesText, "当前填报有未保存的更改。", "The open filing has unsaved changes."},
    {Str::Save, "保存", "Save"},
    {Str::DontSave, "不保存", "Don't save"},
    {Str::DeleteFiling, "删除填报", "Delete filing"},
    {Str::DeleteFilingText, "确定删除这份填报及其全部修订？此操作不能撤销。", "Delete this filing and all its revisions? This cannot be undone."},
    {Str::Delete, "删除", "Delete"},
    {Str::NewFilingOf, "新建填报", "New filing"},
    {Str::DuplicateOf, "（副本）", " (copy)"},
    {Str::RestoredRevision, "已恢复修订", "Restored revision"},
    {Str::SavedRevision, "已保存为修订", "Saved as revision"},
    {Str::NothingToSave, "没有需要保存的更改", "Nothing to save"},
    {Str::DraftFound, "发现未保存的草稿", "Unsaved draft found"},
    {Str::DraftFoundText, "上次退出前有未保存的编辑。要恢复吗？", "Edits were not saved before the last exit. Restore them?"},
    {Str::RestoreDraft, "恢复草稿", "Restore draft"},
    {Str::DiscardDraft, "丢弃", "Discard"},
    {Str::ImportFiles, "导入填报", "Import filings"},
    {Str::ImportPath, "要导入的文件或文件夹，每行一个（文本、xlsx、docx、HTML 或 JSON 导出）", "Files or folders to import, one per line (text, xlsx, docx, HTML or JSON exports)"},
    {Str::ImportRun, "导入", "Import"},
    {Str::ImportDone, "导入完成", "Import finished"},
    {Str::ImportFailed, "导入失败", "Import failed"},
    {Str::MenuExport, "导出…", "Export…"},
    {Str::ExportTitle, "导出填报", "Export filings"},
    {Str::ExportOpen, "当前填报", "The open filing"},
    {Str::ExportAll, "全部填报（每份单独成页、单独成表）", "All filings (each on its own pages or sheet)"},
    {Str::ExportFormat, "格式", "Format"},
    {Str::ExportPath, "保存到", "Save as"},
    {Str::ExportRun, "导出", "Export"},
    {Str::ExportDone, "已导出到", "Exported to"},
    {Str::ExportFailed, "导出失败", "Export failed"},
    {Str::ExportUnsavedNote, "当前填报按屏幕上的内容导出，包括未保存的修改。", "The open filing is exported as shown, unsaved edits included."},
    {Str::TemplateMissing, "找不到此填报的模板", "The template of this filing is not loaded"},
    {Str::Error, "错误", "error"},
    {Str::Warning, "警告", "warning"},
    {Str::Info, "提示", "info"},
    {Str::Ms, "毫秒", "ms"},
    {Str::ImportFilingsUnit, " 份填报", " filings"},
    {Str::Close, "关闭", "Close"},
    {Str::Damaged, "已损坏", "damaged"},
    {Str::DamagedTip, "此填报的存储内容无法读取；运行 formwork doctor --db 数据库 可检查并抢救其余填报",
     "This filing's stored content cannot be read; formwork doctor --db DB examines the database and salvages the rest"},
    {Str::ReadOnlyDb, "只读", "read-only"},
    {Str::ReadOnlyRefused, "数据库以只读方式打开，不能保存或修改", "The database is open read-only: nothing can be saved or changed"},
    {Str::ScriptErrorsNote, "个模板或检查脚本有错误（视图 > 模板与检查）", "template or check scripts have errors (View > Templates and checks)"},
    {Str::SwitchedOffNote, "已停用：连续 3 次出错或超限，脚本文件修改后重新启用", "switched off: failed 3 times; re-enabled when its file changes"},
    {Str::GridPasted, "已粘贴单元格：", "cells pasted: "},
    {Str::GridFilled, "已向下填充单元格：", "cells filled down: "},
    {Str::GridCleared, "已清除单元格：", "cells cleared: "},
    {Str::GridRefusedTitle, "未粘贴的值", "Values not pasted"},
    {Str::GridRefusedText, "以下值不适合所在单元格，未粘贴；其余已粘贴（可一步撤销）。", "These values do not fit their cells and were not pasted; the rest were (one undo step)."},
    {Str::GridConverted, "已换算金额单位：", "money units converted: "},
    {Str::NotAPercent, "不是百分数", "not a percentage"},
    {Str::NotAWholeNumber, "不是整数", "not a whole number"},
    {Str::BeyondLastRow, "超出表格最后一行", "past the table's last row"},
    {Str::BeyondLastColumn, "超出表格最后一列", "past the table's last column"},
    {Str::GridCell, "单元格", "Cell"},
    {Str::GridValue, "值", "Value"},
    {Str::GridReason, "原因", "Reason"},
    {Str::GridHint, "方向键/Tab/Enter 移动 · 直接输入替换 · F2 或双击编辑 · Ctrl+C/X/V 复制剪切粘贴 · Ctrl+D 向下填充 · Delete 清除",
     "Arrows/Tab/Enter move · type to replace · F2 or double-click edits · Ctrl+C/X/V copy, cut, paste · Ctrl+D fills down · Delete clears"},
    {Str::VersionOld, "此填报按模板第 {1} 版填写，当前模板为第 {2} 版。", "Filed with version {1} of its template; the current version is {2}."},
    {Str::VersionNotKept, "第 {1} 版的模板描述未保留，按第 {2} 版显示。", "The description of version {1} is not kept: shown with version {2}."},
    {Str::VersionReview, "查看变化并更新到第 {1} 版…", "Review and update to version {1}…"},
    {Str::UpdateTitle, "更新到模板的当前版本", "Update to the template's current version"},
    {Str::UpdateIntro, "把此填报从第 {1} 版迁移到第 {2} 版，保存为一个新的修订；更新前的修订可在修订历史中恢复。新版本中没有位置的值保留为备注。",
     "Moves this filing from version {1} to version {2} and saves it as a new revision; the revision before can be restored "
     "from the revision history. A value version {2} has no place for is kept as a note."},
    {Str::UpdateNoChanges, "所有值位置不变", "every value stays where it is"},
    {Str::UpdateUnsavedNote, "未保存的修改会先保存为一个修订。", "Unsaved edits are saved first, as a revision of their own."},
    {Str::UpdateRun, "更新并保存", "Update and save"},
    {Str::UpdateSummary, "更新到模板第 {1} 版", "updated to template version {1}"},
    {Str::UpdateDone, "已更新到第 {1} 版（修订 {2}；恢复修订 {3} 可回到更新前）", "Updated to version {1} (revision {2}; restoring revision {3} goes back)"},
    {Str::UpdateDoneUnsaved, "已更新到第 {1} 版（尚未保存）", "Updated to version {1} (not saved yet)"},
    {Str::UpdateFailed, "无法更新：", "Cannot update: "},
    {Str::UpdateOldKeptNote, "第 {1} 版的模板描述未保留：原值按当前版本的编号读取。", "Version {1}'s description is not kept: the old values were read by the current version's ids."},
    {Str::KindMoved, "移动", "moved"},
    {Str::KindRenamed, "改名", "renamed"},
    {Str::KindChanged, "改写", "rewritten"},
    {Str::KindSplit, "拆分", "split"},
    {Str::KindAdded, "新增", "added"},
    {Str::KindNoted, "转为备注", "to notes"},
    {Str::MenuNextYear, "生成下一年度填报…", "Next year's filing…"},
    {Str::NextYearTitle, "下一年度填报", "Next year's filing"},
    {Str::NextYearIntro, "由此填报生成 {1} 年度的填报草稿，保存后成为新的填报；此填报不变。", "Makes a draft of the {1} filing from this one; saving it stores a new filing, this one stays as it is."},
    {Str::NextYearMigrated, "此填报按第 {1} 版填写，草稿按当前的第 {2} 版生成。", "This filing uses version {1}; the draft uses the current version {2}."},
    {Str::NextYearAmountsKept, "金额保留（模板设定）", "Amounts kept (as the template says)"},
    {Str::NextYearAmountsCleared, "清空 {1} 项（模板设定）", "{1} values cleared (as the template says)"},
    {Str::NextYearPeriodIn, "项目期 {1}—{2}，包含 {3} 年", "Project period {1}–{2} includes {3}"},
    {Str::NextYearPeriodOut, "项目期 {1}—{2} 不含 {3} 年", "The project period {1}–{2} does not include {3}"},
    {Str::NextYearNoPeriod, "没有可检查的项目期", "No project period to check"},
    {Str::NextYearDuplicate, "已有这个项目 {1} 年度的填报 #{2}", "This project's {1} filing exists already: #{2}"},
    {Str::NextYearNotes, "{1} 条备注属于此填报，不复制", "{1} notes belong to this filing and are not copied"},
    {Str::NextYearNoYearField, "模板没有预算年度字段，无法生成下一年度的填报", "The template has no budget-year field: next year's filing could not be told from this one"},
    {Str::NextYearNoYear, "此填报的预算年度不是年份", "This filing's budget year is not a year"},
    {Str::NextYearCreate, "生成草稿", "Make the draft"},
    {Str::NextYearCreateAnyway, "仍然生成", "Make it anyway"},
    {Str::NextYearOpened, "已生成 {1} 年度的草稿，保存后成为新的填报", "Draft of {1} opened: save it to store it"},
    {Str::EarlierVersion, "早期版本（旧填报按此显示）", "earlier version (old filings are shown with it)"},
    {Str::RestoreOtherVersionUnsaved, "这个修订按模板的另一版本填写：请先保存或撤销未保存的修改，再恢复",
     "That revision was filed with another template version: save or undo the unsaved edits first, then restore it"},
    {Str::Colon, "：", ": "},
    {Str::ListSep, "、", ", "},
    {Str::Semicolon, "；", "; "},
    {Str::EditedInShell, "在桌面程序中编辑", "edited in the shell"},
    {Str::UnplacedCells, "（{} 个单元格未能放置，见填报的导入备注）", "({} cells not placed; see the filings' import notes)"},
    {Str::UnitPrefix, "单位：", "Unit: "},
    {Str::Overflow, "溢出", "overflow"},
    {Str::WholeFiling, "整份填报", "whole filing"},
    {Str::NthRow, "第{}行", "row {}"},
    {Str::NthIndicator, "第{}条", "indicator {}"},
    {Str::Indicators, "绩效指标", "indicators"},
    {Str::CountsLegend, "实时检查计数：", "Live check counts:"},
    {Str::CountsTip, "每份填报都由检查脚本检查：红色数字是错误，橙色是警告，蓝色是提示。打开的填报随编辑实时更新；“…”表示尚在检查。",
     "Every filing is checked by the check scripts: red counts errors, orange warnings, blue info. The open filing's "
     "counts follow your edits; \"…\" means still checking."},
    {Str::CountsPending, "…", "…"},
    {Str::CouldNotJudge, "未能判断", "could not judge"},
    {Str::CouldNotJudgeTip, "这些检查缺少需要的数据，没有给出结论；补齐后会重新检查。",
     "These checks lacked data they need and reached no verdict; they run again once it is filled in."},
    {Str::ReasonManyFilings, "需要一起检查多份填报，请用 formwork check 运行", "runs over many filings: see formwork check"},
    {Str::ReasonNoDepartment, "填报未写明部门", "the filing names no department"},
    {Str::ReasonNeedsDepartment, "需要本部门同年度的其他填报", "needs the other filings of the department and year"},
    {Str::RevisionCreated, "新建", "created"},
    {Str::RevisionRestoredFrom, "恢复自修订 {}", "restored from revision {}"},
    {Str::CellsChanged, "{} 个单元格", "{} cells"},
    {Str::OneCellChanged, "1 个单元格", "1 cell"},
    {Str::NoCellsChanged, "仅名称或年度", "title or year only"},
    {Str::ImportedFrom, "导入自 {}", "imported from {}"},
    {Str::Browse, "浏览…", "Browse…"},
    {Str::ChooseImportTitle, "选择要导入的文件", "Choose files to import"},
    {Str::ChooseExportTitle, "导出到", "Export to"},
    {Str::FolderUp, "上一级", "Up"},
    {Str::FolderHome, "主目录", "Home"},
    {Str::Folder, "文件夹", "Folder"},
    {Str::FileName, "文件名", "File name"},
    {Str::FilterSupported, "支持的文件", "Supported files"},
    {Str::FilterAll, "全部文件", "All files"},
    {Str::ShowHidden, "显示隐藏文件", "Show hidden files"},
    {Str::Choose, "选择", "Choose"},
    {Str::ColName, "名称", "Name"},
    {Str::ColSize, "大小", "Size"},
    {Str::ColModified, "修改时间", "Modified"},
    {Str::FolderEntry, "文件夹", "folder"},
    {Str::ReplaceFile, "替换已有文件？", "Replace the existing file?"},
    {Str::ReplaceFileText, "已有同名文件，替换它吗？", "A file with this name exists. Replace it?"},
    {Str::Replace, "替换", "Replace"},
    {Str::WaitingForChooser, "正在等待文件选择窗口…", "Waiting for the file chooser…"},
    {Str::CannotReadFolder, "无法读取此文件夹", "This folder cannot be read"},
    {Str::NoSuchPath, "找不到此文件或文件夹", "No such file or folder"},
    {Str::SelectedCount, "已选 {} 个", "{} selected"},
    {Str::ColStatus, "状态", "Status"},
    {Str::AllStatuses, "全部状态", "All statuses"},
    {Str::StatusDraft, "草稿", "Draft"},
    {Str::StatusSubmitted, "已提交", "Submitted"},
    {Str::StatusApproved, "已审核", "Approved"},
    {Str::StatusReturned, "退回", "Returned"},
    {Str::MenuSubmit, "提交审核", "Submit for review"},
    {Str::MenuApprove, "审核通过", "Approve"},
    {Str::MenuReturn, "退回…", "Return…"},
    {Str::ReturnTitle, "退回填报", "Return the filing"},
    {Str::ReturnReason, "退回原因", "Reason"},
    {Str::StatusChangedTo, "状态已改为：{}", "Status now: {}"},
    {Str::LockedNote, "该填报{}，不能修改", "This filing is {}: it cannot be edited"},
    {Str::ConflictTitle, "保存冲突", "Save conflict"},
    {Str::ConflictIntro, "打开这份填报后，{} 也修改了下列单元格。请逐个选择保留哪个值，然后保存；其他修改都会保留。",
     "Since you opened this filing, {} changed these cells too. Choose which value to keep for each, then save; every other edit is kept."},
    {Str::ConflictPlace, "位置", "Place"},
    {Str::ConflictMine, "我的", "Mine"},
    {Str::ConflictTheirs, "他人的", "Theirs"},
    {Str::ConflictSaveChosen, "按所选保存", "Save as chosen"},
    {Str::ConflictMerged, "已与他人的修改合并保存，修订", "Saved, merged with another save: revision"},
};

static_assert(sizeof(kRows) / sizeof(kRows[0]) == static_cast<size_t>(Str::Count_), "one row per key");

constexpr bool rows_in_key_order() {
    for (size_t i = 0; i < sizeof(kRows) / sizeof(kRows[0]); ++i)
        if (static_cast<size_t>(kRows[i].key) != i) return false;
    return true;
}
static_assert(rows_in_key_order(), "rows must follow the order of enum Str");

}  // namespace

const char* tr(Str key, Lang lang) {
    const Row& row = kRows[static_cast<size_t>(key)];
    return lang == Lang::Zh ? row.zh : row.en;
}

std::string fill(const char* pattern, const std::vector<std::string>& values) {
    std::string out = pattern;
    for (size_t i = 0; i < values.size(); ++i) {
        const std::string mark = "{" + std::to_string(i + 1) + "}";
        for (size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at + values[i].size()))
            out.replace(at, mark.size(), values[i]);
    }
    return out;
}

std::string tr_with(Str key, Lang lang, const std::string& value) {
    std::string s = tr(key, lang);
    if (const size_t at = s.find("{}"); at != std::string::npos) s.replace(at, 2, value);
    return s;
}

std::vector<const char*> all_strings() {
    std::vector<const char*> out;
    for (const Row& r : kRows) {
        out.push_back(r.zh);
        out.push_back(r.en);
    }
    return out;
}

}  // namespace formwork::ui
