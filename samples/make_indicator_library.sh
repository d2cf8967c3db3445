#!/bin/sh
# Builds scripts/data/indicator-library.csv (指标库): every indicator name the seeds and the
# corpus pages with templates file, by level-1 and level-2 category (level-2 names in their
# long spelling, 经济效益 → 经济效益指标, suffixes such as "(必填)" dropped). Rerun after adding
# samples:  sh samples/make_indicator_library.sh [BUILD_DIR]
set -eu
B=${1:-build}
W=$(mktemp -d /tmp/formwork-library-XXXXXX)
trap 'rm -rf "$W"' EXIT
cd "$(dirname "$0")/.."
XDG_DATA_HOME="$W/xdg" "$B/formwork" import --db "$W/all.db" samples/seeds/*.txt \
    samples/corpus/03_*.txt samples/corpus/05_*.txt samples/corpus/10_*.txt \
    samples/corpus/14_*.txt samples/corpus/20_*.txt samples/corpus/23_*.txt > /dev/null 2>&1 || true
"$B/formwork" export --db "$W/all.db" --all --format json -o "$W/all.json" > /dev/null
/usr/bin/python3 - "$W/all.json" scripts/data/indicator-library.csv <<'PY'
import csv, json, re, sys
FIXED = {'项目立项', '绩效目标', '资金投入', '资金管理', '组织实施'}
def level2(name):
    name = re.sub(r'\s+', '', name)
    name = re.sub(r'[（(].*?[)）]$', '', name)
    return name if not name or name.endswith('指标') or name in FIXED else name + '指标'
rows = set()
for f in json.load(open(sys.argv[1]))['filings']:
    for i in f.get('indicators', []):
        name = i['name'].strip().replace('\n', '')
        l1, l2 = re.sub(r'\s+', '', i['level1']), level2(i['level2'])
        if name and name not in ('……', '不适用', '无') and l1 and l2:
            rows.add((l1, l2, name))
with open(sys.argv[2], 'w', newline='') as out:
    w = csv.writer(out, lineterminator='\n')
    w.writerow(['level1', 'level2', 'name'])
    w.writerows(sorted(rows))
print(len(rows), 'indicator names')
PY
