"""Checks of "money as printed" (issue 11, item 6) that read only what was printed.

Each check parses figures back from the printed output (``--json`` or the e-mail text)
and recomputes every amount from them: a line with its own figures must show
round(quantity × unit price × percent / 100), rounded once, half up, to the minor unit;
an enova365 line the sum of its printed module lines; a total the sum of the printed
lines. Nothing here asks the services how they computed it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
from contextlib import redirect_stdout
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from desktop.cli.main import add_commands
from desktop.cli.main import run as run_cli
from desktop.context import AppContext
from desktop.domain.clock import FixedClock
from desktop.services.ports import Database
from desktop.services.trust import LicenseVerifier, TrustedKeys

CENT = Decimal("0.01")


def rounded(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def expected(quantity: int, unit_price: str, percent: str) -> Decimal:
    return rounded(quantity * Decimal(unit_price) * Decimal(percent) / 100)


# ---------------------------------------------------------------- the CLI in-process


def app_over(db: Database, today: dt.date) -> AppContext:
    """The application object over any Database (a real store or the fake)."""
    return AppContext(
        db=db,  # type: ignore[arg-type]
        clock=FixedClock(today),
        is_demo=False,
        make_authority=lambda: None,  # type: ignore[arg-type,return-value]
        make_keys=TrustedKeys,
        make_verifier=lambda app: LicenseVerifier(app.db, TrustedKeys),
        this_pc=lambda: "PC01-0000000000042-0000000000042",
    )


def cli(app: AppContext, *argv: str) -> str:
    """``licdesk ARGV`` through the real parser and command code; its stdout."""
    parser = argparse.ArgumentParser(prog="licdesk")
    add_commands(parser)
    args = parser.parse_args(list(argv))
    out = io.StringIO()
    with redirect_stdout(out):
        code = run_cli(app, args)
    assert code == 0, out.getvalue()
    return out.getvalue()


def cli_json(app: AppContext, *argv: str) -> Any:
    return json.loads(cli(app, *argv))


# ---------------------------------------------------------------- --json


def check_json_line(line: dict[str, Any]) -> Decimal:
    """One printed line of ``quote --json`` or ``orders --json``; returns its amount."""
    amount = Decimal(line["amount"])
    assert amount == rounded(amount), line  # printed to the minor unit
    module_sum = Decimal(0)
    for m in line["modules"]:
        m_amount = Decimal(m["amount"])
        assert m_amount == expected(m["seats"], m["unit_price"], m["percent"]), m
        if m["deferred"]:
            assert m_amount == 0 and Decimal(m["percent"]) == 0, m
        module_sum += m_amount
    basis = line["amount_basis"]
    if basis == "figures":
        assert line["modules"] == []
        assert amount == expected(line["quantity"], line["unit_price"], line["percent"]), line
    elif basis == "modules":
        assert line["quantity"] is None and line["unit_price"] is None
        assert amount == module_sum, line
    else:  # an order from before the figures were kept
        assert basis == "unknown" and line["modules"] == [], line
        assert line["quantity"] is None and line["unit_price"] is None
        assert line["percent"] is None
    return amount


def check_json_doc(doc: dict[str, Any]) -> dict[str, Decimal]:
    """A quote or an order: every line checked, totals = sum of the printed lines."""
    sums: dict[str, Decimal] = {}
    for line in doc["lines"]:
        amount = check_json_line(line)
        sums[line["currency"]] = sums.get(line["currency"], Decimal(0)) + amount
    assert {c: Decimal(v) for c, v in doc["totals"].items()} == sums, doc["totals"]
    return sums


# ---------------------------------------------------------------- the e-mail text

MONEY = r"(\d+\.\d{2}) ([A-Z]{3})"
FIGURES = re.compile(rf"(\d+) × {MONEY} × (\d+(?:\.\d+)?) % = {MONEY}")
HEAD = re.compile(r"^(\d+)\. ")
SUM = re.compile(rf"^   sum of the module lines = {MONEY}$")
OLD = re.compile(rf"^   device .*; new end .*; {MONEY}$")
TOTAL = re.compile(r"^Total: (.*)$")


def _figures(text: str) -> tuple[Decimal, str]:
    found = FIGURES.search(text)
    assert found, text
    qty, price, cur, pct, amount, cur2 = found.groups()
    assert cur == cur2, text
    assert Decimal(amount) == expected(int(qty), price, pct), text
    if "deferred" in text:
        assert Decimal(amount) == 0 and Decimal(pct) == 0, text
    return Decimal(amount), cur


def check_order_text(text: str) -> dict[str, Decimal]:
    """``order text`` / ``orders``: each line's amount from its printed figures (an
    enova365 line's from its indented module lines), the total from the lines."""
    sums: dict[str, Decimal] = {}
    lines_seen = 0
    modules: list[tuple[Decimal, str]] = []
    totals: dict[str, Decimal] | None = None
    for row in text.splitlines():
        if HEAD.match(row):
            lines_seen += 1
            modules = []
        elif row.startswith("     "):  # a module line
            modules.append(_figures(row))
        elif (m := SUM.match(row)) is not None:
            amount, cur = Decimal(m.group(1)), m.group(2)
            assert all(c == cur for _, c in modules), row
            assert amount == sum((a for a, _ in modules), Decimal(0)), row
            sums[cur] = sums.get(cur, Decimal(0)) + amount
        elif (m := OLD.match(row)) is not None:  # an order from before 0007
            sums[m.group(2)] = sums.get(m.group(2), Decimal(0)) + Decimal(m.group(1))
        elif row.startswith("   ") and FIGURES.search(row):
            assert not modules, row
            amount, cur = _figures(row)
            sums[cur] = sums.get(cur, Decimal(0)) + amount
        elif (m := TOTAL.match(row)) is not None:
            totals = {}
            for part in m.group(1).split(", "):
                value, cur = part.split(" ")
                totals[cur] = Decimal(value)
    assert lines_seen > 0 and totals is not None, text
    assert totals == sums, text
    return sums
