// Office Open XML package parts and relationships (see ooxml_part.h).
#include "io/ooxml_part.h"

#include "io/text_grid.h"

namespace formwork::io::ooxml {

namespace {

// No DOCTYPE, no entity expansion beyond the predefined five (so no "billion laughs"); keep a
// text node that is only whitespace when it is an element's only child (<t xml:space="preserve">
// </t> between two runs is a real space), drop whitespace between elements.
constexpr unsigned kParseOptions = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol | pugi::parse_ws_pcdata_single;

}  // namespace

bool load(ZipPackage& zip, std::string_view name, XmlPart& part) {
    auto bytes = zip.read(name);
    if (!bytes) return false;
    part.name = std::string(name);
    part.buffer = std::move(*bytes);
    const pugi::xml_parse_result result =
        part.doc.load_buffer_inplace(part.buffer.data(), part.buffer.size(), kParseOptions, pugi::encoding_auto);
    if (!result)
        throw GridError("the part " + part.name + " is not well-formed XML (" + result.description() + " at byte " +
                            std::to_string(result.offset) + "); the file is damaged",
                        0);
    return true;
}

std::string resolve(std::string_view source_part, std::string_view target) {
    std::string path;
    if (!target.empty() && target.front() == '/') {
        target.remove_prefix(1);
    } else {
        const auto slash = source_part.rfind('/');
        if (slash != std::string_view::npos) path = std::string(source_part.substr(0, slash + 1));
    }
    path += target;
    // Normalize "." and ".." segments.
    std::vector<std::string_view> segments;
    std::string_view rest(path);
    while (!rest.empty()) {
        const auto slash = rest.find('/');
        const std::string_view seg = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
        if (seg.empty() || seg == ".") continue;
        if (seg == "..") {
            if (!segments.empty()) segments.pop_back();
            continue;
        }
        segments.push_back(seg);
    }
    std::string out;
    for (const auto& seg : segments) {
        if (!out.empty()) out += '/';
        out += seg;
    }
    return out;
}

std::vector<Relationship> relationships(ZipPackage& zip, std::string_view part) {
    std::string rels_name;
    const auto slash = part.rfind('/');
    if (slash == std::string_view::npos) rels_name = "_rels/" + std::string(part) + ".rels";
    else rels_name = std::string(part.substr(0, slash + 1)) + "_rels/" + std::string(part.substr(slash + 1)) + ".rels";
    XmlPart rels;
    std::vector<Relationship> out;
    if (!load(zip, rels_name, rels)) return out;
    for (const auto& r : child(rels.doc, "Relationships").children()) {
        if (!is(r, "Relationship")) continue;
        Relationship rel{attr(r, "Id").value(), attr(r, "Type").value(), {}};
        const std::string_view mode = attr(r, "TargetMode").value();
        if (mode != "External") rel.target = resolve(part, attr(r, "Target").value());
        out.push_back(std::move(rel));
    }
    return out;
}

bool is_type(std::string_view type_uri, std::string_view kind) {
    return type_uri.size() > kind.size() && type_uri.substr(type_uri.size() - kind.size()) == kind &&
           type_uri[type_uri.size() - kind.size() - 1] == '/';
}

std::optional<std::string> main_document(ZipPackage& zip) {
    for (const auto& rel : relationships(zip, ""))
        if (is_type(rel.type, "officeDocument") && !rel.target.empty()) return rel.target;
    return std::nullopt;
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view local) {
    for (auto c = node.first_child(); c; c = c.next_sibling())
        if (is(c, local)) return c;
    return {};
}

pugi::xml_attribute attr(const pugi::xml_node& node, std::string_view local) {
    for (auto a = node.first_attribute(); a; a = a.next_attribute())
        if (has_local_name(a.name(), local)) return a;
    return {};
}

void append_text(const pugi::xml_node& node, std::string& out) {
    for (auto c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
}

}  // namespace formwork::io::ooxml
