"""activation: a refusal is recorded in its own transaction; only wrong codes count
towards the wait; what the authority signed is checked and stored in one transaction;
transfers; the demo signed by its authority. Through the in-memory store and the real
authority logic in-process."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.domain.errors import DomainError
from desktop.domain.status import LicenseStatus, Verdict
from desktop.services import activation, licenses, setup
from desktop.services.ports import SortKey
from desktop.services.trust import TrustedKeys
from tests.conftest import TODAY
from tests.support.fakes import FakeAuthority, FakeDatabase, fake_verifier

NEW_DEVICE = "CP30-1234567890123-1234567890123"
OTHER_DEVICE = "CP30-2222222222222-2222222222222"
UNKNOWN_CODE = "AAAAA-AAAA-AAAAA-AAAAA-AAAAA"  # well formed, never issued
NEW_END = dt.date(2027, 11, 21)


@pytest.fixture
def authority() -> FakeAuthority:
    return FakeAuthority(TODAY)


def activate(db: FakeDatabase, authority: FakeAuthority, device: str, code: str, **kw: object):  # noqa: ANN003, ANN201
    return activation.activate(db, authority, authority.keys, device, code, **kw)  # type: ignore[arg-type]


def refusals(db: FakeDatabase) -> list[dict[str, object]]:
    return [json.loads(e.details) for e in db.state.events.values() if e.kind == "refused"]


def device_of(db: FakeDatabase, license_id: int) -> str:
    row = licenses.get(db, license_id, TODAY)
    assert row is not None and row.device_code is not None
    return row.device_code


def test_a_new_license_is_activated_signed_and_recorded(
    demo: FakeDatabase, authority: FakeAuthority
) -> None:
    code = authority.issue("MS-KIROVKA", "license")[0]
    result = activate(demo, authority, NEW_DEVICE.lower(), code.lower())
    assert (result.kind, result.device_code, result.new_end) == ("license", NEW_DEVICE, NEW_END)
    assert demo.writes_opened == 1  # nothing is written until the authority answered
    row = licenses.get(demo, result.license_id, TODAY, fake_verifier(demo, authority))
    assert row is not None and row.status is LicenseStatus.ACTIVE
    assert row.verdict is Verdict.VERIFIED
    assert [e.kind for e in licenses.history(demo, result.license_id)] == ["activated"]
    again = activate(demo, authority, NEW_DEVICE, code)
    assert again.kind == "already-active" and again.license_id == result.license_id
    assert (NEW_DEVICE, "CP30") in activation.device_choices(demo)  # a new device, named


def test_a_wrong_code_is_refused_and_recorded_in_its_own_transaction(
    demo: FakeDatabase, authority: FakeAuthority
) -> None:
    with pytest.raises(DomainError) as err:
        activate(demo, authority, NEW_DEVICE, UNKNOWN_CODE)
    assert err.value.code == "code_unknown"
    assert demo.committed == 1 and len(demo.state.attempts) == 1
    assert refusals(demo) == [{"reason": "code_unknown", "device_code": NEW_DEVICE}]
    assert NEW_DEVICE not in dict(activation.device_choices(demo))  # no device was added


@pytest.mark.parametrize(
    ("code_text", "reason"),
    [
        ("AAAAA-AAAA-AAAAA-AAAAA", "code_length"),
        ("#####-####", "code_bad_letters"),
        ("AAAAA-AAAA-AAAAA-AAAAA-AAAAB", "code_typo"),
        (NEW_DEVICE, "code_bad_letters"),  # a device code in the code field
    ],
)
def test_what_counts_towards_the_wait(
    demo: FakeDatabase, authority: FakeAuthority, code_text: str, reason: str
) -> None:
    with pytest.raises(DomainError) as err:
        activate(demo, authority, NEW_DEVICE, code_text)
    assert err.value.code == reason
    assert len(demo.state.attempts) == (1 if reason in activation.WRONG_CODE_REFUSALS else 0)
    assert [r["reason"] for r in refusals(demo)] == [reason]
    assert authority.calls == []  # a malformed code never leaves the PC


def test_refusals_of_a_good_code_are_recorded_but_do_not_count(
    demo: FakeDatabase, authority: FakeAuthority
) -> None:
    renewal = authority.issue("MS-EGAIS-CHM", "renewal")[0]
    cases = [
        ("bad device", renewal, "device_code_malformed"),
        (NEW_DEVICE, renewal, "renewal_without_license"),
        (device_of(demo, 2), renewal, "code_other_product"),  # a Магазин 15 terminal
    ]
    for device, code, reason in cases:
        with pytest.raises(DomainError) as err:
            activate(demo, authority, device, code)
        assert err.value.code == reason
    activate(demo, authority, device_of(demo, 9), renewal)
    with pytest.raises(DomainError) as err:
        activate(demo, authority, device_of(demo, 10), renewal)
    assert err.value.code == "code_used" and err.value.params["device"] == device_of(demo, 9)
    assert demo.state.attempts == []
    assert [r["reason"] for r in refusals(demo)] == [
        "device_code_malformed",
        "renewal_without_license",
        "code_other_product",
        "code_used",
    ]


def test_five_wrong_codes_make_the_user_wait(demo: FakeDatabase, authority: FakeAuthority) -> None:
    good = authority.issue("MS-EGAIS-CHM", "renewal")[0]
    device = device_of(demo, 9)
    for _ in range(activation.WRONG_CODES_FREE):
        with pytest.raises(DomainError):
            activate(demo, authority, device, UNKNOWN_CODE)
    committed, recorded = demo.committed, len(refusals(demo))
    asked = len(authority.calls)
    with pytest.raises(DomainError) as err:
        activate(demo, authority, device, good)
    assert err.value.code == "code_wait" and 0 < err.value.params["seconds"] <= 31
    assert (demo.committed, len(refusals(demo))) == (committed, recorded)  # not an attempt
    assert len(authority.calls) == asked  # and the authority was not asked
    later = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(seconds=31)
    assert activation.wait_before_next_try(demo, later) == 0
    result = activate(demo, authority, device, good, now=later)
    assert result.kind == "renewal" and demo.state.attempts == []  # a success forgives


def test_a_renewal_of_an_unsigned_license_claims_its_end(
    demo: FakeDatabase, authority: FakeAuthority
) -> None:
    """The demo here was never signed: the renewal states the license's end, and the
    license comes back signed with a serial."""
    code = authority.issue("MS-EGAIS-CHM", "renewal")[0]
    result = activate(demo, authority, device_of(demo, 9), code)
    assert (result.license_id, result.old_end, result.new_end) == (
        9,
        dt.date(2026, 11, 25),
        NEW_END,
    )
    assert result.days_forfeited == 4
    lic = demo.state.licenses[9]
    assert lic.serial and lic.signature and lic.period_start == TODAY
    events = licenses.history(demo, 9)
    assert events[-1].kind == "renewed" and events[-1].details["new_end"] == "2027-11-21"


def test_an_answer_signed_by_an_untrusted_key_is_refused_before_anything_is_sent(
    demo: FakeDatabase, authority: FakeAuthority
) -> None:
    code = authority.issue("MS-KIROVKA", "license")[0]
    with pytest.raises(DomainError) as err:
        activation.activate(demo, authority, TrustedKeys(), NEW_DEVICE, code)
    assert err.value.code == "authority_untrusted"
    assert "activate" not in authority.calls  # the code is not spent
    assert activate(demo, authority, NEW_DEVICE, code).kind == "license"


def test_a_what_if_view_sends_nothing(demo: FakeDatabase, authority: FakeAuthority) -> None:
    demo.read_only = DomainError("what_if", day="2030-01-01")
    code = authority.issue("MS-KIROVKA", "license")[0]
    with pytest.raises(DomainError) as err:
        activate(demo, authority, NEW_DEVICE, code)
    assert err.value.code == "what_if" and authority.calls == [] and demo.committed == 0


def test_transfer_frees_a_running_license_and_its_code_moves_it(
    demo: FakeDatabase, authority: FakeAuthority
) -> None:
    code = authority.issue("MS-KIROVKA", "license")[0]
    lid = activate(demo, authority, NEW_DEVICE, code).license_id
    assert activation.transfer(demo, authority, lid, TODAY) == NEW_DEVICE
    row = licenses.get(demo, lid, TODAY)
    assert row is not None and row.status is LicenseStatus.FREE
    moved = activate(demo, authority, OTHER_DEVICE, code)
    assert (moved.kind, moved.license_id, moved.new_end) == ("transfer", lid, NEW_END)
    assert device_of(demo, lid) == OTHER_DEVICE
    for license_id, reason in [
        (lid + 1, "license_not_found"),
        (18, "transfer_free"),
        (7, "transfer_not_active"),
    ]:
        with pytest.raises(DomainError) as err:
            activation.transfer(demo, authority, license_id, TODAY)
        assert err.value.code == reason


def test_the_demo_is_signed_by_its_authority(db: FakeDatabase) -> None:
    authority = FakeAuthority(TODAY)
    made = setup.ensure_demo(db, authority, authority.keys, TODAY)
    assert made.summary is not None and made.summary.licenses == 20
    assert made.signing_error is None
    assert db.committed == 2  # the data, then the signatures
    verifier = fake_verifier(db, authority)
    query = licenses.make_query(db, TODAY, sort=SortKey.ID)
    rows = licenses.list_licenses(db, query, verifier)
    assert all(r.verdict is Verdict.VERIFIED for r in rows if r.device_code)
    db.state.licenses[7].subscription_end = dt.date(2030, 1, 1)  # a hand edit of an end
    assert licenses.get(db, 7, TODAY, verifier).status is LicenseStatus.INVALID  # type: ignore[union-attr]
    assert setup.ensure_demo(db, authority, authority.keys, TODAY) == setup.DemoStore(None, None)


def test_a_demo_without_an_authority_opens_not_verified(db: FakeDatabase) -> None:
    made = setup.ensure_demo(db, None, TrustedKeys(), TODAY)
    assert made.signing_error is None and made.summary is not None
    assert db.committed == 1 and not licenses.is_empty(db)
    assert all(lic.signature is None for lic in db.state.licenses.values())
