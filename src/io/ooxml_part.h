// What the xlsx and docx readers share about Office Open XML packages: loading a part's XML
// (pugixml, parsed in place in the unpacked buffer), following relationships (_rels/*.rels) to
// find the main document, sheets, shared strings and styles, and matching elements by local
// name, since producers differ in namespace prefixes ("x:c" and "c" are the same cell).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "io/zip_package.h"

namespace formwork::io::ooxml {

// One XML part. The document points into `buffer`: keep them together.
struct XmlPart {
    std::string name;
    std::string buffer;
    pugi::xml_document doc;
};

// Loads `name` into `part`; false when the package has no such part. Throws GridError when the
// part is not well-formed XML.
bool load(ZipPackage& zip, std::string_view name, XmlPart& part);

struct Relationship {
    std::string id;
    std::string type;    // the full type URI
    std::string target;  // resolved to a part name ("xl/worksheets/sheet1.xml"); empty if external
};

// The relationships of `part` ("" for the package's own, _rels/.rels).
std::vector<Relationship> relationships(ZipPackage& zip, std::string_view part);

// Whether a relationship type URI names `kind` ("officeDocument", "worksheet" …), whichever
// namespace (transitional or strict) it comes from.
bool is_type(std::string_view type_uri, std::string_view kind);

// The package's main document part (the officeDocument relationship), if any.
std::optional<std::string> main_document(ZipPackage& zip);

// A relationship target relative to its source part, resolved to a part name.
std::string resolve(std::string_view source_part, std::string_view target);

// Element and attribute names without their namespace prefix.
inline std::string_view local_name(const char* name) {
    std::string_view n(name);
    const auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}
// Whether `name` ("x:c", "c") has the local name `local`: one pass, no strlen (this runs for
// every attribute of every cell).
inline bool has_local_name(const char* name, std::string_view local) {
    const char* p = name;
    for (const char* q = name; *q; ++q)
        if (*q == ':') p = q + 1;
    for (char c : local)
        if (*p++ != c) return false;
    return *p == '\0';
}
inline bool is(const pugi::xml_node& node, std::string_view local) {
    return node.type() == pugi::node_element && has_local_name(node.name(), local);
}
pugi::xml_node child(const pugi::xml_node& node, std::string_view local);
pugi::xml_attribute attr(const pugi::xml_node& node, std::string_view local);

// The text of the character data directly inside `node` (a <t> or <v>), appended to `out`.
void append_text(const pugi::xml_node& node, std::string& out);

}  // namespace formwork::io::ooxml
