"""Demo-only calls: fulfil an order (all lines or none, once) and seed the demo licenses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.authority.client import HttpAuthority
from desktop.authority.demo import RunningAuthority, start_demo_authority
from desktop.authority.wire import OrderLine, SeedItem
from desktop.domain.codes import code_hash, parse_activation_code
from desktop.domain.errors import DomainError
from tests.authority.conftest import (
    DEV_A,
    DEV_B,
    DEV_C,
    STORE,
    TODAY,
    MovableClock,
    listed_keys,
    verifies,
)

MS = "MS-STORE15-BASE"


def _snapshot(running: RunningAuthority) -> tuple[object, ...]:
    with running.service.register.read() as tx:
        codes = tx.conn.execute("SELECT * FROM codes ORDER BY id").fetchall()
        lics = tx.conn.execute("SELECT * FROM licenses ORDER BY serial").fetchall()
        uses = tx.conn.execute("SELECT * FROM uses ORDER BY id").fetchall()
        done = tx.conn.execute("SELECT * FROM fulfilments").fetchall()
    return tuple(tuple(map(tuple, rows)) for rows in (codes, lics, uses, done))


def test_fulfil_renews_every_line_and_a_retry_returns_the_same_response(
    running: RunningAuthority, client: HttpAuthority, clock: MovableClock
) -> None:
    clock.day = dt.date(2026, 3, 1)
    a = client.activate(running.service.issue(MS, "license")[0], DEV_A, STORE).document
    clock.day = TODAY
    lines = [
        OrderLine("line-1", DEV_A, MS, serial=a.serial, current_end=a.end),
        OrderLine("line-2", DEV_B, "ENOVA365", current_end=dt.date(2026, 12, 31)),  # a claim
    ]
    done = client.fulfil(STORE, "order-17", lines)
    assert [x.line_ref for x in done.lines] == ["line-1", "line-2"]
    first, second = (x.activation for x in done.lines)
    assert first.kind == second.kind == "renewal"
    assert first.document.serial == a.serial and first.document.end == dt.date(2027, 11, 21)
    assert first.days_forfeited == (a.end - TODAY).days + 1
    assert second.document.start == dt.date(2027, 1, 1)
    for line in done.lines:
        assert code_hash(parse_activation_code(line.code)) == line.activation.code_hash
        assert verifies(listed_keys(client), line.activation.license)
    before = _snapshot(running)
    assert client.fulfil(STORE, "order-17", lines) == done
    assert _snapshot(running) == before  # nothing issued or renewed twice
    with pytest.raises(DomainError) as err:
        client.fulfil(STORE, "order-17", lines[:1])
    assert err.value.code == "fulfil_conflict"


def test_fulfil_is_all_or_nothing(running: RunningAuthority, client: HttpAuthority) -> None:
    a = client.activate(running.service.issue(MS, "license")[0], DEV_A, STORE).document
    client.activate(running.service.issue("MS-KIROVKA", "license")[0], DEV_C, STORE)
    before = _snapshot(running)
    lines = [
        OrderLine("ok", DEV_A, MS, serial=a.serial),
        OrderLine("bad", DEV_C, MS),  # the device holds Кировка only: a conflict
    ]
    with pytest.raises(DomainError) as err:
        client.fulfil(STORE, "order-18", lines)
    assert err.value.code == "code_other_product"
    assert err.value.params["line_ref"] == "bad"
    assert _snapshot(running) == before
    with pytest.raises(DomainError) as err:
        client.fulfil(STORE, "order-18", [lines[0], OrderLine("x", DEV_B, "NO-SUCH-SKU")])
    assert err.value.code == "unknown_product_sku" and err.value.params["line_ref"] == "x"
    assert _snapshot(running) == before
    done = client.fulfil(STORE, "order-18", lines[:1])  # the order, corrected, goes through
    assert done.lines[0].activation.document.serial == a.serial


def test_seed_signs_the_demo_licenses_as_they_are(
    running: RunningAuthority, client: HttpAuthority
) -> None:
    items = [
        SeedItem(DEV_A, MS, dt.date(2025, 12, 1), dt.date(2026, 11, 30)),
        SeedItem(DEV_B, "ENOVA365", dt.date(2024, 3, 1), dt.date(2025, 2, 28)),  # expired
    ]
    seeded = client.seed(STORE, items)
    keys = listed_keys(client)
    for item, lic in zip(items, seeded.licenses, strict=True):
        doc = lic.document
        assert (doc.device, doc.product, doc.start, doc.end) == (
            item.device,
            item.product,
            item.start,
            item.end,
        )
        assert doc.store == STORE and verifies(keys, lic.license)
    # A seeded license is a real one: it renews and moves like any other.
    renewed = client.activate(running.service.issue(MS, "renewal")[0], DEV_A, STORE)
    assert renewed.document.serial == seeded.licenses[0].document.serial
    client.transfer(renewed.document.serial, DEV_A, STORE)
    moved = client.activate(seeded.licenses[0].code, DEV_C, STORE)
    assert moved.kind == "transfer" and moved.document.end == renewed.document.end


def test_seed_and_fulfil_only_where_allowed(tmp_path: Path, clock: MovableClock) -> None:
    real = start_demo_authority(tmp_path / "real", clock, allow_fulfil=False)
    with real, real.client() as client:
        assert not client.status().fulfil_allowed
        with pytest.raises(DomainError) as err:
            client.seed(STORE, [SeedItem(DEV_A, MS, TODAY, TODAY)])
        assert err.value.code == "fulfil_not_allowed"
        with pytest.raises(DomainError) as err:
            client.fulfil(STORE, "o-1", [OrderLine("1", DEV_A, MS)])
        assert err.value.code == "fulfil_not_allowed"
        with real.service.register.read() as tx:
            assert tx.license_count() == 0


def test_seed_refuses_bad_items_whole(running: RunningAuthority, client: HttpAuthority) -> None:
    items = [
        SeedItem(DEV_A, MS, TODAY, TODAY),
        SeedItem(DEV_B, MS, TODAY, TODAY - dt.timedelta(days=1)),
    ]
    with pytest.raises(DomainError) as err:
        client.seed(STORE, items)
    assert err.value.code == "bad_request"
    with running.service.register.read() as tx:
        assert tx.license_count() == 0
