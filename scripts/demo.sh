#!/usr/bin/env bash
# Install newsgraph into ./.venv and run it on the example articles in examples/.
# Usage: bash scripts/demo.sh      (needs only python3.11 and pip)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet -e .
NG=.venv/bin/newsgraph
rm -f examples.db examples.db-wal examples.db-shm
echo "== newsgraph extract examples -> examples.jsonl"
$NG extract examples/*.html examples/*.txt examples/*.jsonl -o examples.jsonl
echo "== newsgraph ingest examples -> examples.db"
$NG ingest examples/*.html examples/*.txt examples/*.jsonl --db examples.db
$NG stats --db examples.db
first=$(.venv/bin/python -c "import json;print(json.loads(open('examples.jsonl').readline())['id'])")
echo "== newsgraph show $first"
$NG show "$first" --db examples.db
if $NG --help | grep -q timeline; then
  echo "== newsgraph timeline"; $NG timeline --db examples.db
  echo "== newsgraph discrepancies"; $NG discrepancies --db examples.db
fi
echo
echo "Done. Browse it with:  .venv/bin/newsgraph serve --db examples.db   (then open http://127.0.0.1:8000)"
