#!/usr/bin/env bash
# Install newsgraph with its test extras into ./.venv and run the whole test suite.
# Usage: bash scripts/test.sh [pytest args]
# The browser tests need Debian's chromium; as root this installs it with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet -e '.[test]'
sh .ci/install_browser.sh
echo "== ruff (lint: real faults only, see [tool.ruff] in pyproject.toml)"
.venv/bin/python -m ruff check newsgraph tests scripts
exec .venv/bin/python -m pytest "$@"
