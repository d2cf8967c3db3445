#!/bin/sh
# install-2.1 (issue 17): the .deb that `make package` builds. cpack makes it in a temporary
# folder; its control file must name a Depends that covers every library the binary needs
# (each library's Debian package, found with dpkg -S, must be in it) and the CJK font; its
# files must be the install tree under /usr; and the program unpacked from it must start:
# --version, its templates from the unpacked /usr/share/formwork/scripts, and the shell.
# Usage: deb_test.sh CPACK BUILD_DIR
set -eu
CPACK=$1 BUILD=$(cd "$2" && pwd)
T=$(mktemp -d /tmp/formwork-deb-XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$CPACK" --config "$BUILD/CPackConfig.cmake" -B "$T/pkg" >"$T/cpack.log" 2>&1 || { cat "$T/cpack.log"; fail "cpack"; }
set -- "$T"/pkg/formwork_*.deb
[ -f "$1" ] || { cat "$T/cpack.log"; fail "no formwork_*.deb made"; }
DEB=$1
echo "$(basename "$DEB"): $(du -k "$DEB" | cut -f1) KiB"

dpkg-deb -I "$DEB" >"$T/info.txt"
depends=$(sed -n 's/^ Depends: //p' "$T/info.txt")
[ -n "$depends" ] || { cat "$T/info.txt"; fail "no Depends in the control file"; }
echo "Depends: $depends"
for field in "Package: formwork" "Section: " "Maintainer: " "Description: " "Architecture: "; do
    grep -q "^ $field" "$T/info.txt" || fail "control file lacks $field"
done
echo "$depends" | grep -q "fonts-noto-cjk" || fail "Depends lacks the CJK font"
grep -q "^ Recommends: .*libxcursor1" "$T/info.txt" || fail "Recommends lacks the libraries GLFW opens with dlopen"

dpkg-deb -c "$DEB" | awk '{print $NF}' >"$T/contents.txt"
for f in ./usr/bin/formwork ./usr/share/formwork/scripts/templates/hebei_project.lua \
         ./usr/share/formwork/scripts/checks/funds.lua ./usr/share/applications/formwork.desktop \
         ./usr/share/icons/hicolor/scalable/apps/formwork.svg ./usr/share/man/man1/formwork.1.gz; do
    grep -qx "$f" "$T/contents.txt" || fail "the package lacks $f"
done

dpkg-deb -x "$DEB" "$T/root"
BIN=$T/root/usr/bin/formwork
# Every library the binary loads comes from a package that Depends names.
ldd "$BIN" >"$T/ldd.txt" || fail "ldd"
grep -q "not found" "$T/ldd.txt" && fail "unresolved libraries: $(grep 'not found' "$T/ldd.txt")"
for lib in $(readelf -d "$BIN" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    path=$(awk -v l="$lib" '$1 == l { print $3 }' "$T/ldd.txt")
    [ -n "$path" ] || fail "ldd does not resolve $lib"
    pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null || dpkg -S "$path" 2>/dev/null) || fail "no package owns $path"
    pkg=$(echo "$pkg" | head -n 1 | cut -d: -f1)
    echo "$depends" | tr ',|' '\n\n' | sed 's/^ *//; s/ .*//' | grep -qx "$pkg" \
        || fail "$lib is in $pkg, which Depends does not name"
done

mkdir "$T/elsewhere" "$T/home"
cd "$T/elsewhere"
unset FORMWORK_SCRIPTS_DIR DISPLAY
export HOME="$T/home" XDG_DATA_HOME="$T/data" FORMWORK_LANG=en
"$BIN" --version | grep -q "^formwork [0-9]" || fail "--version"
[ "$("$BIN" --version)" = "$("$BUILD/formwork" --version)" ] || fail "the packaged version differs from the build's"
"$BIN" templates --json >"$T/templates.json"
grep -q "\"source\": \"$T/root/usr/share/formwork/scripts/templates/" "$T/templates.json" \
    || fail "templates not from the unpacked package"
grep -q '"status": "error"' "$T/templates.json" && fail "a template did not load"
xvfb-run -a -s "-screen 0 1024x768x24" "$BIN" shell --db "$T/shell.db" --screenshot "$T/shot.png" --frames 3 \
    || fail "the packaged shell did not start"
[ -s "$T/shot.png" ] || fail "the packaged shell wrote no screenshot"
echo "ok: $(basename "$DEB") installs its files under /usr and starts"
