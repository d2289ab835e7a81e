#!/usr/bin/env bash
# Splits generated weekly event logs into a history and one day, for bench/incremental.sh
# (docs/incremental.md, "Measured"):
#
#   bench/cut-day.sh EVENTS_DIR DAY OUT      e.g. bench/cut-day.sh Y/events 2026-11-19 /tmp/cut
#
# OUT/hist/events: every file whose events all fall before DAY (linked), plus the events before DAY of the
# file that holds DAY; OUT/day/events/events-DAY.csv: the events of DAY. Events after DAY are dropped.
# Cut on the event time's date as written (column 6, occurred_at, local time), as the generator writes it.
set -euo pipefail
src=$(cd "$1" && pwd) day=$2 out=$3
mkdir -p "$out/hist/events" "$out/day/events"
header=""
for f in "$src"/*.csv; do
  header=$(head -1 "$f")
  first=$(awk -F, 'NR > 1 { print substr($6, 1, 10); exit }' "$f")
  last=$(awk -F, 'NR > 1 { d = substr($6, 1, 10); if (d > m) m = d } END { print m }' "$f")
  if [[ "$last" < "$day" ]]; then
    ln -sf "$f" "$out/hist/events/$(basename "$f")"
  elif [[ ! "$first" > "$day" ]]; then
    awk -F, -v d="$day" 'NR == 1 || substr($6, 1, 10) < d' "$f" > "$out/hist/events/$(basename "$f" .csv)a.csv"
    awk -F, -v d="$day" 'NR == 1 || substr($6, 1, 10) == d' "$f" >> "$out/day/events/events-$day.csv.part"
  fi
done
# one header for the day's file
{ echo "$header"; grep -v -x -F "$header" "$out/day/events/events-$day.csv.part" || true; } > "$out/day/events/events-$day.csv"
rm "$out/day/events/events-$day.csv.part"
wc -l "$out"/hist/events/*a.csv "$out/day/events/events-$day.csv" | tail -n +1
