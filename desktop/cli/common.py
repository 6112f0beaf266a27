"""Output helpers shared by the CLI commands."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any, TypeAlias

from desktop.domain.clock import parse_iso_date
from desktop.domain.errors import DomainError
from desktop.domain.terms import EARLIEST_DAY, LATEST_DAY, supported_day


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    line = "  ".join(h.ljust(widths[i]) for i, h in enumerate(headers))
    print(line.rstrip())
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(widths[i]) for i, c in enumerate(row)).rstrip())


def date_arg(text: str) -> dt.date:
    """argparse type for YYYY-MM-DD (within the days License Desk works with) that
    reports a clear message."""
    shown = _printable(text)
    try:
        day = parse_iso_date(text)
    except DomainError:
        raise argparse.ArgumentTypeError(f"'{shown}' is not a date; use YYYY-MM-DD") from None
    try:
        return supported_day(day)
    except DomainError:
        raise argparse.ArgumentTypeError(
            f"{shown} is outside the days License Desk works with "
            f"({EARLIEST_DAY.isoformat()} to {LATEST_DAY.isoformat()})"
        ) from None


def _printable(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")


def nonneg_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{_printable(text)}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' must be 0 or more")
    return value


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{_printable(text)}' is not a whole number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' must be 1 or more")
    return value


Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
