#!/bin/sh
# Copies a generated SQLite bench database into a PostgreSQL store, table by table with COPY
# (push, which replays each revision through the store, would take far longer for 100k
# filings and is not what is measured). Usage: bench/pg_copy.sh FORMWORK SQLITE_DB URL
set -e
fw=$1; db=$2; url=$3
"$fw" admin init --db "$url" > /dev/null
copy() {  # table, columns
  sqlite3 -csv "$db" "SELECT $2 FROM $1" | psql -q "$url" -c "\\copy $1($2) FROM STDIN CSV"
}
copy filings "id, template_id, template_version, title, year, created_at, updated_at, head_revision, department, status, status_reason, uid"
copy filing_cells "filing_id, path, value"
copy revisions "id, filing_id, at, summary, change_count, restored_from, author, uid"
copy revision_changes "revision_id, path, old_value, new_value"
# The snapshots as SQLite made them (bytea's hex input form), not encoded again by the server.
sqlite3 -csv "$db" "SELECT filing_id, '\\x' || hex(cells) FROM filing_snapshots" |
  psql -q "$url" -c "\\copy filing_snapshots(filing_id, cells) FROM STDIN CSV"
psql -q "$url" -c "SELECT setval(pg_get_serial_sequence('filings', 'id'), max(id)) FROM filings" \
  -c "SELECT setval(pg_get_serial_sequence('revisions', 'id'), max(id)) FROM revisions" -c "VACUUM ANALYZE" > /dev/null
