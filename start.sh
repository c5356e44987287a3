#!/usr/bin/env bash
# Install ccm-bot into .venv and start it on the embedded default (SQLite file ccm.db):
# with SLACK_BOT_TOKEN set it connects to Slack (`ccm-bot serve`); otherwise it opens the
# local console on a demo data set drawn from the seed minutes (`ccm-bot chat`).
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
if [ -n "${SLACK_BOT_TOKEN:-}" ]; then
  .venv/bin/ccm-bot init
  exec .venv/bin/ccm-bot serve "$@"
fi
.venv/bin/ccm-bot init --demo
exec .venv/bin/ccm-bot chat --at "${CCM_DEMO_AT:-2017-03-24T09:00}" "$@"
