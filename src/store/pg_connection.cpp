// PostgreSQL statements behind Cursor (see pg_connection.h). A statement that may return every
// filing (stream) is read through a server-side cursor in chunks, so that a batch check over
// 100,000 filings does not hold all of them in memory at once, and in the binary form, so that
// the snapshots' bytes travel as they are rather than as hex digits. In that form int64() reads
// integers and booleans and text()/view() any text or bytea column: a streamed statement
// selects no other type.
#include "store/pg_connection.h"

#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

namespace formwork::store {

using Code = StoreError::Code;
using Action = StoreError::Action;

namespace {

// Rows per FETCH of a streamed statement: a batch's rows are filing snapshots of a few KB
// each, so a chunk holds a few MB.
constexpr int kChunkRows = 1000;
constexpr Oid kByteaOid = 17;  // pg_type.oid of bytea, fixed in every server

Code code_for_state(const char* state) {
    const std::string s = state ? state : "";
    if (s == "42501" || s == "P0001") return Code::Denied;  // no privilege; a status the role may not set
    if (s == "40001" || s == "40P01" || s == "55P03") return Code::Locked;
    if (s == "53100") return Code::DiskFull;
    if (s.starts_with("28")) return Code::NoAccess;  // authentication
    if (s.starts_with("08") || s.starts_with("57") || s.starts_with("58")) return Code::Io;
    if (s == "25006") return Code::ReadOnly;  // a read-only transaction was asked to write
    return Code::Sql;
}

std::string trimmed(const char* message) {
    std::string m = message ? message : "";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    return m;
}

void ignore_notice(void*, const char*) {}

class PgCursor final : public Cursor {
public:
    PgCursor(PgConnection& conn, std::string path, std::string_view sql, Action action, bool stream)
        : conn_(conn), path_(std::move(path)), action_(action), stream_(stream) {
        sql_ = pg_parameters(sql, count_);
        params_.resize(static_cast<size_t>(count_));
        name_ = conn_.next_name("fw_s");
        PGresult* r = PQprepare(conn_.raw(), name_.c_str(), sql_.c_str(), 0, nullptr);
        if (PQresultStatus(r) != PGRES_COMMAND_OK) throw_pg(conn_.raw(), r, path_, action_);
        PQclear(r);
    }
    ~PgCursor() override {
        reset();
        if (PQstatus(conn_.raw()) == CONNECTION_OK && PQtransactionStatus(conn_.raw()) != PQTRANS_INERROR)
            PQclear(PQexec(conn_.raw(), ("DEALLOCATE " + name_).c_str()));
    }

    void bind_int(int index, std::int64_t value) override { at(index) = std::to_string(value); }
    void bind_text(int index, std::string_view text) override { at(index) = std::string(text); }
    void bind_null(int index) override { at(index).reset(); }
    // As bytea's hex input form, so that any byte (a zero too) goes through a text parameter.
    void bind_blob(int index, std::string_view bytes) override {
        static constexpr char kHex[] = "0123456789abcdef";
        std::string hex = "\\x";
        hex.reserve(2 + 2 * bytes.size());
        for (const unsigned char c : bytes) {
            hex += kHex[c >> 4];
            hex += kHex[c & 0xF];
        }
        at(index) = std::move(hex);
    }

    bool step() override {
        if (!result_) {
            execute();
        } else {
            ++row_;
            if (row_ >= PQntuples(result_) && !portal_.empty() && PQntuples(result_) == kChunkRows) fetch();
        }
        return row_ < PQntuples(result_);
    }
    void reset() override {
        if (result_) PQclear(result_);
        result_ = nullptr;
        row_ = 0;
        if (!portal_.empty() && PQtransactionStatus(conn_.raw()) == PQTRANS_INTRANS)
            PQclear(PQexec(conn_.raw(), ("CLOSE " + portal_).c_str()));
        portal_.clear();
        for (auto& p : params_) p.reset();
    }
    std::int64_t int64(int column) const override {
        const char* v = PQgetvalue(result_, row_, column);
        if (PQfformat(result_, column) == 1) return binary_integer(column, v);
        if (v[0] == 't' && v[1] == 0) return 1;  // a boolean column
        if (v[0] == 'f' && v[1] == 0) return 0;
        return std::strtoll(v, nullptr, 10);
    }
    std::string text(int column) const override {
        return std::string(PQgetvalue(result_, row_, column), static_cast<size_t>(PQgetlength(result_, row_, column)));
    }
    // A bytea column (a filing snapshot) in the text form (hex digits) is handed over as its
    // bytes, valid until the next call; in the binary form it is its bytes already.
    std::string_view view(int column) const override {
        const char* value = PQgetvalue(result_, row_, column);
        if (PQftype(result_, column) != kByteaOid || PQfformat(result_, column) == 1)
            return {value, static_cast<size_t>(PQgetlength(result_, row_, column))};
        size_t size = 0;
        bytes_.reset(PQunescapeBytea(reinterpret_cast<const unsigned char*>(value), &size));
        if (!bytes_) throw StoreError(Code::BadData, action_, path_, "a bytea value that does not decode");
        return {reinterpret_cast<const char*>(bytes_.get()), size};
    }
    bool is_null(int column) const override { return PQgetisnull(result_, row_, column) != 0; }

private:
    // An integer or boolean column in the binary form: big-endian, 1, 2, 4 or 8 bytes.
    std::int64_t binary_integer(int column, const char* v) const {
        const int size = PQgetlength(result_, row_, column);
        if (size != 1 && size != 2 && size != 4 && size != 8)
            throw StoreError(Code::BadData, action_, path_, "column " + std::to_string(column) + " is no integer");
        std::uint64_t u = 0;
        for (int i = 0; i < size; ++i) u = (u << 8) | static_cast<unsigned char>(v[i]);
        if (size < 8 && (u >> (size * 8 - 1))) u |= ~std::uint64_t{0} << (size * 8);  // sign-extended
        return static_cast<std::int64_t>(u);
    }

    std::optional<std::string>& at(int index) {
        if (index < 1 || index > count_)
            throw StoreError(Code::Sql, action_, path_, "parameter " + std::to_string(index) + " out of range");
        return params_[static_cast<size_t>(index - 1)];
    }

    std::vector<const char*> values() const {
        std::vector<const char*> v;
        for (const auto& p : params_) v.push_back(p ? p->c_str() : nullptr);
        return v;
    }

    void execute() {
        row_ = 0;
        const auto v = values();
        // A stream needs a transaction to hold its cursor; outside one it is read whole.
        if (stream_ && conn_.in_transaction()) {
            portal_ = conn_.next_name("fw_c");
            PGresult* r = PQexecParams(conn_.raw(), ("DECLARE " + portal_ + " BINARY NO SCROLL CURSOR FOR " + sql_).c_str(),
                                       count_, nullptr, v.data(), nullptr, nullptr, 0);
            if (PQresultStatus(r) != PGRES_COMMAND_OK) {
                portal_.clear();
                throw_pg(conn_.raw(), r, path_, action_);
            }
            PQclear(r);
            fetch();
            return;
        }
        PGresult* r = PQexecPrepared(conn_.raw(), name_.c_str(), count_, v.data(), nullptr, nullptr, stream_ ? 1 : 0);
        const auto status = PQresultStatus(r);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) throw_pg(conn_.raw(), r, path_, action_);
        conn_.count(r);
        result_ = r;
    }

    void fetch() {
        if (result_) PQclear(result_);
        result_ = nullptr;
        row_ = 0;
        PGresult* r = PQexec(conn_.raw(), ("FETCH FORWARD " + std::to_string(kChunkRows) + " FROM " + portal_).c_str());
        if (PQresultStatus(r) != PGRES_TUPLES_OK) throw_pg(conn_.raw(), r, path_, action_);
        result_ = r;
    }

    PgConnection& conn_;
    std::string path_;
    Action action_;
    bool stream_;
    std::string sql_;
    std::string name_;
    std::string portal_;
    int count_ = 0;
    std::vector<std::optional<std::string>> params_;
    PGresult* result_ = nullptr;
    int row_ = 0;
    struct FreeBytes {
        void operator()(unsigned char* p) const { PQfreemem(p); }
    };
    mutable std::unique_ptr<unsigned char, FreeBytes> bytes_;  // the last bytea view()
};

}  // namespace

bool is_postgres_url(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string shown_location(const std::string& location) {
    if (!is_postgres_url(location)) return location;
    std::string out = location;
    // postgresql://user:secret@host/db → postgresql://user@host/db
    const size_t scheme = out.find("://") + 3;
    const size_t at = out.find('@', scheme);
    const size_t slash = out.find('/', scheme);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
        const size_t colon = out.find(':', scheme);
        if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
    }
    // …?password=secret&…
    for (size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
        if (p > 0 && out[p - 1] != '?' && out[p - 1] != '&') continue;
        const size_t end = out.find('&', p);
        out.erase(p + 9, (end == std::string::npos ? out.size() : end) - (p + 9));
        out.insert(p + 9, "***");
    }
    return out;
}

std::string pg_parameters(std::string_view sql, int& count) {
    std::string out;
    out.reserve(sql.size() + 8);
    count = 0;
    int next = 0;
    bool quoted = false;
    for (size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'') quoted = !quoted;
        if (c != '?' || quoted) {
            out += c;
            continue;
        }
        int n = 0;
        size_t j = i + 1;
        while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') n = n * 10 + (sql[j++] - '0');
        if (j == i + 1) n = ++next;
        i = j - 1;
        out += '$' + std::to_string(n);
        if (n > count) count = n;
    }
    return out;
}

void throw_pg(PGconn* conn, PGresult* result, const std::string& path, Action action) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string detail = trimmed(result ? PQresultErrorMessage(result) : nullptr);
    if (detail.empty()) detail = trimmed(PQerrorMessage(conn));
    Code code = code_for_state(state);
    if (!state && PQstatus(conn) != CONNECTION_OK) code = Code::Io;
    if (result) PQclear(result);
    throw StoreError(code, action, path, detail);
}

PgConnection::PgConnection(const std::string& conninfo, const std::string& shown) {
    const char* keys[] = {"dbname", "client_encoding", "application_name", "connect_timeout", nullptr};
    const char* values[] = {conninfo.c_str(), "UTF8", "formwork", "10", nullptr};
    conn_ = PQconnectdbParams(keys, values, 1);
    if (!conn_) throw StoreError(Code::Io, Action::Open, shown, "out of memory");
    if (PQstatus(conn_) != CONNECTION_OK) {
        std::string detail = trimmed(PQerrorMessage(conn_));
        const bool auth = detail.find("authentication") != std::string::npos ||
                          detail.find("password") != std::string::npos ||
                          detail.find("permission denied") != std::string::npos;
        throw StoreError(auth ? Code::NoAccess : Code::Io, Action::Open, shown, detail);
    }
    PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
}

PgConnection::~PgConnection() {
    if (conn_) PQfinish(conn_);
}

std::unique_ptr<Cursor> PgConnection::prepare(std::string_view sql, const std::string& path, Action action,
                                              bool stream) {
    return std::make_unique<PgCursor>(*this, path, sql, action, stream);
}

void PgConnection::exec(const std::string& sql, const std::string& path, Action action) {
    PGresult* r = PQexec(conn_, sql.c_str());
    const auto status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw_pg(conn_, r, path, action);
    count(r);
    PQclear(r);
}

void PgConnection::count(PGresult* result) {
    const char* status = PQcmdStatus(result);
    if (std::strncmp(status, "INSERT", 6) && std::strncmp(status, "UPDATE", 6) && std::strncmp(status, "DELETE", 6)) {
        changes_ = 0;
        return;
    }
    changes_ = std::atoll(PQcmdTuples(result));
    total_changes_ += changes_;
}

std::string PgConnection::next_name(const char* prefix) { return prefix + std::to_string(++names_); }

std::string PgConnection::literal(const std::string& text) const {
    char* q = PQescapeLiteral(conn_, text.c_str(), text.size());
    std::string out = q ? q : "''";
    PQfreemem(q);
    return out;
}

std::string PgConnection::identifier(const std::string& text) const {
    char* q = PQescapeIdentifier(conn_, text.c_str(), text.size());
    std::string out = q ? q : "\"\"";
    PQfreemem(q);
    return out;
}

}  // namespace formwork::store
