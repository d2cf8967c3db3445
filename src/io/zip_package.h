// A zip package (xlsx, docx) opened from memory with libzip, read one part at a time. It guards
// against zip bombs: a filing is a few hundred kilobytes of XML, so a part that unpacks to
// hundreds of megabytes is refused before (declared size) or while (actual size) it unpacks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct zip;

namespace formwork::io {

struct ZipLimits {
    std::uint64_t max_entry_size = 256ull << 20;  // one part, unpacked
    std::uint64_t max_total_size = 512ull << 20;  // every part read from this package, unpacked
    std::uint64_t max_entries = 10000;
};

class ZipPackage {
public:
    // `bytes` must outlive the package (libzip reads it in place). Throws GridError when the
    // bytes are not a zip file or its directory is damaged, or it has too many entries.
    explicit ZipPackage(std::string_view bytes, ZipLimits limits = {});
    ~ZipPackage();
    ZipPackage(const ZipPackage&) = delete;
    ZipPackage& operator=(const ZipPackage&) = delete;

    // Part names are matched exactly, then ignoring case (OPC part names are case-insensitive).
    bool contains(std::string_view name) const;
    // The unpacked part, or nothing when there is no such entry. Throws GridError when the entry
    // is damaged or larger than the limits allow (whatever its header says).
    std::optional<std::string> read(std::string_view name);
    std::vector<std::string> names() const;

private:
    std::int64_t locate(std::string_view name) const;

    zip* archive_ = nullptr;
    ZipLimits limits_;
    std::uint64_t package_size_;
    std::uint64_t total_read_ = 0;
};

}  // namespace formwork::io
