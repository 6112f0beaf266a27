"""Output helpers shared by the CLI commands."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable
from itertools import islice
from typing import Any, TypeAlias


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_json_array(
    items: Iterable[Any], head: dict[str, Any] | None = None, key: str = ""
) -> int:
    """Stream a JSON array, one element per line, as the elements come (a million rows
    never sit in memory as one document); inside an object ``head`` under ``key`` when
    given. Returns how many elements were written."""
    out = sys.stdout
    dumps = json.JSONEncoder(ensure_ascii=False, default=str).encode  # the C encoder
    indent = ""
    if head is not None:
        out.write("{\n")
        for k, v in head.items():
            if isinstance(v, list) and v:  # a short list: one element per line
                inner = ",\n".join("    " + dumps(e) for e in v)
                out.write(f"  {dumps(k)}: [\n{inner}\n  ],\n")
            else:
                out.write(f"  {dumps(k)}: {dumps(v)},\n")
        out.write(f"  {dumps(key)}: ")
        indent = "  "
    out.write("[")
    n = 0
    for item in items:
        out.write(("\n" if n == 0 else ",\n") + indent + "  " + dumps(item))
        n += 1
    out.write(("\n" + indent if n else "") + "]")
    out.write("\n}\n" if head is not None else "\n")
    return n


def print_table_stream(headers: list[str], rows: Iterable[list[str]], sample: int = 1000) -> int:
    """:func:`print_table` for any number of rows: the widths come from the first
    ``sample`` rows, the rest are written as they come. Returns the number of rows."""
    it = iter(rows)
    first = list(islice(it, sample))
    print_table(headers, first)
    widths = [len(h) for h in headers]
    for row in first:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    n = len(first)
    write = sys.stdout.write
    for row in it:
        write("  ".join(c.ljust(widths[i]) for i, c in enumerate(row)).rstrip() + "\n")
        n += 1
    return n


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
    from desktop.domain.clock import parse_iso_date  # imported when used: CLI start-up
    from desktop.domain.errors import DomainError
    from desktop.domain.terms import EARLIEST_DAY, LATEST_DAY, supported_day

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
