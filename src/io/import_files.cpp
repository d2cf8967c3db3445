// Importing files into a database (see import_files.h).
#include "io/import_files.h"

#include "core/filing_facts.h"
#include "io/import_json.h"

namespace formwork::io {

FileImport read_import_file(const Importer& importer, const std::vector<std::shared_ptr<const FormSpec>>& specs,
                            const std::filesystem::path& path, const ImportOptions& options) {
    if (auto from_json = import_json_file(path.string(), specs)) {
        from_json->format = "json";
        return std::move(*from_json);
    }
    return importer.import_file(path, options);
}

std::optional<std::string> refuse_damaged_database(const store::Database& db, Lang lang) {
    std::vector<std::string> problems;
    try {
        problems = db.integrity_problems(true, 5);
    } catch (const store::StoreError& e) {
        problems.push_back(store::describe(e, lang));
    }
    if (problems.empty()) return std::nullopt;
    std::string first = problems.front();
    return lang == Lang::Zh ? "数据库 " + db.path() + " 未通过完整性检查（" + first + "），不写入；请先运行 formwork doctor --db " + db.path()
                            : "the database " + db.path() + " fails its integrity check (" + first +
                                  "), so nothing is written to it; run formwork doctor --db " + db.path() + " first";
}

std::optional<std::string> save_imported(store::FilingStore& filings, FileImport& file, Lang lang) {
    try {
        store::FilingStore::Batch batch(filings);
        for (auto& f : file.filings) {
            store::SaveInfo info;
            info.title = filing_title(f.filing, *f.spec);
            if (auto y = filing_year(f.filing, *f.spec)) info.year = std::to_string(*y);
            info.summary = (lang == Lang::Zh ? "导入自 " : "imported from ") + file.file;
            filings.save(f.filing, info);
        }
        batch.commit();
        return std::nullopt;
    } catch (const store::StoreError& e) {
        for (auto& f : file.filings) f.filing.id = 0;
        return store::describe(e, lang);
    }
}

}  // namespace formwork::io
