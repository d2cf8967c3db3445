// Telling the formats filings arrive in apart by their bytes (grid_readers.h), so a file named
// .txt that is really a workbook, or a .xls that is really a saved web page, still reads.
#include "io/grid_readers.h"

#include <pugixml.hpp>

#include "io/text_encoding.h"
#include "io/zip_package.h"

namespace formwork::io {

namespace {

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A package whose main part is not where Excel and Word put it: its content types say.
FileFormat by_content_types(ZipPackage& zip) {
    auto types = zip.read("[Content_Types].xml");
    if (!types) return FileFormat::Unknown;
    pugi::xml_document doc;
    if (!doc.load_buffer_inplace(types->data(), types->size())) return FileFormat::Unknown;
    for (const auto& o : doc.document_element().children()) {
        const std::string_view type = o.attribute("ContentType").value();
        if (ends_with(type, "spreadsheetml.sheet.main+xml") || ends_with(type, "spreadsheetml.template.main+xml") ||
            ends_with(type, "ms-excel.sheet.macroEnabled.main+xml"))
            return FileFormat::Xlsx;
        if (ends_with(type, "wordprocessingml.document.main+xml") || ends_with(type, "wordprocessingml.template.main+xml") ||
            ends_with(type, "ms-word.document.macroEnabled.main+xml"))
            return FileFormat::Docx;
    }
    return FileFormat::Unknown;
}

FileFormat sniff_zip(std::string_view bytes) {
    try {
        ZipPackage zip(bytes);
        if (zip.contains("xl/workbook.xml")) return FileFormat::Xlsx;
        if (zip.contains("word/document.xml")) return FileFormat::Docx;
        return by_content_types(zip);
    } catch (const GridError&) {
        return FileFormat::Unknown;  // a damaged zip is no format we read
    }
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool contains_nocase(std::string_view s, std::string_view what) {
    if (what.size() > s.size()) return false;
    for (std::size_t i = 0; i + what.size() <= s.size(); ++i) {
        std::size_t k = 0;
        while (k < what.size() && lower(s[i + k]) == what[k]) ++k;
        if (k == what.size()) return true;
    }
    return false;
}

// Text that is already known to be text: JSON, HTML or plain.
FileFormat sniff_markup(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const std::size_t start = text.find_first_not_of(" \t\r\n\f");
    if (start == std::string_view::npos) return FileFormat::Text;
    text.remove_prefix(start);
    if (text.front() == '{') return FileFormat::Json;
    if (text.front() == '<') {
        const std::string_view head = text.substr(0, 1024);
        for (std::string_view marker : {"<!doctype html", "<html", "<table", "<meta", "<head", "<body"})
            if (contains_nocase(head, marker)) return FileFormat::Html;
    }
    return FileFormat::Text;
}

}  // namespace

const char* to_string(FileFormat format) {
    switch (format) {
        case FileFormat::Text: return "text";
        case FileFormat::Xlsx: return "xlsx";
        case FileFormat::Docx: return "docx";
        case FileFormat::Html: return "html";
        case FileFormat::Json: return "json";
        case FileFormat::Unknown: return "unknown";
    }
    return "unknown";
}

FileFormat sniff_format(std::string_view bytes) {
    if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return sniff_zip(bytes);
    if (bytes.substr(0, 8) == "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") return FileFormat::Unknown;  // OLE2: .doc, .xls, encrypted xlsx
    if (bytes.substr(0, 5) == "%PDF-") return FileFormat::Unknown;
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        std::string_view prefix = bytes.substr(0, 4096);
        prefix.remove_suffix(prefix.size() % 2);
        try {
            return sniff_markup(decode_text(prefix).text);
        } catch (const GridError&) {
            return FileFormat::Text;  // a prefix cut inside a character; the reader will say more
        }
    }
    if (bytes.find('\0') != std::string_view::npos) return FileFormat::Unknown;  // images, archives, other binaries
    return sniff_markup(bytes);
}

}  // namespace formwork::io
