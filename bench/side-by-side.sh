#!/usr/bin/env bash
# Two ETL runs at the same time on the same input, each from its own build, for A/B figures on a shared
# machine (README, Performance: on this host one run after the other differed by up to 60 % within minutes;
# side by side, both see the same slowdowns). CPU seconds = user + sys of each JVM, from /usr/bin/time.
#
#   bench/side-by-side.sh INPUT REFERENCE OUT "CLASSES_A|JAVA_OPTS_A" "CLASSES_B|JAVA_OPTS_B"
#
# CLASSES_x: a copy of etl/target/classes of the build to time (copy it: a rebuild during the runs would
# change it underneath them). Warehouses go to OUT/wh-1 and OUT/wh-2; compare them with
# bench/compare-warehouses.sh OUT/wh-1 OUT/wh-2. With FIGURES_ONLY=1 the runs are `kpi etl --figures-only`
# into OUT/fo-1 and OUT/fo-2 instead (the benchmark's like-for-like run beside DuckDB).
set -euo pipefail
cd "$(dirname "$0")/.."
IN=$1 REF=$2 OUT=$3; shift 3
mkdir -p "$OUT"
deps=$(cat etl/target/classpath.txt)
i=0
for spec in "$@"; do
  i=$((i + 1)); classes=${spec%%|*}; opts=${spec#*|}
  rm -rf "$OUT/wh-$i" "$OUT/fo-$i"
  if [[ "${FIGURES_ONLY:-0}" == 1 ]]; then target=(--figures-only "$OUT/fo-$i"); else target=(--warehouse "$OUT/wh-$i"); fi
  ( KPI_ETL_CLASSPATH="$classes:$deps" KPI_ETL_JAVA_OPTS="-Xmx8g $opts" \
      /usr/bin/time -f "run $i [$spec] wall_s=%e user_s=%U sys_s=%S peak_rss_kb=%M" \
      ./kpi etl --input "$IN" --reference "$REF" "${target[@]}" > "$OUT/run-$i.log" 2>&1 ) &
done
wait
for j in $(seq 1 "$i"); do tail -n 1 "$OUT/run-$j.log"; done
