#!/bin/sh
# install-1.1 (issue 17): `cmake --install` into a temporary prefix, the prefix moved, the build
# and source folders hidden (an empty tmpfs over each, in a private mount namespace), and the
# installed program run from another folder with FORMWORK_SCRIPTS_DIR unset: it must find its
# scripts under the prefix, list the templates, and check the seeds as the build tree's does;
# and, as the desktop entry starts it, open the shell on a file and import it.
# Usage: installed_test.sh CMAKE BUILD_DIR SOURCE_DIR
set -eu
CMAKE=$1 BUILD=$(cd "$2" && pwd) SOURCE=$(cd "$3" && pwd)
T=$(mktemp -d /tmp/formwork-install-XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$CMAKE" --install "$BUILD" --prefix "$T/prefix" >"$T/install.log" || { cat "$T/install.log"; fail "cmake --install"; }
for f in bin/formwork share/formwork/scripts/README.md share/formwork/scripts/api/check.lua \
         share/formwork/scripts/data/indicator-library.csv share/formwork/scripts/lib/template_spec.lua \
         share/applications/formwork.desktop share/icons/hicolor/scalable/apps/formwork.svg \
         share/man/man1/formwork.1.gz share/man/zh_CN/man1/formwork.1.gz share/doc/formwork/README.md; do
    [ -e "$T/prefix/$f" ] || fail "not installed: $f"
done
mv "$T/prefix" "$T/moved"
P=$T/moved
mkdir "$T/seeds" "$T/elsewhere" "$T/home"
cp "$SOURCE"/samples/seeds/*.txt "$T/seeds/"
# What the build tree's program finds, to compare with (its own user folder, empty).
env -u FORMWORK_SCRIPTS_DIR HOME="$T/home" XDG_DATA_HOME="$T/build-data" FORMWORK_LANG=en \
    "$BUILD/formwork" import --db "$T/build.db" "$T"/seeds/*.txt >/dev/null
env -u FORMWORK_SCRIPTS_DIR HOME="$T/home" XDG_DATA_HOME="$T/build-data" FORMWORK_LANG=en \
    "$BUILD/formwork" check --db "$T/build.db" --json >"$T/build-check.json" || true

cat >"$T/run.sh" <<'RUN'
# Runs inside the namespace: the build and source folders are empty here.
set -eu
P=$1 T=$2 BUILD=$3 SOURCE=$4
cd "$T/elsewhere"
unset FORMWORK_SCRIPTS_DIR DISPLAY
export HOME="$T/home" XDG_DATA_HOME="$T/data" FORMWORK_LANG=en
if [ -e "$BUILD/formwork" ] || [ -e "$SOURCE/scripts" ]; then echo "hidden: no" >"$T/hidden"; else echo "hidden: yes" >"$T/hidden"; fi
"$P/bin/formwork" --version >"$T/version.txt"
"$P/bin/formwork" templates --json >"$T/templates.json"
"$P/bin/formwork" checks --json >"$T/checks.json"
"$P/bin/formwork" import --db "$T/installed.db" "$T"/seeds/*.txt >"$T/import.txt"
rc=0; "$P/bin/formwork" check --db "$T/installed.db" --json >"$T/installed-check.json" || rc=$?
echo "$rc" >"$T/check.rc"
# As the desktop entry starts it (Exec=formwork shell %F): the file is imported at start.
xvfb-run -a -s "-screen 0 1024x768x24" "$P/bin/formwork" shell --db "$T/shell.db" \
    --screenshot "$T/shot.png" --frames 3 "$T/seeds/$(ls "$T/seeds" | head -n 1)"
"$P/bin/formwork" list --db "$T/shell.db" >"$T/shell-list.txt"
RUN
if unshare -rm sh -c 'mount -t tmpfs none "$1" && mount -t tmpfs none "$2" && sh "$3/run.sh" "$4" "$3" "$1" "$2"' \
       sh "$BUILD" "$SOURCE" "$T" "$P" 2>"$T/unshare.err"; then
    grep -q "hidden: yes" "$T/hidden" || fail "the build and source folders were still visible"
    echo "ran with the build and source folders hidden"
else
    # No user namespaces here: run in place; the scripts' paths below still show where they came from.
    cat "$T/unshare.err" >&2
    echo "NOTE: could not hide the build folder (unshare failed); ran with it in place" >&2
    sh "$T/run.sh" "$P" "$T" "$BUILD" "$SOURCE"
fi

grep -q "^formwork [0-9][0-9.]* (commit [0-9a-f]*\|unknown)" "$T/version.txt" || fail "--version: $(cat "$T/version.txt")"
# Every template and check comes from the installed scripts, and each loaded.
n=$(grep -c '"source":' "$T/templates.json")
[ "$n" -ge 12 ] || fail "only $n templates listed"
[ "$(grep -c "\"source\": \"$P/share/formwork/scripts/templates/" "$T/templates.json")" = "$n" ] \
    || fail "templates not from the installed prefix: $(grep '"source"' "$T/templates.json" | head -n 3)"
[ "$(grep -c '"status": "ok"' "$T/templates.json")" = "$n" ] || fail "a template did not load"
grep -q "\"$P/share/formwork/scripts/checks/" "$T/checks.json" || fail "checks not from the installed prefix"
grep -q '"status": "error"' "$T/checks.json" && fail "a check did not load"
# The seeds check as they do in the build tree (exit 1: the seeds have error findings).
[ "$(cat "$T/check.rc")" = 1 ] || fail "formwork check exited $(cat "$T/check.rc")"
grep -q '"script_errors": \[\]' "$T/installed-check.json" || fail "script errors in the installed check"
cmp -s "$T/build-check.json" "$T/installed-check.json" || fail "the installed check differs from the build tree's"
# The shell imported the file it was given.
[ -s "$T/shot.png" ] || fail "the shell wrote no screenshot"
grep -q "^1 " "$T/shell-list.txt" || fail "the shell did not import its file: $(cat "$T/shell-list.txt")"
echo "ok: $n templates from $P/share/formwork/scripts, check output identical to the build tree's"
