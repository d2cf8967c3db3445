// Every user-facing string of the shell, in one place, in Chinese and English. Views ask for
// a string by key; the font atlas is built from all of them so no label renders as "?".
#pragma once

#include <string>
#include <vector>

#include "core/lang.h"

namespace formwork::ui {

enum class Str {
    AppTitle,
    MenuFile, MenuNew, MenuDuplicate, MenuDelete, MenuSave, MenuImport, MenuQuit,
    MenuEdit, MenuUndo, MenuRedo,
    MenuView, MenuLanguage, MenuFilings, MenuProblems, MenuScripts, MenuHistory,
    Filings, Search, AllTemplates, AllYears, ColTitle, ColTemplate, ColYear, ColProblems, NoFilings,
    Form, NoFilingOpen, FieldsBlock, AddRow, RemoveRow, MoveUp, MoveDown, Total, Computed,
    Edit, Ok, Cancel, NotANumber, Refused, Level1, Level2, Level3, AddIndicator,
    Problems, NoProblems, ChecksNotLoaded, Severity, Location, Message,
    Scripts, Templates, Checks, Status, StatusOk, StatusError, File, CheckLog, NoCheckLog,
    History, Restore, RevisionAt, Changes, NoRevisions,
    Saved, Unsaved, LastCheck, Never, Database,
    SaveChanges, SaveChangesText, Save, DontSave,
    DeleteFiling, DeleteFilingText, Delete,
    NewFilingOf, DuplicateOf, RestoredRevision, SavedRevision, NothingToSave,
    DraftFound, DraftFoundText, RestoreDraft, DiscardDraft,
    ImportFiles, ImportPath, ImportRun, ImportDone, ImportFailed,
    MenuExport, ExportTitle, ExportOpen, ExportAll, ExportFormat, ExportPath, ExportRun, ExportDone, ExportFailed,
    ExportUnsavedNote,
    TemplateMissing, Error, Warning, Info, Ms,
    ImportFilingsUnit, Close,
    Damaged, DamagedTip, ReadOnlyDb, ReadOnlyRefused, ScriptErrorsNote, SwitchedOffNote,
    // The grid (view_grid.cpp).
    GridPasted, GridFilled, GridCleared, GridRefusedTitle, GridRefusedText, GridConverted, NotAPercent, NotAWholeNumber,
    BeyondLastRow, BeyondLastColumn, GridCell, GridValue, GridReason, GridHint,
    // Template versions and next year's filing (view_migrate.cpp); {1}, {2} … are filled in.
    VersionOld, VersionNotKept, VersionReview, UpdateTitle, UpdateIntro, UpdateNoChanges, UpdateUnsavedNote, UpdateRun,
    UpdateSummary, UpdateDone, UpdateDoneUnsaved, UpdateFailed, UpdateOldKeptNote,
    KindMoved, KindRenamed, KindChanged, KindSplit, KindAdded, KindNoted,
    MenuNextYear, NextYearTitle, NextYearIntro, NextYearMigrated, NextYearAmountsKept, NextYearAmountsCleared,
    NextYearPeriodIn, NextYearPeriodOut, NextYearNoPeriod, NextYearDuplicate, NextYearNotes, NextYearNoYearField,
    NextYearNoYear, NextYearCreate, NextYearCreateAnyway, NextYearOpened, EarlierVersion,
    RestoreOtherVersionUnsaved,
    // Punctuation and pieces of sentences that differ by language ("{1}" stands for a value).
    Colon, ListSep, Semicolon, EditedInShell, UnplacedCells, UnitPrefix, Overflow,
    // The filing list's counts, the problems panel's quiet group, the revision list.
    CountsLegend, CountsTip, CountsPending, CouldNotJudge, CouldNotJudgeTip,
    ReasonManyFilings, ReasonNoDepartment, ReasonNeedsDepartment,
    RevisionCreated, RevisionRestoredFrom, CellsChanged, OneCellChanged, NoCellsChanged, ImportedFrom,
    // File > Import… and File > Export…: the file chooser.
    Browse, ChooseImportTitle, ChooseExportTitle, FolderUp, FolderHome, Folder, FileName, FilterSupported, FilterAll,
    ShowHidden, Choose, ColName, ColSize, ColModified, FolderEntry, ReplaceFile, ReplaceFileText, Replace,
    WaitingForChooser, CannotReadFolder, NoSuchPath, SelectedCount,
    // The reviewer's marks (view_problems.cpp) and File > Report… (view_report.cpp).
    ReviewNeedsSave, WarningAccepted, WarningUnaccepted, NoteSaved, NoteRemoved, Accept, AcceptTip, Unaccept,
    AcceptedGroup, AcceptedTip, NoteButton, NoteButtonTip, ReviewNote, FilingNoteLabel, NoNote, NoteOnFinding,
    NoteOnFiling, NoteWrittenAt, ReviewerSays, NoteKeptText, RemoveNote, MenuReport, ReportTitle, ReportOpen,
    ReportAll, ReportTemplate, ReportYear, ReportErrorVerdict, VerdictReturn, VerdictAmend, ReportRun,
    ReportRunning, ReportDone, ReportFailed, ReportIncomplete, ReportNoChecks, ReportUnsavedNote, ReportOpenFile,
    ChooseReportTitle, ReportNoFiling, DamagedCount, CannotOpenFile,
    // The shared store (issue 15): statuses, their steps, and a save that met another one.
    ColStatus, AllStatuses, StatusDraft, StatusSubmitted, StatusApproved, StatusReturned,
    MenuSubmit, MenuApprove, MenuReturn, ReturnTitle, ReturnReason, StatusChangedTo, LockedNote,
    ConflictTitle, ConflictIntro, ConflictPlace, ConflictMine, ConflictTheirs, ConflictSaveChosen, ConflictMerged,
    Count_  // keep last
};

const char* tr(Str key, Lang lang);
// The string of `key` with its "{1}" replaced by `value` (e.g. CellsChanged: "3 个单元格", "3 cells").
std::string tr_with(Str key, Lang lang, const std::string& value);

// A string of the table with its {1}, {2} … replaced by `values` in order.
std::string fill(const char* pattern, const std::vector<std::string>& values);

// Every string of the table in both languages (to build the font atlas).
std::vector<const char*> all_strings();

}  // namespace formwork::ui
