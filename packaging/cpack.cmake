# The .deb (`make package`, or cpack in the build folder): the install tree under /usr, its
# Depends worked out by dpkg-shlibdeps from the libraries the binary links, plus a CJK font,
# which the program needs but does not link. No maintainer scripts: removing the package
# leaves every user's ~/.local/share/formwork alone.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME formwork)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CONTACT "Formwork maintainers <maintainers@users.noreply.b-seed-fe90cead.example>")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Formwork maintainers <maintainers@users.noreply.b-seed-fe90cead.example>")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "budget performance target forms workbench (预算绩效目标表工作台)")
# The extended description; CPack indents its lines for the control file.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "Formwork enters, imports, checks and exports the performance target forms
(绩效目标表) that Chinese budget units file with their budgets. Forms are
described by Lua templates and checked by Lua scripts that ship with it;
filings are kept in a SQLite database in the user's folder. It imports
.xlsx, .docx, HTML, text and its own JSON, and exports xlsx, PDF, JSON and
CSV. One program: a desktop shell, and commands for the terminal.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk | fonts-wqy-microhei")
# GLFW opens these with dlopen, so dpkg-shlibdeps cannot see them; without them the window
# still opens, but with no cursor shapes (Xcursor), raw mouse input (Xi) or monitor layout.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libxcursor1, libxi6, libxinerama1, libxrandr2")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)
