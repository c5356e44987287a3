"""Exit 0 when the PostgreSQL server in argv[1] answers, 1 otherwise (used by test.sh)."""

from __future__ import annotations

import sys

from sqlalchemy import create_engine, text


def main(url: str) -> int:
    engine = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as problem:  # any failure means "not reachable" to the caller
        print(f"PostgreSQL at {url} is not reachable: {type(problem).__name__}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
