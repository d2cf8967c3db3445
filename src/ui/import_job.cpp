// The background import of File > Import (see import_job.h).
#include "ui/import_job.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <filesystem>

#include "io/import_files.h"
#include "templates/template_registry.h"
#include "store/database.h"
#include "ui/strings.h"

namespace formwork::ui {

namespace fs = std::filesystem;

ImportJob::~ImportJob() { wait(); }

void ImportJob::wait() {
    if (worker_.joinable()) worker_.join();
}

void ImportJob::reset() {
    wait();
    finished_ = false;
    std::lock_guard lock(mutex_);
    outcomes_.clear();
    current_.clear();
}

std::string ImportJob::current() const {
    std::lock_guard lock(mutex_);
    return current_;
}

std::vector<ImportOutcome> ImportJob::outcomes() const {
    std::lock_guard lock(mutex_);
    return outcomes_;
}

void ImportJob::start(const std::string& db_path, std::vector<std::string> files, Lang lang) {
    reset();
    total_ = files.size();
    done_ = 0;
    running_ = true;
    worker_ = std::thread([this, db_path, files = std::move(files), lang] {
        std::vector<ImportOutcome> results;
        try {
            script::TemplateRegistry registry;
            registry.refresh();
            std::vector<std::shared_ptr<const FormSpec>> specs;
            for (const auto& e : registry.entries())
                if (e.ok()) specs.push_back(e.spec);
            io::Importer importer(specs);
            store::Database db = store::Database::open(db_path, store::OpenMode::OpenExisting);
            if (auto why = io::refuse_damaged_database(db, lang)) throw std::runtime_error(*why);
            store::FilingStore filings(db);
            for (const auto& path : files) {
                {
                    std::lock_guard lock(mutex_);
                    current_ = path;
                }
                io::FileImport file = io::read_import_file(importer, specs, path);
                ImportOutcome out{path, !file.failed, 0, 0, lang == Lang::Zh ? file.error.zh : file.error.en};
                if (file.failed && file.line > 0) out.error = std::to_string(file.line) + ": " + out.error;
                for (const auto& x : file.refused)
                    if (!file.failed)
                        out.error += (out.error.empty() ? "" : tr(Str::Semicolon, lang)) + std::to_string(x.line) + ": " + (lang == Lang::Zh ? x.why.zh : x.why.en);
                if (!file.failed)
                    if (auto why = io::save_imported(filings, file, lang)) out.ok = false, out.error = *why;
                if (out.ok) {
                    out.filings = static_cast<int>(file.filings.size());
                    for (const auto& f : file.filings) out.unplaced += static_cast<int>(f.unplaced.size());
                }
                {
                    std::lock_guard lock(mutex_);
                    outcomes_.push_back(out);
                }
                ++done_;
            }
        } catch (const store::StoreError& e) {
            std::lock_guard lock(mutex_);
            outcomes_.push_back({db_path, false, 0, 0, store::describe(e, lang)});
        } catch (const std::exception& e) {
            std::lock_guard lock(mutex_);
            outcomes_.push_back({db_path, false, 0, 0, e.what()});
        }
        running_ = false;
        finished_ = true;
    });
}

std::vector<std::string> import_paths(const std::string& typed) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= typed.size()) {
        size_t nl = typed.find('\n', start);
        std::string line = typed.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.pop_back();
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.erase(0, 1);
        if (!line.empty()) {
            std::error_code ec;
            if (fs::is_directory(line, ec)) {
                std::vector<std::string> in_dir;
                // The formats the importer reads (it picks the reader by content; the names
                // only keep other files of the folder out).
                static const std::set<std::string> kImported = {".txt", ".json", ".xlsx", ".docx", ".html", ".htm"};
                for (const auto& de : fs::directory_iterator(line, ec)) {
                    std::string ext = de.path().extension().string();
                    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
                    if (kImported.count(ext)) in_dir.push_back(de.path().string());
                }
                std::sort(in_dir.begin(), in_dir.end());
                out.insert(out.end(), in_dir.begin(), in_dir.end());
            } else {
                out.push_back(line);
            }
        }
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

}  // namespace formwork::ui
