// Reading many files for an import on worker threads while the caller saves what was read:
// files are read (parsed, the costly part) up to `window` ahead, in parallel, and handed over
// strictly in the order given, so that output and ids are the same as a one-by-one import.
// Each worker reads with an Importer of its own (an Importer is not shared between threads).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "io/import_files.h"

namespace formwork::io {

class ImportAhead {
public:
    // `importer` and `specs` must outlive this. jobs = 0: read on the caller's thread in next(),
    // with `importer`; else each worker makes its own from `specs` (same templates, same options).
    ImportAhead(const Importer& importer, const std::vector<std::shared_ptr<const FormSpec>>& specs,
                std::vector<std::string> paths, const ImportOptions& options, unsigned jobs, std::size_t window = 32);
    ~ImportAhead();
    ImportAhead(const ImportAhead&) = delete;
    ImportAhead& operator=(const ImportAhead&) = delete;

    // The read of file n (0, 1, 2 … in turn), waiting for it if a worker is still at it.
    FileImport next(std::size_t n);

private:
    void work();
    FileImport read(const Importer& importer, std::size_t i) const;

    const Importer& importer_;
    const std::vector<std::shared_ptr<const FormSpec>>& specs_;
    std::vector<std::string> paths_;
    ImportOptions options_;
    std::size_t window_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::optional<FileImport>> done_;
    std::size_t next_ = 0;      // the next file a worker takes
    std::size_t consumed_ = 0;  // files handed to the caller
    bool stop_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace formwork::io
