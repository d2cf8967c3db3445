// Files of an import read ahead on worker threads (see import_ahead.h).
#include "io/import_ahead.h"

#include <exception>

namespace formwork::io {

ImportAhead::ImportAhead(const Importer& importer, const std::vector<std::shared_ptr<const FormSpec>>& specs,
                         std::vector<std::string> paths, const ImportOptions& options, unsigned jobs, std::size_t window)
    : importer_(importer), specs_(specs), paths_(std::move(paths)), options_(options), window_(std::max<std::size_t>(window, 1)),
      done_(paths_.size()) {
    for (unsigned j = 0; j < jobs && j < paths_.size(); ++j) threads_.emplace_back([this] { work(); });
}

ImportAhead::~ImportAhead() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    for (auto& t : threads_) t.join();
}

FileImport ImportAhead::read(const Importer& importer, std::size_t i) const {
    try {
        return read_import_file(importer, specs_, paths_[i], options_);
    } catch (const std::exception& e) {
        // The readers report a file's problems in FileImport; anything else fails that file alone.
        FileImport f;
        f.file = paths_[i];
        f.failed = true;
        f.error = {e.what(), e.what()};
        return f;
    }
}

void ImportAhead::work() {
    // An importer of its own: an Importer keeps each template's pattern budget for the file it
    // reads, so two threads must not share one.
    const Importer importer(specs_);
    for (;;) {
        std::size_t i = 0;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stop_ || next_ >= paths_.size() || next_ < consumed_ + window_; });
            if (stop_ || next_ >= paths_.size()) return;
            i = next_++;
        }
        FileImport f = read(importer, i);
        {
            std::lock_guard lock(mutex_);
            done_[i] = std::move(f);
        }
        changed_.notify_all();
    }
}

FileImport ImportAhead::next(std::size_t n) {
    if (threads_.empty()) return read(importer_, n);
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return done_[n].has_value(); });
    FileImport f = std::move(*done_[n]);
    done_[n].reset();
    consumed_ = n + 1;
    lock.unlock();
    changed_.notify_all();
    return f;
}

}  // namespace formwork::io
