"""A database that cannot be used, said in one line naming CCM_DATABASE_URL (no traceback)."""

from __future__ import annotations

from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    InterfaceError,
    NoSuchModuleError,
    OperationalError,
)

VARIABLE = "CCM_DATABASE_URL"


def shown(url: str) -> str:
    """The URL without its password, as safe to print as to log."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def database_problem(problem: BaseException, url: str) -> str | None:
    """One line for a bad or unreachable database; None when ``problem`` is something else."""
    if isinstance(problem, ArgumentError | NoSuchModuleError):
        return (
            f"{VARIABLE}={shown(url)!r} is not a database URL I can use ({_first(problem)}); "
            "e.g. sqlite:///ccm.db or postgresql+psycopg://user@host/db"
        )
    if isinstance(problem, OperationalError | InterfaceError) and _connecting(problem):
        return (
            f"cannot open the database at {VARIABLE}={shown(url)!r}: {_first(problem.orig or problem)}. "
            "Check the address, that the server runs, and the credentials."
        )
    return None


def _first(problem: BaseException) -> str:
    lines = str(problem).strip().splitlines()
    return lines[0].strip() if lines else type(problem).__name__


_CONNECT_WORDS = (
    "connection",
    "connect",
    "unable to open database file",
    "name or service not known",
    "does not exist",
    "authentication failed",
    "timeout expired",
    "no password supplied",
)


def _connecting(problem: DBAPIError) -> bool:
    """Errors of reaching the database (refused, unknown host, no such file), not of a query."""
    text = str(problem.orig or problem).lower()
    return any(word in text for word in _CONNECT_WORDS)
