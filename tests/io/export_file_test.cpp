// Export output files appear complete or not at all: a failed export leaves the destination
// as it was and no temporary file behind.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "export_support.h"

using namespace formwork;
using namespace formwork::io;
using namespace export_test;
namespace fs = std::filesystem;

namespace {

std::size_t files_in(const std::string& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_CASE("export-7.1 a failed export leaves an existing file untouched and nothing else behind") {
    const std::string dir = scratch_dir();
    const std::string path = dir + "/out.xlsx";
    std::ofstream(path) << "before";
    Filing orphan;
    orphan.template_id = "no-such-template";
    try {
        export_filings({one_per_template()[0], {&orphan, nullptr}}, ExportFormat::Xlsx, path);
        FAIL("exported without a template");
    } catch (const ExportError& e) {
        CHECK(e.code() == ExportError::Code::NoTemplate);
        CHECK(describe(e).find("no-such-template") != std::string::npos);
    }
    CHECK(read_file(path) == "before");
    CHECK(files_in(dir) == 1);
}

TEST_CASE("export-7.2 each format replaces an existing file in one step") {
    const std::string dir = scratch_dir();
    for (ExportFormat format : export_formats()) {
        const std::string path = dir + "/out." + to_string(format);
        std::ofstream(path) << "before";
        export_filings({one_per_template()[0]}, format, path);
        CHECK(read_file(path) != "before");
        CHECK(fs::file_size(path) > 100);
    }
    CHECK(files_in(dir) == export_formats().size());  // no temporary files left
}

TEST_CASE("export-7.3 writing fails clearly: missing folder, a folder as output, nothing to export") {
    const std::string dir = scratch_dir();
    for (ExportFormat format : export_formats()) {
        INFO(to_string(format));
        try {
            export_filings({one_per_template()[0]}, format, dir + "/missing/out.x");
            FAIL("wrote into a missing folder");
        } catch (const ExportError& e) {
            CHECK(e.code() == ExportError::Code::Write);
            CHECK(describe(e, Lang::En).find(dir + "/missing/out.x") != std::string::npos);
        }
        CHECK_THROWS_AS(export_filings({one_per_template()[0]}, format, dir), ExportError);
        try {
            export_filings({}, format, dir + "/empty.x");
            FAIL("exported nothing");
        } catch (const ExportError& e) {
            CHECK(e.code() == ExportError::Code::Nothing);
        }
    }
    CHECK(files_in(dir) == 0);
}
