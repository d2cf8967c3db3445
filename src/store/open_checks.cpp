// The refusals of Database::open (see open_checks.h).
#include "store/open_checks.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "store/schema.h"

namespace formwork::store {

namespace {

using Code = StoreError::Code;
using Action = StoreError::Action;

[[noreturn]] void refuse(Code code, const std::string& path, std::string detail = {}) {
    throw StoreError(code, Action::Open, path, std::move(detail));
}

std::string hex_id(std::uint32_t id) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08X", id);
    return buf;
}

std::uint32_t big_endian32(const unsigned char* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

std::string folder_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

bool is_ours(std::uint32_t application_id) { return application_id == std::uint32_t(kApplicationId); }

void check_schema_version(const std::string& path, std::int64_t version) {
    if (version > latest_schema_version())
        refuse(Code::NewerSchema, path,
               "schema " + std::to_string(version) + " > " + std::to_string(latest_schema_version()));
}

// A read-only connection cannot migrate.
void check_upgrade_not_needed(const std::string& path, std::int64_t version) {
    if (version < latest_schema_version())
        refuse(Code::OlderSchema, path,
               "schema " + std::to_string(version) + " < " + std::to_string(latest_schema_version()));
}

std::int64_t file_size(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_size : 0;
}

// The checks SQLite itself makes before calling a file a database ("file is not a database").
bool plausible_header(const unsigned char* h) {
    static const char kMagic[] = "SQLite format 3";  // with its terminating NUL: 16 bytes
    if (std::memcmp(h, kMagic, sizeof kMagic) != 0) return false;
    const unsigned page_size = (unsigned(h[16]) << 8) | h[17];
    const bool power_of_two = page_size != 0 && (page_size & (page_size - 1)) == 0;
    if (page_size != 1 && !(power_of_two && page_size >= 512)) return false;
    return h[21] == 64 && h[22] == 32 && h[23] == 32;
}

Code write_denied_code(int err) { return err == EACCES || err == EROFS || err == EPERM ? Code::ReadOnly : Code::Io; }

}  // namespace

FileFacts inspect_file(const std::string& path, OpenMode mode) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) {
            if (mode != OpenMode::CreateOrOpen) refuse(Code::FileMissing, path);
            return {false, false};
        }
        refuse(errno == EACCES ? Code::NoAccess : Code::Io, path, std::strerror(errno));
    }
    if (!S_ISREG(st.st_mode)) refuse(Code::NotSqlite, path, S_ISDIR(st.st_mode) ? "folder" : "not a regular file");
    if (st.st_size == 0) {
        // A zero-byte file holds nothing to lose, so CreateOrOpen may make it a database
        // (mktemp leaves one); OpenExisting must not quietly turn it into one.
        if (mode != OpenMode::CreateOrOpen) refuse(Code::NotFormwork, path, "0 bytes");
        return {true, false};
    }

    unsigned char header[100] = {};
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) refuse(errno == EACCES ? Code::NoAccess : Code::Io, path, std::strerror(errno));
    const ssize_t n = ::read(fd, header, sizeof header);
    ::close(fd);
    if (n < static_cast<ssize_t>(sizeof header) || !plausible_header(header)) refuse(Code::NotSqlite, path);

    const std::uint32_t application_id = big_endian32(header + 68);
    const std::int64_t version = big_endian32(header + 60);
    if (application_id != 0 && !is_ours(application_id))
        refuse(Code::NotFormwork, path, "application_id " + hex_id(application_id));
    if (is_ours(application_id)) check_schema_version(path, version);

    // Without WAL content the header is the whole truth, so the refusals that otherwise need
    // SQLite can be made here too. (With it, the stamp of a new database may sit in the WAL:
    // a crash right after creation leaves the main file unstamped.)
    const bool wal_content = file_size(path + "-wal") > 0;
    if (!wal_content && mode != OpenMode::CreateOrOpen) {
        if (application_id == 0) refuse(Code::NotFormwork, path, "application_id " + hex_id(0));
        if (mode == OpenMode::ReadOnly) check_upgrade_not_needed(path, version);
    }
    return {true, wal_content};
}

// access() rather than trying: a failed attempt could already have left a file behind.
void check_writable(const std::string& path, const FileFacts& facts) {
    // WAL needs the -wal and -shm files beside the database.
    const std::string folder = folder_of(path);
    if (::access(folder.c_str(), W_OK) != 0) refuse(write_denied_code(errno), path, folder + ": " + std::strerror(errno));
    if (facts.exists && ::access(path.c_str(), W_OK) != 0) refuse(write_denied_code(errno), path, std::strerror(errno));
}

// A WAL database can only be read where its -shm file exists or can be created. In a
// read-only folder without one, nobody can be writing (a writer would need the -wal file
// there too), so the main file is all there is and SQLite may read it as immutable.
bool needs_immutable(const std::string& path) {
    struct stat st {};
    return ::access(folder_of(path).c_str(), W_OK) != 0 && ::stat((path + "-wal").c_str(), &st) != 0 &&
           ::stat((path + "-shm").c_str(), &st) != 0;
}

std::string immutable_uri(const std::string& path) {
    std::string uri = "file:";
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~' || c >= 0x80) {
            uri += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            uri += buf;
        }
    }
    return uri + "?immutable=1";
}

bool validate_stamp(const Stamp& s, const std::string& path, OpenMode mode) {
    if (s.fresh()) {
        if (mode != OpenMode::CreateOrOpen) refuse(Code::NotFormwork, path, "empty database");
        return true;
    }
    if (!is_ours(s.application_id)) refuse(Code::NotFormwork, path, "application_id " + hex_id(s.application_id));
    check_schema_version(path, s.version);
    if (mode == OpenMode::ReadOnly) check_upgrade_not_needed(path, s.version);
    return false;
}

}  // namespace formwork::store
