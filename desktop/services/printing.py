"""Money as printed: the figures of every printed line of a quote or an order.

Every front end prints renewal money from here: the renewal dialog, the order's PDF
and XLSX, the e-mail text (:func:`desktop.services.renewals.order_text`), and
``licdesk quote --json`` / ``licdesk orders --json``. So whatever prints a line prints
the same figures, and its amount follows from them:

* a line with its own figures (``basis`` FIGURES: a Mobile SMARTS renewal, or an
  enova365 module line): ``amount = round(quantity × unit_price × percent / 100)``,
  rounded once to the currency's minor unit, half up (domain.money.Money.percent);
* an enova365 license line (``basis`` MODULES): its figures are its module lines,
  printed right after it (``is_module``); its amount is the sum of their amounts;
* a deferred module (bought after the sixth month: DOMAIN.md §2) is printed with its
  seats and list price at 0 % and amount 0: it is not charged in this update, it joins
  the base at the next one (``DEFERRED_PERCENT``; our decision: the line keeps the
  rule above and still shows what the module costs).
* an order made before the figures were kept (before schema 0007, ``basis`` UNKNOWN)
  prints its stored amount alone.

A total is the sum of the printed license lines' amounts (module lines are already in
their license line), per currency: :func:`printed_totals`.

Everything here is text-free (numbers, codes, Money); :func:`figures_text` is the plain
English rendering used by the e-mail text and the CLI. The UI formats the same fields
itself, in the user's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from desktop.domain.money import Money
from desktop.domain.renewal import QuoteLine
from desktop.services.ports import OrderLineRow, OrderRow

#: A Mobile SMARTS renewal line is one license on one device (DOMAIN.md §1: "per device").
DEVICES_PER_LINE = 1
#: (our decision) A deferred module line is printed at this percent, so that its
#: amount 0 still follows from its printed figures.
DEFERRED_PERCENT = Decimal(0)
#: Hundredths of a percent per percent (a percent is stored as an integer: 20 % = 2000).
BP_PER_PERCENT = 100


class AmountBasis(StrEnum):
    FIGURES = "figures"  # amount = round(quantity × unit_price × percent)
    MODULES = "modules"  # amount = sum of the module lines printed below it
    UNKNOWN = "unknown"  # an order from before the figures were kept: amount as stored


@dataclass(frozen=True)
class PrintedLine:
    """One printed line. License lines come first, each followed by its module lines."""

    license_id: int
    is_module: bool
    sku: str  # the renewal SKU, the enova365 product SKU, or the module's SKU
    name: str  # the product's name, or the module's
    device_code: str | None  # license lines only
    kind: str | None  # RenewalKind value; license lines only
    new_end: dt.date | None  # license lines only
    basis: AmountBasis
    quantity: int | None  # devices (Mobile SMARTS: 1) or seats (a module line)
    unit_price: Money | None  # the list price on the quote day
    percent: Decimal | None  # 20, 15, 30; 0 for a deferred module
    amount: Money
    deferred: bool = False
    restored: bool = False


def percent_to_bp(percent: Decimal) -> int:
    bp = percent * BP_PER_PERCENT
    if bp != bp.to_integral_value():
        raise ValueError(f"percent {percent} has more than two decimals")
    return int(bp)


def percent_from_bp(bp: int) -> Decimal:
    return Decimal(bp) / BP_PER_PERCENT


def _quote_lines(line: QuoteLine) -> list[PrintedLine]:
    cur = line.amount.currency
    head = PrintedLine(
        license_id=line.license_id,
        is_module=False,
        sku=line.sku,
        name=line.product_name,
        device_code=line.device_code,
        kind=line.kind.value,
        new_end=line.new_end,
        basis=AmountBasis.FIGURES if line.unit_price is not None else AmountBasis.MODULES,
        quantity=DEVICES_PER_LINE if line.unit_price is not None else None,
        unit_price=Money(line.unit_price, cur) if line.unit_price is not None else None,
        percent=line.percent,
        amount=line.amount,
    )
    out = [head]
    for m in line.modules:
        out.append(
            PrintedLine(
                license_id=line.license_id,
                is_module=True,
                sku=m.module_sku,
                name=m.module_name,
                device_code=None,
                kind=None,
                new_end=None,
                basis=AmountBasis.FIGURES,
                quantity=m.seats,
                unit_price=Money(m.unit_price, cur),
                percent=DEFERRED_PERCENT if m.deferred else line.percent,
                amount=m.amount,
                deferred=m.deferred,
                restored=m.restored,
            )
        )
    return out


def _order_lines(line: OrderLineRow) -> list[PrintedLine]:
    cur = line.currency
    if line.percent_bp is None:
        basis = AmountBasis.UNKNOWN
    elif line.unit_price_minor is None:
        basis = AmountBasis.MODULES
    else:
        basis = AmountBasis.FIGURES
    head = PrintedLine(
        license_id=line.license_id,
        is_module=False,
        sku=line.sku,
        name=line.product_name,
        device_code=line.device_code,
        kind=line.kind,
        new_end=line.new_end,
        basis=basis,
        quantity=line.quantity if basis is AmountBasis.FIGURES else None,
        unit_price=(
            Money.from_minor(line.unit_price_minor, cur)
            if line.unit_price_minor is not None and basis is AmountBasis.FIGURES
            else None
        ),
        percent=percent_from_bp(line.percent_bp) if line.percent_bp is not None else None,
        amount=Money.from_minor(line.amount_minor, cur),
    )
    out = [head]
    for m in line.modules:
        out.append(
            PrintedLine(
                license_id=line.license_id,
                is_module=True,
                sku=m.module_sku,
                name=m.module_name,
                device_code=None,
                kind=None,
                new_end=None,
                basis=AmountBasis.FIGURES,
                quantity=m.seats,
                unit_price=Money.from_minor(m.unit_price_minor, cur),
                percent=percent_from_bp(m.percent_bp),
                amount=Money.from_minor(m.amount_minor, cur),
                deferred=m.deferred,
                restored=m.restored,
            )
        )
    return out


def printed_lines(source: OrderRow | Iterable[QuoteLine]) -> list[PrintedLine]:
    """The printed lines of an order, or of quote lines (``quote.lines``, or the lines
    the renewal dialog has ticked), in print order: each license line, then its module
    lines."""
    out: list[PrintedLine] = []
    if isinstance(source, OrderRow):
        for ol in source.lines:
            out.extend(_order_lines(ol))
    else:
        for ql in source:
            out.extend(_quote_lines(ql))
    return out


def grouped(lines: Iterable[PrintedLine]) -> list[tuple[PrintedLine, tuple[PrintedLine, ...]]]:
    """Each printed license line with its module lines (for trees and nested JSON)."""
    out: list[tuple[PrintedLine, list[PrintedLine]]] = []
    for line in lines:
        if line.is_module:
            out[-1][1].append(line)
        else:
            out.append((line, []))
    return [(head, tuple(modules)) for head, modules in out]


def printed_totals(lines: Iterable[PrintedLine]) -> dict[str, Money]:
    """Per currency, the sum of the printed license lines' amounts."""
    out: dict[str, Money] = {}
    for line in lines:
        if line.is_module:
            continue
        cur = line.amount.currency
        out[cur] = out[cur] + line.amount if cur in out else line.amount
    return out


def percent_text(percent: Decimal) -> str:
    """20, 15.5: no exponent, no trailing zeros."""
    return format(percent.normalize(), "f")


def money_text(m: Money) -> str:
    return f"{m.as_str()} {m.currency}"


def figures_text(line: PrintedLine) -> str:
    """The line's figures in plain English: ``1 × 19900.00 RUB × 20 % = 3980.00 RUB``;
    a line priced by its modules: ``sum of the module lines = 1569.00 PLN``; an order
    from before the figures were kept: the amount alone."""
    if line.basis is AmountBasis.MODULES:
        return f"sum of the module lines = {money_text(line.amount)}"
    if line.basis is AmountBasis.UNKNOWN or line.unit_price is None or line.percent is None:
        return money_text(line.amount)
    text = (
        f"{line.quantity} × {money_text(line.unit_price)} × {percent_text(line.percent)} % "
        f"= {money_text(line.amount)}"
    )
    if line.deferred:
        text += " (deferred: charged at the next update)"
    return text


def figures_json(line: PrintedLine, modules: Iterable[PrintedLine]) -> dict[str, object]:
    """The figures of a printed license line and its module lines for ``--json``
    (money and percent as decimal strings; ``quantity`` of a line, ``seats`` of a
    module)."""
    return {
        "quantity": line.quantity,
        "unit_price": line.unit_price.as_str() if line.unit_price is not None else None,
        "percent": percent_text(line.percent) if line.percent is not None else None,
        "amount": line.amount.as_str(),
        "currency": line.amount.currency,
        "amount_basis": line.basis.value,
        "modules": [module_json(m) for m in modules],
    }


def module_json(line: PrintedLine) -> dict[str, object]:
    return {
        "module": line.name,
        "sku": line.sku,
        "seats": line.quantity,
        "unit_price": line.unit_price.as_str() if line.unit_price is not None else None,
        "percent": percent_text(line.percent) if line.percent is not None else None,
        "amount": line.amount.as_str(),
        "deferred": line.deferred,
        "restored": line.restored,
    }
