#!/usr/bin/env bash
# Install everything into .venv (from nothing) and run the whole suite: ruff format --check,
# ruff check, mypy, lint-imports (the import-linter contracts in pyproject.toml), then pytest twice: on SQLite, and on the PostgreSQL server at
# CCM_TEST_DATABASE_URL (default: the local one). CI (.ci/run) calls exactly this, with
# CCM_REQUIRE_POSTGRES=1 so that a missing PostgreSQL fails the run instead of skipping it.
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
.venv/bin/lint-imports

echo "== pytest on SQLite"
env -u CCM_TEST_DATABASE_URL .venv/bin/pytest -n "${CCM_TEST_WORKERS:-2}" "$@"

PG_URL=${CCM_TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}
if .venv/bin/python -m tests.pg_probe "$PG_URL"; then
  echo "== pytest on PostgreSQL ($PG_URL)"
  CCM_TEST_DATABASE_URL="$PG_URL" .venv/bin/pytest -n "${CCM_TEST_WORKERS:-2}" "$@"
elif [ "${CCM_REQUIRE_POSTGRES:-0}" = "1" ]; then
  echo "FAILED: the PostgreSQL run is required (CCM_REQUIRE_POSTGRES=1) but $PG_URL is unreachable." >&2
  exit 1
else
  echo "SKIPPED: the PostgreSQL run; no server at $PG_URL (set CCM_TEST_DATABASE_URL to point at one)." >&2
fi
