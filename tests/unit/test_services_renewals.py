"""renewals: quotes, orders and their transitions, fulfilment all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.errors import DomainError
from desktop.domain.money import Money
from desktop.services import activation, licenses, renewals
from tests.conftest import TODAY
from tests.support.fakes import FakeAuthority, FakeDatabase

NEW_END = dt.date(2027, 11, 21)  # a year from the day of issue


def ends(db: FakeDatabase, *ids: int) -> list[dt.date | None]:
    out = []
    for lid in ids:
        row = licenses.get(db, lid, TODAY)
        assert row is not None
        out.append(row.subscription_end)
    return out


def test_a_quote_prices_each_line_by_its_rules(demo: FakeDatabase) -> None:
    q = renewals.quote(demo, [2, 3, 20], TODAY)
    assert [(line.license_id, line.amount.as_str(), line.new_end) for line in q.lines] == [
        (2, "5380.00", NEW_END),
        (3, "5380.00", NEW_END),
        (20, "1569.00", dt.date(2028, 2, 29)),
    ]
    assert q.totals == {"RUB": Money.of("10760.00", "RUB"), "PLN": Money.of("1569.00", "PLN")}
    assert demo.committed == 0


@pytest.mark.parametrize(
    ("ids", "code"), [([2, 999], "license_not_found"), ([18], "renew_free_license")]
)
def test_a_quote_refuses(demo: FakeDatabase, ids: list[int], code: str) -> None:
    with pytest.raises(DomainError) as err:
        renewals.quote(demo, ids, TODAY)
    assert err.value.code == code


def test_quote_each_says_why_a_line_is_missing(demo: FakeDatabase) -> None:
    out = renewals.quote_each(demo, [2, 18], TODAY)
    assert isinstance(out[2], renewals.Quote)
    assert isinstance(out[18], DomainError) and out[18].code == "renew_free_license"


def test_forecast_by_month(demo: FakeDatabase) -> None:
    months = renewals.forecast(demo, TODAY, 3).by_month()
    assert [(m.month, m.renewals) for m in months] == [
        (dt.date(2026, 11, 1), 5),
        (dt.date(2026, 12, 1), 6),
        (dt.date(2027, 1, 1), 1),
    ]
    with pytest.raises(DomainError) as err:
        renewals.forecast(demo, TODAY, 61)
    assert err.value.code == "bad_months"


def test_create_order_is_a_draft_of_the_quote(demo: FakeDatabase) -> None:
    order_id = renewals.create_order(demo, [2, 3], TODAY)
    assert demo.committed == 1
    order = renewals.order(demo, order_id)
    assert order.status == "draft" and order.quote_date == TODAY
    assert [(ln.license_id, ln.amount_minor, ln.new_end, ln.fulfilled) for ln in order.lines] == [
        (2, 538000, NEW_END, False),
        (3, 538000, NEW_END, False),
    ]
    assert renewals.order_totals(order) == {"RUB": Money.of("10760.00", "RUB")}
    assert "Total: 10760.00 RUB" in renewals.order_text(order)
    assert [o.id for o in renewals.orders(demo)] == [order_id]


@pytest.mark.parametrize(("ids", "code"), [([], "order_empty"), ([2, 18], "renew_free_license")])
def test_an_order_that_cannot_be_made_writes_nothing(
    demo: FakeDatabase, ids: list[int], code: str
) -> None:
    with pytest.raises(DomainError) as err:
        renewals.create_order(demo, ids, TODAY)
    assert err.value.code == code
    assert renewals.orders(demo) == [] and demo.committed == 0


def test_order_status_transitions(demo: FakeDatabase) -> None:
    order_id = renewals.create_order(demo, [2], TODAY)
    for status in ("sent", "draft", "sent", "cancelled"):
        renewals.set_order_status(demo, order_id, status)
    assert renewals.order(demo, order_id).status == "cancelled"
    assert demo.committed == 5
    for status in ("draft", "sent", "fulfilled"):  # cancelled is final
        with pytest.raises(DomainError) as err:
            renewals.set_order_status(demo, order_id, status)
        assert err.value.code == "order_status" and err.value.params["old"] == "cancelled"
    assert demo.committed == 5
    with pytest.raises(DomainError) as err:
        renewals.set_order_status(demo, 999, "sent")
    assert err.value.code == "order_not_found"
    with pytest.raises(DomainError) as err:
        renewals.order(demo, 999)
    assert err.value.code == "order_not_found"


def test_fulfil_issues_and_activates_every_line_in_one_commit(demo: FakeDatabase) -> None:
    order_id = renewals.create_order(demo, [2, 3], TODAY)
    authority = FakeAuthority(TODAY)
    done = renewals.fulfil_order(demo, authority, authority.keys, order_id)
    assert done == renewals.Fulfilment(order_id, 2)
    assert demo.committed == 2  # the order, then the fulfilment
    order = renewals.order(demo, order_id)
    assert order.status == "fulfilled" and all(ln.fulfilled for ln in order.lines)
    assert ends(demo, 2, 3) == [NEW_END, NEW_END]
    assert authority.calls == ["status", "fulfil"] or authority.calls == ["fulfil"]
    assert [e.kind for e in licenses.history(demo, 2)] == ["activated", "renewed"]
    with pytest.raises(DomainError) as err:  # once only
        renewals.fulfil_order(demo, authority, authority.keys, order_id)
    assert err.value.code == "order_status"


def test_a_bad_line_in_the_answer_leaves_every_line_unfulfilled(demo: FakeDatabase) -> None:
    order_id = renewals.create_order(demo, [2, 3], TODAY)
    before = ends(demo, 2, 3)
    authority = FakeAuthority(TODAY)
    authority.tamper_line = 2
    with pytest.raises(DomainError) as err:
        renewals.fulfil_order(demo, authority, authority.keys, order_id)
    assert err.value.code == "license_file_signature"
    order = renewals.order(demo, order_id)
    assert order.status == "draft" and not any(ln.fulfilled for ln in order.lines)
    assert ends(demo, 2, 3) == before  # line 1 went with the transaction
    assert [e.kind for e in licenses.history(demo, 2)] == ["activated"]
    assert demo.committed == 1  # the order only
    # the authority answers the same order again (idempotent): it all goes through
    authority.tamper_line = None
    assert renewals.fulfil_order(demo, authority, authority.keys, order_id).lines == 2
    assert ends(demo, 2, 3) == [NEW_END, NEW_END]


def test_a_line_whose_license_left_its_device_stops_the_order(demo: FakeDatabase) -> None:
    order_id = renewals.create_order(demo, [2, 3], TODAY)
    authority = FakeAuthority(TODAY)
    activation.transfer(demo, authority, 3, TODAY)  # license 3 is free now (unsigned: here only)
    committed = demo.committed
    with pytest.raises(DomainError) as err:
        renewals.fulfil_order(demo, authority, authority.keys, order_id)
    assert err.value.code == "order_line_no_device" and err.value.params["line"] == 2
    assert ends(demo, 2) == [dt.date(2026, 12, 4)] and "fulfil" not in authority.calls
    assert demo.committed == committed


def test_a_renewal_code_fulfils_the_order_line_it_was_bought_for(demo: FakeDatabase) -> None:
    order_id = renewals.create_order(demo, [2, 3], TODAY)
    authority = FakeAuthority(TODAY)
    [code] = authority.issue("MS-STORE15-BASE", "renewal")
    device = renewals.order(demo, order_id).lines[0].device_code
    assert device is not None
    activation.activate(demo, authority, authority.keys, device, code)
    order = renewals.order(demo, order_id)
    assert [ln.fulfilled for ln in order.lines] == [True, False] and order.status == "draft"
