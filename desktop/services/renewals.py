"""Renewal quotes and the cost forecast (GUI dialog, `licdesk quote`, `licdesk forecast`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from desktop.authority.wire import OrderLine
from desktop.domain import renewal as rules
from desktop.domain.errors import DomainError
from desktop.domain.forecast import Forecast, check_months, renewal_forecast
from desktop.domain.money import Money
from desktop.domain.terms import add_months
from desktop.services import printing
from desktop.services.activation import Authority, accept
from desktop.services.ports import (
    Database,
    NewOrderLine,
    NewOrderModule,
    OrderRow,
    UnitOfWork,
)
from desktop.services.trust import TrustedKeys


@dataclass(frozen=True)
class Quote:
    quote_date: dt.date
    lines: list[rules.QuoteLine]
    totals: dict[str, Money]

    def to_json(self) -> dict[str, object]:
        printed = printing.printed_lines(self.lines)
        return {
            "quote_date": self.quote_date.isoformat(),
            "lines": [line_json(line) for line in self.lines],
            "totals": {
                cur: m.as_str() for cur, m in sorted(printing.printed_totals(printed).items())
            },
        }


def line_json(line: rules.QuoteLine) -> dict[str, object]:
    """A quote line for ``--json``: what it buys, and its printed figures
    (desktop/services/printing.py: quantity, unit_price, percent, amount, modules)."""
    [(head, modules)] = printing.grouped(printing.printed_lines([line]))
    return {
        "license_id": line.license_id,
        "product_name": line.product_name,
        "device_code": line.device_code,
        "sku": line.sku,
        "kind": line.kind.value,
        **printing.figures_json(head, modules),
        "current_end": line.current_end.isoformat() if line.current_end else None,
        "new_start": line.new_start.isoformat(),
        "new_end": line.new_end.isoformat(),
        "days_forfeited": line.days_forfeited,
        "lossless_date": line.lossless_date.isoformat(),
        "gap_days": line.gap_days,
    }


def _facts(
    uow: UnitOfWork, license_ids: list[int]
) -> tuple[list[rules.LicenseFacts], rules.PriceList]:
    facts = uow.renewals.facts(license_ids)
    missing = sorted(set(license_ids) - {f.license_id for f in facts})
    if missing:
        raise DomainError("license_not_found", license_id=missing[0])
    skus = {f.product_sku for f in facts} | {lot.module_sku for f in facts for lot in f.lots}
    return facts, uow.renewals.price_list(skus)


def quote(
    db: Database, license_ids: list[int], on: dt.date, *, restore_dropped: bool = False
) -> Quote:
    """What renewing these licenses on ``on`` costs and buys, under each line's rules."""
    with db.uow() as uow:
        return quote_in(uow, license_ids, on, restore_dropped=restore_dropped)


def quote_each(db: Database, license_ids: list[int], on: dt.date) -> dict[int, Quote | DomainError]:
    """One quote per license; a license that cannot be quoted carries its refusal code
    (the renewal dialog shows every other line and says why that one is missing)."""
    out: dict[int, Quote | DomainError] = {}
    with db.uow() as uow:
        for lid in license_ids:
            try:
                out[lid] = quote_in(uow, [lid], on)
            except DomainError as err:
                out[lid] = err
    return out


def quote_in(
    uow: UnitOfWork, license_ids: list[int], on: dt.date, *, restore_dropped: bool = False
) -> Quote:
    facts, prices = _facts(uow, license_ids)
    lines = [rules.quote_line(f, on, prices, restore_dropped=restore_dropped) for f in facts]
    return Quote(on, lines, rules.totals(lines))


def forecast(db: Database, today: dt.date, months: int = 12) -> Forecast:
    """What renewing every license on time costs over the window [first day of this
    month, + ``months``): every yearly renewal in it, per month, store and currency
    (desktop.domain.forecast).

    Mobile SMARTS licenses come from one SQL ``GROUP BY`` (product, store, end date)
    streamed from a cursor; enova365 licenses, each with its module lots, in batches of
    ids; prices for every product. The work grows with the number of cohorts, and no
    statement carries a parameter per license.
    """
    check_months(months)
    horizon = add_months(today.replace(day=1), months)
    with db.uow() as uow:
        prices = uow.renewals.price_list(None)
        cohorts = uow.renewals.ms_cohorts(today, horizon)
        enova = (
            facts for ids in uow.renewals.enova_ids(horizon) for facts in uow.renewals.facts(ids)
        )
        return renewal_forecast(cohorts, enova, prices, today, months)


def zero(currency: str) -> Money:
    return Money(Decimal(0), currency)


# ---------------------------------------------------------------- orders

ORDER_STATUSES = ("draft", "sent", "fulfilled", "cancelled")
#: Which status may follow which (a cancelled or fulfilled order is final).
ORDER_TRANSITIONS = {
    "draft": ("sent", "cancelled", "fulfilled"),
    "sent": ("fulfilled", "cancelled", "draft"),
    "fulfilled": (),
    "cancelled": (),
}


def create_order(db: Database, license_ids: list[int], on: dt.date) -> int:
    """Order the renewal of these licenses as quoted for ``on`` (a draft). Each line
    keeps the figures the quote printed (quantity, list price, percent, module lines),
    so the order prints them whenever it is printed."""
    with db.uow(write=True) as uow:
        q = quote_in(uow, license_ids, on)
        lines = [line for line in q.lines if line.license_id in set(license_ids)]
        if not lines:
            raise DomainError("order_empty")
        order_id = uow.orders.create(q.quote_date, [_new_order_line(line) for line in lines])
        uow.commit()
    return int(order_id)


def _new_order_line(line: rules.QuoteLine) -> NewOrderLine:
    [(head, modules)] = printing.grouped(printing.printed_lines([line]))
    assert head.percent is not None  # a quote always knows its percent
    return NewOrderLine(
        license_id=line.license_id,
        product_name=line.product_name,
        device_code=line.device_code,
        sku=line.sku,
        kind=line.kind.value,
        amount_minor=head.amount.minor,
        currency=head.amount.currency,
        current_end=line.current_end,
        new_end=line.new_end,
        days_forfeited=line.days_forfeited,
        quantity=head.quantity,
        unit_price_minor=head.unit_price.minor if head.unit_price is not None else None,
        percent_bp=printing.percent_to_bp(head.percent),
        modules=tuple(_new_order_module(m) for m in modules),
    )


def _new_order_module(m: printing.PrintedLine) -> NewOrderModule:
    # A quote's module line always has its own figures.
    assert m.quantity is not None and m.unit_price is not None and m.percent is not None
    return NewOrderModule(
        module_sku=m.sku,
        module_name=m.name,
        seats=m.quantity,
        unit_price_minor=m.unit_price.minor,
        percent_bp=printing.percent_to_bp(m.percent),
        amount_minor=m.amount.minor,
        deferred=m.deferred,
        restored=m.restored,
    )


def orders(db: Database) -> list[OrderRow]:
    """Every order, newest first."""
    with db.uow() as uow:
        return uow.orders.all()


def order(db: Database, order_id: int) -> OrderRow:
    with db.uow() as uow:
        found = uow.orders.get(order_id)
    if found is None:
        raise DomainError("order_not_found", order_id=order_id)
    return found


def set_order_status(db: Database, order_id: int, status: str) -> None:
    with db.uow(write=True) as uow:
        found = uow.orders.get(order_id)
        if found is None:
            raise DomainError("order_not_found", order_id=order_id)
        if status not in ORDER_TRANSITIONS.get(found.status, ()):
            raise DomainError("order_status", order_id=order_id, old=found.status, new=status)
        uow.orders.set_status(order_id, status)
        uow.commit()


def order_totals(order: OrderRow) -> dict[str, Money]:
    """Per currency, the sum of the order's printed line amounts."""
    return printing.printed_totals(printing.printed_lines(order))


def order_text(order: OrderRow) -> str:
    """The order as plain text for an e-mail to the vendor: each line with the figures
    its amount follows from, an enova365 line's module lines indented below it."""
    printed = printing.printed_lines(order)
    rows = [f"Order #{order.id} of {order.quote_date.isoformat()} ({order.status})", ""]
    for n, (line, modules) in enumerate(printing.grouped(printed), start=1):
        rows.append(f"{n}. {line.sku} - {line.name}")
        where = (
            f"   device {line.device_code or '-'}; "
            f"new end {line.new_end.isoformat() if line.new_end else '-'}"
        )
        if line.basis is printing.AmountBasis.UNKNOWN:  # an order from before 0007
            rows.append(f"{where}; {printing.figures_text(line)}")
            continue
        rows.append(where)
        for m in modules:
            name = f"{m.name} (restored)" if m.restored else m.name
            rows.append(f"     {name} [{m.sku}]: {printing.figures_text(m)}")
        rows.append(f"   {printing.figures_text(line)}")
    rows.append("")
    rows.append(
        "Total: "
        + ", ".join(
            printing.money_text(m) for _, m in sorted(printing.printed_totals(printed).items())
        )
    )
    return "\n".join(rows)


@dataclass(frozen=True)
class Fulfilment:
    order_id: int
    lines: int  # renewals applied


def fulfil_order(
    db: Database, authority: Authority, keys: TrustedKeys, order_id: int
) -> Fulfilment:
    """The authority issues and applies one renewal per open line; this store takes
    every line or none, in one transaction. (Asking again is safe: the authority answers
    a repeated order with the same signed documents.)"""
    db.check_writable()
    with db.uow() as uow:
        found = uow.orders.get(order_id)
        if found is None:
            raise DomainError("order_not_found", order_id=order_id)
        if found.status not in ("draft", "sent"):
            raise DomainError("order_status", order_id=order_id, old=found.status, new="fulfilled")
        store = uow.activation.store_id()
        open_lines = [ln for ln in found.lines if not ln.fulfilled]
        bindings = {ln.id: uow.activation.license_binding(ln.license_id) for ln in open_lines}
    lines = []
    for n, line in enumerate(open_lines, start=1):
        b = bindings[line.id]
        if b is None or b.device_code is None:
            raise DomainError(
                "order_line_no_device", order_id=order_id, line=n, product=line.product_name
            )
        lines.append(
            OrderLine(
                line_ref=str(line.id),
                device=b.device_code,
                product=b.product_sku,
                serial=b.serial,
                current_end=b.subscription_end,
            )
        )
    answer = authority.fulfil(store, f"order-{order_id}", lines)
    by_ref = {x.line_ref: x for x in answer.lines}
    with db.uow(write=True) as uow:
        for line in open_lines:
            got = by_ref.get(str(line.id))
            b = bindings[line.id]
            if got is None or b is None or b.device_code is None:
                raise DomainError("authority_unreachable", url="", reason="incomplete answer")
            signed = got.activation.license
            accept(signed, keys, store, b.device_code)
            license_id = uow.activation.store_document(
                line.license_id, signed.document, signed.signature
            )
            uow.activation.add_activation(
                got.activation.code_hash, license_id, b.device_code, "renewal"
            )
            uow.orders.fulfil_license(license_id)
            uow.events.append(
                "renewed",
                license_id=license_id,
                details={
                    "device_code": b.device_code,
                    "sku": b.product_sku,
                    "old_end": b.subscription_end.isoformat() if b.subscription_end else None,
                    "new_end": signed.document.end.isoformat(),
                    "period_start": signed.document.start.isoformat(),
                    "days_forfeited": got.activation.days_forfeited,
                    "order_id": order_id,
                },
            )
        uow.commit()
    return Fulfilment(order_id, len(open_lines))
