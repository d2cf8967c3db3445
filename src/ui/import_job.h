// File > Import runs here, off the UI thread: each file is read and saved (one transaction per
// file) through the same src/io path as `formwork import`, on the worker's own database
// connection, while the dialog shows which file is being read and how many are done.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/lang.h"

namespace formwork::ui {

struct ImportOutcome {
    std::string file;
    bool ok = false;
    int filings = 0;
    int unplaced = 0;
    std::string error;  // with the line, when the file failed
};

class ImportJob {
public:
    ImportJob() = default;
    ~ImportJob();
    ImportJob(const ImportJob&) = delete;
    ImportJob& operator=(const ImportJob&) = delete;

    void start(const std::string& db_path, std::vector<std::string> files, Lang lang);
    bool running() const { return running_.load(); }
    bool finished() const { return finished_.load(); }
    size_t done() const { return done_.load(); }
    size_t total() const { return total_; }
    std::string current() const;
    std::vector<ImportOutcome> outcomes() const;
    void wait();
    void reset();  // forget a finished job's results

private:
    std::thread worker_;
    std::atomic<bool> running_{false};
    std::atomic<bool> finished_{false};
    std::atomic<size_t> done_{0};
    size_t total_ = 0;
    mutable std::mutex mutex_;
    std::string current_;
    std::vector<ImportOutcome> outcomes_;
};

// Splits what the user typed in the import dialog into paths: one per line; a folder stands
// for the *.txt and *.json files in it.
std::vector<std::string> import_paths(const std::string& typed);

}  // namespace formwork::ui
