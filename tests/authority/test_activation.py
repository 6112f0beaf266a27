"""The authority's rules through the real server and the real client."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.authority.client import HttpAuthority
from desktop.authority.demo import RunningAuthority
from desktop.authority.wire import SignedLicense
from desktop.domain.codes import code_hash
from desktop.domain.errors import DomainError
from desktop.domain.renewal import renewal_period
from desktop.domain.terms import period_end
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
EN = "ENOVA365"


def issue(running: RunningAuthority, sku: str, kind: str, **kw: int) -> str:
    return running.service.issue(sku, kind, **kw)[0]


def test_a_license_code_makes_a_signed_license_from_the_authority_today(
    running: RunningAuthority, client: HttpAuthority
) -> None:
    code = issue(running, MS, "license")
    result = client.activate(code.lower().replace("-", " "), DEV_A.lower(), STORE)
    doc = result.document
    assert result.kind == "license"
    assert (doc.device, doc.store, doc.product) == (DEV_A, STORE, MS)
    assert doc.start == TODAY and doc.end == period_end(TODAY, 12) == dt.date(2027, 11, 21)
    assert doc.serial.startswith("LD-") and len(doc.serial) == 19
    assert doc.issued_at.date() == TODAY and doc.issued_at.tzinfo is not None
    assert result.code_hash == code_hash(code) and result.months == 12
    assert verifies(listed_keys(client), result.license)
    tampered = SignedLicense(
        type(doc)(**{**doc.__dict__, "end": dt.date(2030, 1, 1)}),
        result.license.key_id,
        result.license.signature,
    )
    assert not verifies(listed_keys(client), tampered)


def test_the_same_code_on_the_same_device_returns_the_same_document(
    running: RunningAuthority, client: HttpAuthority, clock: MovableClock
) -> None:
    code = issue(running, MS, "license")
    first = client.activate(code, DEV_A, STORE)
    clock.day = TODAY + dt.timedelta(days=3)  # a client that crashed and asks again later
    again = client.activate(code, DEV_A, STORE)
    assert again.kind == "already-active"
    assert again.license == first.license
    with pytest.raises(DomainError) as err:  # the same device for another database
        client.activate(code, DEV_A, "another-store")
    assert err.value.code == "code_used"


def test_a_code_is_bound_to_at_most_its_device_count(
    running: RunningAuthority, client: HttpAuthority
) -> None:
    code = issue(running, MS, "license", devices=2)
    a = client.activate(code, DEV_A, STORE)
    b = client.activate(code, DEV_B, STORE)
    assert a.document.serial != b.document.serial
    with pytest.raises(DomainError) as err:
        client.activate(code, DEV_C, STORE)
    assert err.value.code == "code_used"
    assert err.value.params == {"device": DEV_B, "date": TODAY.isoformat()}


def test_unknown_and_malformed_codes_are_refused_with_the_existing_codes(
    running: RunningAuthority, client: HttpAuthority
) -> None:
    code = issue(running, MS, "license")
    cases = {
        "code_unknown": (_valid_unknown_code(code), DEV_A),
        "code_length": ("ABCDE", DEV_A),
        "code_bad_letters": (code.replace(code[0], "1", 1), DEV_A),
        "code_typo": (_one_typo(code), DEV_A),
        "device_code_malformed": (code, "not a device"),
    }
    for expected, (text, device) in cases.items():
        with pytest.raises(DomainError) as err:
            client.activate(text, device, STORE)
        assert err.value.code == expected, (expected, text)


def _one_typo(code: str) -> str:
    letters = list(code)
    letters[1] = "B" if letters[1] != "B" else "C"
    return "".join(letters)


def _valid_unknown_code(code: str) -> str:
    from desktop.domain.codes import generate_activation_code

    other = generate_activation_code()
    return other if other != code else generate_activation_code()


# --- renewals: one rule per line (renewal_period) ---------------------------------------


def test_mobile_smarts_renewal_runs_from_today_and_forfeits_the_days_left(
    running: RunningAuthority, client: HttpAuthority, clock: MovableClock
) -> None:
    clock.day = dt.date(2026, 1, 10)
    lic = client.activate(issue(running, MS, "license"), DEV_A, STORE).document
    assert lic.end == dt.date(2027, 1, 9)
    clock.day = TODAY
    renewal = client.activate(issue(running, MS, "renewal"), DEV_A, STORE, serial=lic.serial)
    expected = renewal_period("mobile-smarts", lic.end, TODAY, 12)
    assert renewal.kind == "renewal" and renewal.renewal_kind == "subscription"
    assert renewal.document.serial == lic.serial
    assert (renewal.document.start, renewal.document.end) == (TODAY, dt.date(2027, 11, 21))
    assert (renewal.document.start, renewal.document.end) == (expected.new_start, expected.new_end)
    assert renewal.old_end == lic.end
    assert renewal.days_forfeited == expected.days_forfeited == 49
    assert verifies(listed_keys(client), renewal.license)


def test_enova_on_time_update_follows_on_from_the_old_end(
    running: RunningAuthority, client: HttpAuthority, clock: MovableClock
) -> None:
    clock.day = dt.date(2026, 1, 1)
    lic = client.activate(issue(running, EN, "license"), DEV_A, STORE).document
    assert lic.end == dt.date(2026, 12, 31)
    clock.day = TODAY
    renewal = client.activate(issue(running, EN, "renewal"), DEV_A, STORE)  # found by device
    assert renewal.renewal_kind == "on-time" and renewal.days_forfeited == 0
    assert renewal.document.serial == lic.serial
    assert (renewal.document.start, renewal.document.end) == (
        dt.date(2027, 1, 1),
        dt.date(2027, 12, 31),
    )


def test_enova_open_update_runs_from_the_purchase_day(
    running: RunningAuthority, client: HttpAuthority, clock: MovableClock
) -> None:
    clock.day = dt.date(2025, 10, 1)
    lic = client.activate(issue(running, EN, "license"), DEV_A, STORE).document
    clock.day = TODAY  # the warranty ended on 2026-09-30
    renewal = client.activate(issue(running, EN, "renewal"), DEV_A, STORE, serial=lic.serial)
    expected = renewal_period("enova365", lic.end, TODAY, 12)
    assert renewal.renewal_kind == expected.kind.value == "open"
    assert (renewal.document.start, renewal.document.end) == (TODAY, dt.date(2027, 11, 21))


def test_the_authority_record_beats_the_customer_claim(
    running: RunningAuthority, client: HttpAuthority, clock: MovableClock
) -> None:
    clock.day = dt.date(2026, 1, 1)
    lic = client.activate(issue(running, EN, "license"), DEV_A, STORE).document
    clock.day = TODAY
    renewal = client.activate(
        issue(running, EN, "renewal"),
        DEV_A,
        STORE,
        serial=lic.serial,
        product=EN,
        current_end=dt.date(2027, 6, 30),  # claims more than the authority signed
    )
    assert renewal.old_end == lic.end == dt.date(2026, 12, 31)
    assert renewal.document.end == dt.date(2027, 12, 31)


def test_a_license_the_authority_never_signed_renews_on_a_bounded_claim(
    running: RunningAuthority, client: HttpAuthority
) -> None:
    claimed = dt.date(2027, 3, 31)  # an enova license imported by hand
    renewal = client.activate(
        issue(running, EN, "renewal"), DEV_B, STORE, product=EN, current_end=claimed
    )
    assert renewal.kind == "renewal" and renewal.old_end == claimed
    assert renewal.document.start == dt.date(2027, 4, 1)
    assert renewal.document.serial.startswith("LD-")
    with pytest.raises(DomainError) as err:
        client.activate(
            issue(running, EN, "renewal"),
            DEV_C,
            STORE,
            product=EN,
            current_end=dt.date(2028, 1, 1),  # later than today + 13 months
        )
    assert err.value.code == "renewal_claim_implausible"
    assert err.value.params == {"end": "2028-01-01", "latest": "2027-12-22"}
    with pytest.raises(DomainError) as err:  # a claim needs the end it counts from
        client.activate(issue(running, EN, "renewal"), DEV_C, STORE, product=EN)
    assert err.value.code == "renewal_without_license"


def test_renewal_refusals(running: RunningAuthority, client: HttpAuthority) -> None:
    with pytest.raises(DomainError) as err:
        client.activate(issue(running, MS, "renewal"), DEV_A, STORE)
    assert err.value.code == "renewal_without_license"
    client.activate(issue(running, "MS-KIROVKA", "license"), DEV_A, STORE)
    with pytest.raises(DomainError) as err:
        client.activate(issue(running, MS, "renewal"), DEV_A, STORE)
    assert err.value.code == "code_other_product"
    assert err.value.params == {"sku": MS, "held": "MS-KIROVKA"}
    with pytest.raises(DomainError) as err:
        client.activate(issue(running, MS, "renewal"), DEV_A, STORE, serial="LD-NOSUCHSERIAL000")
    assert err.value.code == "serial_unknown"
    code = issue(running, MS, "renewal")
    with pytest.raises(DomainError):
        client.activate(code, DEV_A, STORE)
    # A refused code keeps its use: it still works once the device holds a license.
    client.activate(issue(running, MS, "license"), DEV_A, STORE)
    assert client.activate(code, DEV_A, STORE).kind == "renewal"


# --- transfer ---------------------------------------------------------------------------


def test_transfer_then_the_same_code_rebinds_the_license_with_its_period(
    running: RunningAuthority, client: HttpAuthority, clock: MovableClock
) -> None:
    code = issue(running, MS, "license")
    lic = client.activate(code, DEV_A, STORE).document
    clock.day = TODAY + dt.timedelta(days=40)
    moved = client.transfer(lic.serial, DEV_A, STORE)
    assert (moved.serial, moved.from_device, moved.end) == (lic.serial, DEV_A, lic.end)
    assert moved.code_hash == code_hash(code)
    assert client.transfer(lic.serial, DEV_A, STORE) == moved  # the same answer again
    rebound = client.activate(code, DEV_B, STORE)
    assert rebound.kind == "transfer"
    doc = rebound.document
    assert (doc.serial, doc.device, doc.start, doc.end) == (lic.serial, DEV_B, lic.start, lic.end)
    assert verifies(listed_keys(client), rebound.license)
    assert client.activate(code, DEV_B, STORE).kind == "already-active"
    with pytest.raises(DomainError) as err:  # the old device lost it
        client.activate(code, DEV_A, STORE)
    assert err.value.code == "code_used"
    with pytest.raises(DomainError) as err:
        client.transfer(lic.serial, DEV_A, STORE)
    assert err.value.code == "serial_other_device"


def test_transfer_only_while_the_period_runs(
    running: RunningAuthority, client: HttpAuthority, clock: MovableClock
) -> None:
    code = issue(running, MS, "license")
    lic = client.activate(code, DEV_A, STORE).document
    clock.day = lic.end  # the last covered day still counts
    client.transfer(lic.serial, DEV_A, STORE)
    client.activate(code, DEV_B, STORE)
    clock.day = lic.end + dt.timedelta(days=1)
    with pytest.raises(DomainError) as err:
        client.transfer(lic.serial, DEV_B, STORE)
    assert err.value.code == "transfer_not_active"
    assert err.value.params == {"license_id": lic.serial, "end": lic.end.isoformat()}
    with pytest.raises(DomainError) as err:
        client.transfer(lic.serial, DEV_B, "another-store")
    assert err.value.code == "serial_unknown"


# --- the offline path -------------------------------------------------------------------


def test_license_file_is_a_signed_document_for_an_offline_pc(
    running: RunningAuthority, client: HttpAuthority
) -> None:
    code = issue(running, "MS-WH15-BASE", "license")
    signed = client.license_file(code, "PC01-0000000000042-0000000000042", STORE)
    data = signed.to_file()
    assert data["format"] == "licdesk-license-file" and data["version"] == 2
    assert set(data) == {"format", "version", "document", "key_id", "signature"}
    assert SignedLicense.from_file(data) == signed
    assert verifies(listed_keys(client), signed)
    assert client.license_file(code, "PC01-0000000000042-0000000000042", STORE) == signed
    with pytest.raises(DomainError) as err:
        client.license_file(code, DEV_A, STORE)
    assert err.value.code == "code_used"
    with pytest.raises(DomainError) as err:
        SignedLicense.from_file({**data, "extra": 1})
    assert err.value.code == "license_file_format"


# --- keys -------------------------------------------------------------------------------


def test_key_rotation_old_signatures_still_verify_new_ones_use_the_new_key(
    running: RunningAuthority, client: HttpAuthority
) -> None:
    code = issue(running, MS, "license")
    old = client.activate(code, DEV_A, STORE)
    old_kid = client.status().current_key_id
    assert old.license.key_id == old_kid
    new_kid = running.service.rotate_key()
    status = client.status()
    assert status.current_key_id == new_kid != old_kid
    assert {k.key_id for k in status.keys} == {old_kid, new_kid}
    keys = listed_keys(client)
    assert verifies(keys, old.license)
    new = client.activate(issue(running, MS, "license"), DEV_B, STORE)
    assert new.license.key_id == new.document.key == new_kid
    assert verifies(keys, new.license)
    assert client.activate(code, DEV_A, STORE).license == old.license  # stored, not re-signed
    renewed = client.activate(issue(running, MS, "renewal"), DEV_A, STORE)
    assert renewed.license.key_id == new_kid and verifies(keys, renewed.license)


def test_status_names_the_authority_and_its_day(
    client: HttpAuthority, running: RunningAuthority
) -> None:
    status = client.status()
    assert status.name == "demo authority" and status.fulfil_allowed
    assert status.today == TODAY and status.time.date() == TODAY
    assert [k.key_id for k in status.keys] == list(running.key_ids)
