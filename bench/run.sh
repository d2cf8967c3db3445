#!/bin/sh
# Runs every benchmark of bench/ (issue 8) against a Release build and prints one table.
# Usage: bench/run.sh BUILD_DIR [WORK_DIR]. Never fails the build: errors are printed.
# Timings of `formwork check` and of the baseline are taken in the same run, alternating.
B=${1:-build-bench}; W=${2:-/tmp/formwork-bench}; RUNS=${RUNS:-3}
export FORMWORK_SCRIPTS_DIR="$(pwd)/scripts" XDG_DATA_HOME="$W/xdg"
mkdir -p "$W"
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
r() { grep "^RESULT $1 " "$2" | tail -1 | cut -d' ' -f3; }
# The databases are named by the schema version they are written with (5: per-filing
# snapshots), so that files an older build generated are not reused.
V=v5
for n in 1000 10000 100000; do
  [ -f "$W/n$n.$V.db" ] || "$B/bench/fw_bench_gen" --db "$W/n$n.$V.db" --n $n > "$W/gen$n.log"
done
: > "$W/check.log"; : > "$W/ref.log"
for i in $(seq $RUNS); do
  /usr/bin/time -f "WALL %e RSS %M" "$B/formwork" check --db "$W/n100000.$V.db" > /dev/null 2>> "$W/check.log"
  "$B/bench/fw_bench_ref" --db "$W/n100000.$V.db" --runs 1 >> "$W/ref.log"
done
med() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
check_s=$(grep '^WALL' "$W/check.log" | cut -d' ' -f2 | med)
check_rss=$(grep '^WALL' "$W/check.log" | cut -d' ' -f4 | med)
read_ms=$(grep '^RESULT raw_read_ms' "$W/ref.log" | cut -d' ' -f3 | med)
snap_ms=$(grep '^RESULT raw_read_snapshot_ms' "$W/ref.log" | cut -d' ' -f3 | med)
ref_threads=$(grep '^RESULT ref_threads' "$W/ref.log" | tail -1 | cut -d' ' -f3)
rules_ms=$(grep '^RESULT cpp_rules_ms' "$W/ref.log" | cut -d' ' -f3 | med)
each_ms=$(grep '^RESULT store_for_each_ms' "$W/ref.log" | cut -d' ' -f3 | med)
# The same check of the 100k on a shared PostgreSQL store (issue 15), a cluster of its own.
PGURL=$(sh bench/pg_cluster.sh start "$W/pg") && sh bench/pg_copy.sh "$B/formwork" "$W/n100000.$V.db" "$PGURL" && {
  : > "$W/check_pg.log"
  for i in $(seq $RUNS); do
    /usr/bin/time -f "WALL %e RSS %M" "$B/formwork" check --db "$PGURL" > /dev/null 2>> "$W/check_pg.log"
  done
}
sh bench/pg_cluster.sh stop "$W/pg"
check_pg_s=$(grep '^WALL' "$W/check_pg.log" | cut -d' ' -f2 | med)
"$B/bench/fw_bench_batch" --db "$W/n100000.$V.db" > "$W/batch.log"
"$B/bench/fw_bench_live" --edits 300 > "$W/live.log"
"$B/bench/fw_bench_ui" --db "$W/n10000.$V.db" --scratch "$W" > "$W/ui.log" 2>&1
/usr/bin/time -f "WALL %e RSS %M" "$B/bench/fw_bench_ui" --db "$W/n10000.$V.db" --scratch "$W" > /dev/null 2> "$W/ui_time.log"
# Import: 1,670 copies of the seed files (about 10,000 filings), one `formwork import`.
rm -rf "$W/import" "$W/import.db"*; mkdir -p "$W/import"
for i in $(seq 334); do for f in samples/seeds/*.txt; do cp "$f" "$W/import/$i-$(basename "$f")"; done; done
/usr/bin/time -f "WALL %e RSS %M" "$B/formwork" import --dry-run --db "$W/import-dry.db" "$W"/import/*.txt > /dev/null 2> "$W/import-dry.log"
/usr/bin/time -f "WALL %e RSS %M" "$B/formwork" import --db "$W/import.db" "$W"/import/*.txt > /dev/null 2> "$W/import.log"
imported=$("$B/formwork" list --db "$W/import.db" | tail -1)
# Import of the same seeds as xlsx (tests/fixtures/office, made by openpyxl): 1,670 workbooks.
rm -rf "$W/import-xlsx" "$W/import-xlsx.db"*; mkdir -p "$W/import-xlsx"
for i in $(seq 334); do for f in tests/fixtures/office/seed00?.xlsx; do cp "$f" "$W/import-xlsx/$i-$(basename "$f")"; done; done
/usr/bin/time -f "WALL %e RSS %M" "$B/formwork" import --db "$W/import-xlsx.db" "$W"/import-xlsx/*.xlsx > /dev/null 2> "$W/import-xlsx.log"
imported_xlsx=$("$B/formwork" list --db "$W/import-xlsx.db" | tail -1)
text_s=$(grep '^WALL' $W/import.log | cut -d' ' -f2); xlsx_s=$(grep '^WALL' $W/import-xlsx.log | cut -d' ' -f2)
ratio=$(echo "$check_s $snap_ms $rules_ms" | awk '{printf "%.2f", $1*1000/($2+$3)}')
ratio_cells=$(echo "$check_s $read_ms $rules_ms" | awk '{printf "%.2f", $1*1000/($2+$3)}')
ratio_each=$(echo "$check_s $each_ms $rules_ms" | awk '{printf "%.1f", $1*1000/($2+$3)}')
printf '\n%s, commit %s, %s cores, memory %s, load before: %s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" \
  "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" "$(nproc)" "$(free -h | awk '/^Mem/ {print $2}')" "$LOAD"
printf '\n| benchmark | figure | goal |\n|---|---|---|\n'
printf '| generate 1k / 10k / 100k filings (Batch) | %s / %s / %s ms | - |\n' "$(r gen_ms $W/gen1000.log)" "$(r gen_ms $W/gen10000.log)" "$(r gen_ms $W/gen100000.log)"
printf '| formwork check, 100k filings, wall (median of %s) | %s s | <= 4 s |\n' "$RUNS" "$check_s"
printf '| formwork check, 100k filings, PostgreSQL / SQLite, wall | %s s / %s s (%sx) | <= 1.5x |\n' "$check_pg_s" "$check_s" \
  "$(echo "$check_pg_s $check_s" | awk '{printf "%.2f", $1/$2}')"
printf '| raw read of the snapshots (SELECT + decode), 100k | %s ms | - |\n' "$snap_ms"
printf '| raw read of the cells (SELECT + from_cells), 100k | %s ms | - |\n' "$read_ms"
printf '| C++ reference rules, complete (1-14, 5 across filings), %s threads, 100k | %s ms | - |\n' "$ref_threads" "$rules_ms"
printf '| FilingStore::for_each read, 100k | %s ms | - |\n' "$each_ms"
printf '| ratio check / (raw read of the snapshots + C++ rules) | %sx | <= 2x |\n' "$ratio"
printf '| ratio check / (raw read of the cells + C++ rules) | %sx | - |\n' "$ratio_cells"
printf '| ratio check / (FilingStore::for_each + C++ rules) | %sx | - |\n' "$ratio_each"
printf '| in-process, 100k: for_each into memory | %s ms | - |\n' "$(r batch_read_ms $W/batch.log)"
printf '| in-process, 100k: check_all as shipped (JIT off, hook) | %s ms | - |\n' "$(r batch_lua_ms $W/batch.log)"
printf '| in-process, 100k: check_all with HostOptions::jit | %s ms | - |\n' "$(r batch_lua_jit_ms $W/batch.log)"
printf '| in-process, 100k: check_all on 2 threads (by department) | %s ms | - |\n' "$(r batch_lua_2threads_ms $W/batch.log)"
printf '| peak RSS, formwork check 100k | %s MB | - |\n' "$((check_rss / 1024))"
printf '| live re-check median / p99 (all seeds) | %s / %s ms | <= 2 ms |\n' "$(r live_median_ms $W/live.log)" "$(r live_p99_ms $W/live.log)"
printf '| frame CPU, largest seed form | %s ms | <= 2 ms |\n' "$(r frame_largest_ms $W/ui.log)"
printf '| frame CPU, 2,000-row expense table | %s ms | <= 4 ms |\n' "$(r frame_2000_rows_ms $W/ui.log)"
printf '| frame CPU, filing list of 10k | %s ms | - |\n' "$(r list_frame_ms $W/ui.log)"
printf '| start-up, 10k db: App / + first frame | %s / %s ms | <= 300 ms |\n' "$(r startup_app_ms $W/ui.log)" "$(r startup_first_frame_ms $W/ui.log)"
printf '| open a filing (10k db, dept. filings loaded) | %s ms | - |\n' "$(r open_filing_ms $W/ui.log)"
printf '| durable save of one edit, median / p90 | %s / %s ms | <= 10 ms |\n' "$(r save_median_ms $W/ui.log)" "$(r save_p90_ms $W/ui.log)"
printf '| rows written per save | %s | - |\n' "$(r save_rows_written $W/ui.log)"
printf '| peak RSS, shell process with 10k (counts done) | %s MB | - |\n' "$(r shell_10k_peak_rss_mb $W/ui.log)"
printf '| import --dry-run of the same files (parse only), wall | %s s | - |\n' "$(grep '^WALL' $W/import-dry.log | cut -d' ' -f2)"
printf '| import 1,670 files (%s), wall | %s s | <= 5 s |\n' "$imported" "$text_s"
printf '| import 1,670 xlsx copies of the seeds (%s), wall | %s s | - |\n' "$imported_xlsx" "$xlsx_s"
printf '| ratio import xlsx / text | %sx | <= 2x |\n' "$(echo "$xlsx_s $text_s" | awk '{printf "%.2f", $1/$2}')"
exit 0
