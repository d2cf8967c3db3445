// Shared set-up of the export tests (see export_support.h).
#include "export_support.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/decimal.h"
#include "io/importer.h"
#include "templates/template_registry.h"

namespace fs = std::filesystem;

namespace export_test {

namespace {

formwork::script::TemplateRegistry& registry() {
    static formwork::script::TemplateRegistry r({{fs::path(FORMWORK_SOURCE_DIR) / "scripts" / "templates", "shipped"}});
    static const bool loaded = (r.refresh(), true);
    (void)loaded;
    return r;
}

struct Cleanup {
    std::vector<std::string> dirs;
    ~Cleanup() {
        if (std::getenv("FORMWORK_KEEP_EXPORTS")) return;  // keep the files to look at them
        std::error_code ec;
        for (const auto& d : dirs) fs::remove_all(d, ec);
    }
};

Cleanup& cleanup() {
    static Cleanup c;
    return c;
}

}  // namespace

std::shared_ptr<const formwork::FormSpec> shipped_template(const std::string& id) {
    auto spec = registry().find(id);
    REQUIRE(spec);
    return spec;
}

const std::vector<Seed>& seeds() {
    static const std::vector<Seed> all = [] {
        std::vector<std::shared_ptr<const formwork::FormSpec>> specs;
        for (const auto& e : registry().entries())
            if (e.ok()) specs.push_back(e.spec);
        formwork::io::Importer importer(specs);
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(FORMWORK_SEEDS_DIR))
            if (entry.path().extension() == ".txt") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        std::vector<Seed> out;
        for (const auto& file : files) {
            auto result = importer.import_file(file);
            if (result.failed) FAIL(file.string() << ":" << result.line << ": " << result.error.en);
            for (auto& f : result.filings) {
                f.filing.id = static_cast<std::int64_t>(out.size() + 1);
                out.push_back({std::move(f.filing), f.spec});
            }
        }
        return out;
    }();
    return all;
}

std::vector<formwork::io::ExportItem> one_per_template() {
    std::map<std::string, formwork::io::ExportItem> first;
    for (const auto& s : seeds()) first.try_emplace(s.filing.template_id, formwork::io::ExportItem{&s.filing, s.spec});
    std::vector<formwork::io::ExportItem> out;
    for (auto& [id, item] : first) out.push_back(item);
    return out;
}

std::vector<formwork::io::ExportItem> all_seeds() {
    std::vector<formwork::io::ExportItem> out;
    for (const auto& s : seeds()) out.push_back({&s.filing, s.spec});
    return out;
}

std::string scratch_dir() {
    std::string tmpl = "/tmp/formwork-export-XXXXXX";
    REQUIRE(mkdtemp(tmpl.data()));
    cleanup().dirs.push_back(tmpl);
    return tmpl;
}

std::string run(const std::string& command, int* status) {
    FILE* p = popen(command.c_str(), "r");
    REQUIRE(p);
    std::string out;
    char buf[65536];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    const int rc = pclose(p);
    if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string squeeze(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') continue;
        // U+3000 ideographic space and U+00A0 no-break space
        if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 && static_cast<unsigned char>(text[i + 2]) == 0x80) {
            i += 2;
            continue;
        }
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

std::string number_text(double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", value);
    auto d = formwork::Decimal::parse(buf);
    REQUIRE(d);
    return d->to_string();
}

}  // namespace export_test
