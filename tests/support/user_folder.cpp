// A throwaway user data folder (see user_folder.h).
#include "user_folder.h"

#include <unistd.h>

#include <fstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace formwork::test {

UserFolder::UserFolder() {
    char tmpl[] = "/tmp/formwork-user-XXXXXX";
    if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
    root = tmpl;
    fs::create_directories(root / "formwork/templates");
    fs::create_directories(root / "formwork/checks");
}

UserFolder::~UserFolder() {
    std::error_code ec;
    fs::remove_all(root, ec);
}

void UserFolder::write(const std::string& folder, const std::string& name, const std::string& text) const {
    write_file(folder, name + ".lua", text);
}

void UserFolder::write_file(const std::string& folder, const std::string& file_name, const std::string& text) const {
    fs::create_directories(root / "formwork" / folder);
    std::ofstream(root / "formwork" / folder / file_name, std::ios::binary) << text;
}

}  // namespace formwork::test
