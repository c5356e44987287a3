#!/usr/bin/env bash
# Install everything into .venv (from nothing) and run the whole suite:
# ruff format --check, ruff check, mypy, pytest. CI (.ci/run) calls exactly this.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
.venv/bin/ruff format --check .
.venv/bin/ruff check .
.venv/bin/mypy
.venv/bin/pytest "$@"
