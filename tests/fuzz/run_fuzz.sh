#!/bin/sh
# Runs one fuzz target for SECONDS over its committed corpus (read-only: new inputs go to a
# temporary folder), failing on a crash, a leak, undefined behaviour or an input slower than
# 10 s. Usage: run_fuzz.sh BINARY CORPUS_DIR SECONDS [FINDINGS_DIR]
set -eu
binary=$1 corpus=$2 seconds=$3
findings=${4:-}
work=$(mktemp -d /tmp/formwork-fuzz-XXXXXX)
trap 'rm -rf "$work"' EXIT
[ -n "$findings" ] && mkdir -p "$findings"
# -timeout: a hang; -rss_limit_mb: the scripts' own limits keep far below it.
exec_args="-max_total_time=$seconds -timeout=10 -rss_limit_mb=1024 -print_final_stats=1 -artifact_prefix=${findings:-$work/}"
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
    "$binary" $exec_args "$work" "$corpus"
