// An output file that appears complete or not at all: it is written under a temporary name
// in the destination's folder (so the final rename stays on one file system and is atomic)
// and renamed over the destination only by commit(). Dropped without commit, the temporary
// file is removed and the destination is untouched.
#pragma once

#include <filesystem>
#include <string_view>

namespace formwork::io {

class AtomicFile {
public:
    // Creates the (empty) temporary file; throws ExportError (Write) when it cannot.
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Where the writer writes: "<dir>/.<name>.<pid>-<n>.part".
    const std::filesystem::path& temp_path() const { return temp_; }
    const std::filesystem::path& target() const { return target_; }

    // Flushes the temporary file to disk and renames it over the target. Throws ExportError
    // (Write) naming the target when either step fails.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    bool committed_ = false;
};

// Writes `content` to `target` through an AtomicFile.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

}  // namespace formwork::io
