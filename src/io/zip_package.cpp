// Reading zip packages from memory with libzip (see zip_package.h).
#include "io/zip_package.h"

#include <zip.h>

#include <algorithm>

#include "io/text_grid.h"

namespace formwork::io {

namespace {

std::string megabytes(std::uint64_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB"; }

[[noreturn]] void throw_damaged(std::string_view part, const char* why) {
    throw GridError("the zip package is damaged: the part " + std::string(part) + " cannot be unpacked (" + why + ")", 0);
}

// Closes a libzip file on every path out of read().
struct FileCloser {
    zip_file_t* file;
    ~FileCloser() {
        if (file) zip_fclose(file);
    }
};

}  // namespace

ZipPackage::ZipPackage(std::string_view bytes, ZipLimits limits) : limits_(limits), package_size_(bytes.size()) {
    if (bytes.empty()) throw GridError("the file is empty", 0);  // libzip would open it as an empty archive
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        zip_error_fini(&error);
        throw GridError("cannot open the zip package (out of memory)", 0);
    }
    archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!archive_) {
        zip_source_free(source);
        const int code = zip_error_code_zip(&error);
        const std::string detail = zip_error_strerror(&error);
        zip_error_fini(&error);
        if (code == ZIP_ER_NOZIP) throw GridError("not a zip package (no zip directory found)", 0);
        if (code == ZIP_ER_INCONS) throw GridError("the zip package is damaged (its directory is inconsistent)", 0);
        throw GridError("the zip package cannot be opened (" + detail + ")", 0);
    }
    zip_error_fini(&error);
    const zip_int64_t entries = zip_get_num_entries(archive_, 0);
    if (entries < 0 || static_cast<std::uint64_t>(entries) > limits_.max_entries) {
        zip_discard(archive_);
        archive_ = nullptr;
        throw GridError("the zip package has too many entries (" + std::to_string(entries) + ", at most " +
                            std::to_string(limits_.max_entries) + " are read)",
                        0);
    }
}

ZipPackage::~ZipPackage() {
    if (archive_) zip_discard(archive_);  // read-only: nothing to write back
}

std::int64_t ZipPackage::locate(std::string_view name) const {
    const std::string n(name);
    zip_int64_t index = zip_name_locate(archive_, n.c_str(), 0);
    if (index < 0) index = zip_name_locate(archive_, n.c_str(), ZIP_FL_NOCASE);
    return index;
}

bool ZipPackage::contains(std::string_view name) const { return locate(name) >= 0; }

std::vector<std::string> ZipPackage::names() const {
    std::vector<std::string> out;
    const zip_int64_t n = zip_get_num_entries(archive_, 0);
    for (zip_int64_t i = 0; i < n; ++i)
        if (const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), 0)) out.emplace_back(name);
    return out;
}

std::optional<std::string> ZipPackage::read(std::string_view name) {
    const zip_int64_t index = locate(name);
    if (index < 0) return std::nullopt;
    const auto idx = static_cast<zip_uint64_t>(index);

    const std::uint64_t room = limits_.max_total_size > total_read_ ? limits_.max_total_size - total_read_ : 0;
    const std::uint64_t limit = std::min(limits_.max_entry_size, room);
    auto too_large = [&](std::uint64_t size) -> GridError {  // size: what the part unpacks to (at least)
        if (size > limits_.max_entry_size)
            return GridError("the part " + std::string(name) + " unpacks to more than " + megabytes(limits_.max_entry_size) +
                                 " (a damaged or hostile package; a filing is far smaller)",
                             0);
        return GridError("the zip package unpacks to more than " + megabytes(limits_.max_total_size) +
                             " (a damaged or hostile package; a filing is far smaller)",
                         0);
    };

    zip_stat_t st;
    zip_stat_init(&st);
    std::uint64_t declared = 0;
    bool has_declared = false;
    std::uint64_t first_guess = 1u << 16;  // what to allocate before reading
    if (zip_stat_index(archive_, idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
        declared = st.size;
        has_declared = true;
        if (declared > limit) throw too_large(declared);
        // Deflate expands at most about 1032 times: a header claiming more than that from the
        // entry's compressed bytes gets no more memory up front than the data could fill.
        const std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? std::min<std::uint64_t>(st.comp_size, package_size_) : package_size_;
        first_guess = std::min(declared, compressed * 1040 + 1024);
    }

    FileCloser file{zip_fopen_index(archive_, idx, 0)};
    if (!file.file) {
        const int code = zip_error_code_zip(zip_get_error(archive_));
        if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
            throw GridError("the part " + std::string(name) + " is encrypted (the file is password-protected)", 0);
        throw_damaged(name, zip_strerror(archive_));
    }

    // The header's size is only a hint: read until the data ends, never past the limit, so a
    // header that understates the size cannot make us unpack without bound.
    std::string out;
    out.resize(static_cast<std::size_t>(std::min(first_guess, limit) + 1));
    std::uint64_t used = 0;
    for (;;) {
        if (used == out.size()) {
            if (used > limit) break;
            out.resize(static_cast<std::size_t>(std::min<std::uint64_t>(std::max<std::uint64_t>(used * 2, 1u << 16), limit + 1)));
        }
        const zip_int64_t n = zip_fread(file.file, out.data() + used, out.size() - used);
        if (n < 0) throw_damaged(name, zip_file_strerror(file.file));
        if (n == 0) break;
        used += static_cast<std::uint64_t>(n);
    }
    if (used > limit) throw too_large(used);
    const int closed = zip_fclose(file.file);
    file.file = nullptr;
    if (closed != 0) throw_damaged(name, "checksum or data error");
    if (has_declared && used != declared) throw_damaged(name, "its size differs from the size in its header");
    total_read_ += used;
    out.resize(static_cast<std::size_t>(used));
    return out;
}

}  // namespace formwork::io
