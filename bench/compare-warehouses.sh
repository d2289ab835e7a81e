#!/usr/bin/env bash
# Whether two warehouses (or two --figures-only folders) publish the same tables, row for row (every table but runs; run_id left out),
# through DuckDB. Exit status 0 when all are the same.   bench/compare-warehouses.sh WAREHOUSE_A WAREHOUSE_B
set -euo pipefail
cd "$(dirname "$0")/.."
exec java -cp "$(cat dashboard/target/classpath.txt)" bench/tools/CompareWarehouses.java "$@"
