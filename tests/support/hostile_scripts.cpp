// The hostile scripts as user files (see hostile_scripts.h).
#include "hostile_scripts.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace formwork::test {

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

fs::path hostile_dir() { return fs::path(FORMWORK_SOURCE_DIR) / "tests/fixtures/hostile"; }

std::vector<Hostile> read_hostile(const fs::path& dir) {
    std::vector<Hostile> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() != ".lua") continue;
        Hostile h{e.path().stem().string(), "", slurp(e.path())};
        const std::string head = "-- expect: ";
        if (h.source.rfind(head, 0) != 0) throw std::runtime_error(e.path().string() + ": no \"-- expect:\" line");
        h.expect = h.source.substr(head.size(), h.source.find('\n') - head.size());
        out.push_back(std::move(h));
    }
    std::sort(out.begin(), out.end(), [](const Hostile& a, const Hostile& b) { return a.name < b.name; });
    return out;
}

std::string dashed(std::string s) {
    std::replace(s.begin(), s.end(), '_', '-');
    return s;
}

std::string as_template(const Hostile& p) {
    std::string body = slurp(fs::path(FORMWORK_SOURCE_DIR) / "tests/fixtures/templates/example_county.lua");
    body = body.substr(body.find("return form.template{"));
    const std::string id = "\"example-county-project\"";
    body.replace(body.find(id), id.size(), "\"hostile-" + dashed(p.name) + "\"");
    return "do\n" + p.source + "\nend\n" + body;
}

std::string as_check_load(const Hostile& p) {
    return "do\n" + p.source + "\nend\nreturn check.script{ api = 1, checks = { check.define{ id = \"hostile-load-" +
           dashed(p.name) + "\", title = { zh = \"恶意\", en = \"hostile\" }, severity = \"warning\", templates = { \"*\" }, "
           "run = function(f) end } } }\n";
}

std::string as_check_run(const Hostile& p) {
    return "return check.script{ api = 1, checks = { check.define{ id = \"hostile-run-" + dashed(p.name) +
           "\", title = { zh = \"恶意\", en = \"hostile\" }, severity = \"warning\", templates = { \"*\" },\n"
           "run = function(f)\n" +
           p.source + "\nend } } }\n";
}

bool error_fits(const std::string& expect, const std::string& error) {
    if (expect == "nesting") return error.find("nested too deeply") != std::string::npos;
    if (expect == "timeout") return error.find("time limit") != std::string::npos;
    // A loop that fills memory may meet the time limit first on a busy machine: stopped either way.
    if (expect == "memory")
        return error.find("memory limit") != std::string::npos || error.find("string limit") != std::string::npos ||
               error.find("time limit") != std::string::npos;
    if (expect == "output") return error.find("stopped:") != std::string::npos;
    return !error.empty();  // runtime, load-error: any error, as long as there is one
}

}  // namespace formwork::test
