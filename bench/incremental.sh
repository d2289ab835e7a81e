#!/usr/bin/env bash
# A daily incremental run against a full rebuild: CPU seconds (user + sys of the whole JVM) and wall time,
# with the load average when each run started (docs/incremental.md).
#
#   bench/incremental.sh HISTORY_EVENTS_DIR DAY_EVENTS_DIR REFERENCE_DIR WORK_DIR [RUNS]
#
# The two event folders should both be named "events" (as a full run over both would see them).
# Set KPI_ETL_CLASSPATH to time a fixed build; KPI_ETL_JAVA_OPTS defaults to -Xmx8g.
set -euo pipefail
cd "$(dirname "$0")/.."
H=$1 D=$2 REF=$3 W=$4 RUNS=${5:-2}
export KPI_ETL_JAVA_OPTS=${KPI_ETL_JAVA_OPTS:--Xmx8g}
mkdir -p "$W"
rm -rf "$W/wh" "$W/wh-full"
run() {
  local label=$1; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%U %S %e" -o "$W/time" ./kpi etl "$@" > "$W/$label.log" 2>&1 || { tail "$W/$label.log"; exit 1; }
  local u s e; read -r u s e < "$W/time"
  printf "%-22s cpu_s=%7.1f wall_s=%7.1f load=%s\n" "$label" "$(echo "$u + $s" | bc)" "$e" "$load"
}
run full-history --input "$H" --reference "$REF" --warehouse "$W/wh" --keep-versions 10
base=$(cat "$W/wh/CURRENT")
for i in $(seq 1 "$RUNS"); do
  run "incremental-$i" --incremental --input "$H" "$D" --reference "$REF" --warehouse "$W/wh" --keep-versions 10
  grep -E "refolded|rows read" "$W/incremental-$i.log"
  echo "$base" > "$W/wh/CURRENT"   # the next run starts from the same base again
done
# the fixed cost: starting Spark, listing and fingerprinting the inputs, finding nothing new
run incremental-nothing-new --incremental --input "$H" --reference "$REF" --warehouse "$W/wh" --keep-versions 10
run full-history+day --input "$H" "$D" --reference "$REF" --warehouse "$W/wh-full"
