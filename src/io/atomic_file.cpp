// Temporary-file-and-rename output (see atomic_file.h).
#include "io/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <system_error>

#include "io/export.h"

namespace formwork::io {

namespace {

std::filesystem::path temp_name_for(const std::filesystem::path& target) {
    static std::atomic<unsigned> counter{0};
    const std::string name = "." + target.filename().string() + "." + std::to_string(::getpid()) + "-" +
                             std::to_string(counter++) + ".part";
    return target.parent_path() / name;
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)), temp_(temp_name_for(target_)) {
    // Created at once, so that a missing or read-only folder is reported before any work and
    // in the system's words (libraries that write the file later say less).
    const int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw ExportError(ExportError::Code::Write, target_.string(), std::strerror(errno));
    ::close(fd);
}

AtomicFile::~AtomicFile() {
    if (committed_) return;
    std::error_code ec;
    std::filesystem::remove(temp_, ec);  // nothing to report from a destructor
}

void AtomicFile::commit() {
    // fsync before rename: after a crash the name must never point at a file whose blocks
    // were not written yet.
    const int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw ExportError(ExportError::Code::Write, target_.string(), std::strerror(errno));
    const bool synced = ::fsync(fd) == 0;
    const int sync_errno = errno;
    ::close(fd);
    if (!synced) throw ExportError(ExportError::Code::Write, target_.string(), std::strerror(sync_errno));
    if (std::filesystem::is_directory(target_))
        throw ExportError(ExportError::Code::Write, target_.string(), "is a directory");
    std::error_code ec;
    std::filesystem::rename(temp_, target_, ec);
    if (ec) throw ExportError(ExportError::Code::Write, target_.string(), ec.message());
    committed_ = true;
}

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
    AtomicFile file(target);
    {
        std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
        if (!out) throw ExportError(ExportError::Code::Write, target.string(), std::strerror(errno));
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.close();
        if (!out) throw ExportError(ExportError::Code::Write, target.string(), std::strerror(errno));
    }
    file.commit();
}

}  // namespace formwork::io
