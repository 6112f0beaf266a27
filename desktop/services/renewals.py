"""Renewal quotes and the cost forecast (GUI dialog, `licdesk quote`, `licdesk forecast`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from desktop.domain import renewal as rules
from desktop.domain.errors import DomainError
from desktop.domain.forecast import Forecast, check_months, renewal_forecast
from desktop.domain.money import Money
from desktop.domain.terms import add_months
from desktop.services.activation import Authority, activate_in
from desktop.services.ports import Database, OrderRow, UnitOfWork


@dataclass(frozen=True)
class Quote:
    quote_date: dt.date
    lines: list[rules.QuoteLine]
    totals: dict[str, Money]

    def to_json(self) -> dict[str, object]:
        return {
            "quote_date": self.quote_date.isoformat(),
            "lines": [line_json(line) for line in self.lines],
            "totals": {cur: m.as_str() for cur, m in sorted(self.totals.items())},
        }


def line_json(line: rules.QuoteLine) -> dict[str, object]:
    data: dict[str, object] = {
        "license_id": line.license_id,
        "product_name": line.product_name,
        "device_code": line.device_code,
        "sku": line.sku,
        "kind": line.kind.value,
        "percent": str(line.percent),
        "amount": line.amount.as_str(),
        "currency": line.amount.currency,
        "current_end": line.current_end.isoformat() if line.current_end else None,
        "new_start": line.new_start.isoformat(),
        "new_end": line.new_end.isoformat(),
        "days_forfeited": line.days_forfeited,
        "lossless_date": line.lossless_date.isoformat(),
        "gap_days": line.gap_days,
    }
    if line.modules:
        data["charged"] = [
            {
                "module": m.module_name,
                "sku": m.module_sku,
                "seats": m.seats,
                "unit_price": str(m.unit_price),
                "amount": m.amount.as_str(),
                "restored": m.restored,
            }
            for m in line.modules
            if not m.deferred
        ]
        data["deferred"] = [
            {"module": m.module_name, "sku": m.module_sku, "seats": m.seats}
            for m in line.modules
            if m.deferred
        ]
    return data


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
    """Order the renewal of these licenses as quoted for ``on`` (a draft)."""
    with db.uow(write=True) as uow:
        q = quote_in(uow, license_ids, on)
        lines = [line for line in q.lines if line.license_id in set(license_ids)]
        if not lines:
            raise DomainError("order_empty")
        order_id = uow.orders.create(
            q.quote_date,
            [
                {
                    "license_id": line.license_id,
                    "product_name": line.product_name,
                    "device_code": line.device_code,
                    "sku": line.sku,
                    "kind": line.kind.value,
                    "amount_minor": line.amount.minor,
                    "currency": line.amount.currency,
                    "current_end": line.current_end,
                    "new_end": line.new_end,
                    "days_forfeited": line.days_forfeited,
                }
                for line in lines
            ],
        )
        uow.commit()
    return int(order_id)


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
    out: dict[str, Money] = {}
    for line in order.lines:
        m = Money.from_minor(line.amount_minor, line.currency)
        out[line.currency] = out[line.currency] + m if line.currency in out else m
    return out


def order_text(order: OrderRow) -> str:
    """The order as plain text for an e-mail to the vendor."""
    rows = [f"Order #{order.id} of {order.quote_date.isoformat()} ({order.status})", ""]
    for n, line in enumerate(order.lines, start=1):
        amount = Money.from_minor(line.amount_minor, line.currency)
        rows.append(f"{n}. {line.sku} - {line.product_name}")
        rows.append(
            f"   device {line.device_code or '-'}; new end {line.new_end.isoformat()}; "
            f"{amount.as_str()} {line.currency}"
        )
    rows.append("")
    rows.append(
        "Total: " + ", ".join(f"{m.as_str()} {c}" for c, m in sorted(order_totals(order).items()))
    )
    return "\n".join(rows)


@dataclass(frozen=True)
class Fulfilment:
    order_id: int
    lines: int  # renewal codes issued and activated


def fulfil_order(db: Database, authority: Authority, order_id: int, today: dt.date) -> Fulfilment:
    """The authority issues one renewal code per open line and each is activated on its
    device: every line or none, in one transaction."""
    with db.uow(write=True) as uow:
        found = uow.orders.get(order_id)
        if found is None:
            raise DomainError("order_not_found", order_id=order_id)
        if found.status not in ("draft", "sent"):
            raise DomainError("order_status", order_id=order_id, old=found.status, new="fulfilled")
        open_lines = [ln for ln in found.lines if not ln.fulfilled]
        facts = {f.license_id: f for f in uow.renewals.facts([ln.license_id for ln in open_lines])}
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        for n, line in enumerate(open_lines, start=1):
            lic = facts.get(line.license_id)
            if lic is None or lic.device_code is None:
                raise DomainError(
                    "order_line_no_device", order_id=order_id, line=n, product=line.product_name
                )
            code = authority.issue(uow, lic.product_sku, "renewal", 12, 1, today)[0]
            activate_in(uow, authority, lic.device_code, code, today, now)
        uow.commit()
    return Fulfilment(order_id, len(open_lines))
