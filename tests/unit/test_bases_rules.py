"""The base manager's rules and the update feed at their edges."""

from __future__ import annotations

import contextlib
import datetime as dt
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.bases import (
    BaseFacts,
    BaseLicense,
    BaseState,
    Compatibility,
    Release,
    base_status,
    compatibility,
    guard,
    install_verdict,
    merge_releases,
    out_of_order,
    shows_own_notice,
)
from desktop.domain.demo import DemoReason
from desktop.domain.errors import DomainError
from desktop.services.feed import read_feed

D = dt.date
TODAY = D(2026, 11, 22)
FEED = Path(__file__).resolve().parents[1] / "data" / "feed"
RELEASES = (
    Release("15.1", D(2026, 2, 25)),
    Release("15.2", D(2026, 8, 24)),
    Release("15.3", D(2026, 11, 2)),
    Release("15.10", D(2026, 11, 20)),
)


def facts(
    ends: list[dt.date | None],
    installed: str = "15.1",
    sku: str = "MS-WH15-BASE",
    internet: bool = False,
) -> BaseFacts:
    return BaseFacts(
        1,
        "B",
        sku,
        installed,
        internet,
        tuple(BaseLicense(i + 1, 100 + i, e) for i, e in enumerate(ends)),
        RELEASES,
    )


def test_release_on_the_end_date_is_allowed_the_day_after_is_not() -> None:
    g = guard(facts([D(2026, 8, 24)]))
    assert g.newest_allowed == Release("15.2", D(2026, 8, 24))
    g = guard(facts([D(2026, 8, 23)]))
    assert g.newest_allowed == Release("15.1", D(2026, 2, 25))
    assert [n.demo_license_ids for n in g.newer] == [(1,), (1,), (1,)]


def test_licenses_ending_on_different_days() -> None:
    g = guard(facts([D(2027, 1, 1), D(2026, 11, 5), D(2026, 9, 1)]))
    assert g.newest.version == "15.10"  # version order, not text order
    assert g.newest_allowed.version == "15.2"
    by_version = {n.release.version: n.demo_license_ids for n in g.newer}
    assert by_version == {"15.2": (), "15.3": (3,), "15.10": (2, 3)}


def test_state_working_ending_demo() -> None:
    assert base_status(facts([D(2027, 6, 1)]), TODAY, 30).state is BaseState.WORKING
    ending = base_status(facts([D(2026, 12, 12)]), TODAY, 30)
    assert ending.state is BaseState.ENDING and ending.ending_days == 20
    demo = base_status(facts([D(2026, 7, 25), D(2027, 1, 1)], installed="15.2"), TODAY, 30)
    assert demo.state is BaseState.DEMO and demo.reason is DemoReason.RELEASE_AFTER_END
    assert demo.demo_license_ids == (1,)


def test_store15_with_and_without_internet_exchange() -> None:
    ended = [D(2026, 11, 1)]
    with_net = base_status(facts(ended, sku="MS-STORE15-BASE", internet=True), TODAY, 30)
    assert with_net.state is BaseState.DEMO
    assert with_net.reason is DemoReason.STORE15_INTERNET_EXPIRED
    no_net = base_status(facts(ended, sku="MS-STORE15-BASE", internet=False), TODAY, 30)
    assert no_net.state is BaseState.WORKING  # old version installed, nothing newer


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("3.2", True),
        ("3.2.1", True),
        ("3.10", True),
        ("4.0", True),
        ("3.1.310", False),
        ("2.9", False),
        (None, False),
    ],
)
def test_device_notice_platform(platform: str | None, expected: bool) -> None:
    assert shows_own_notice(platform) is expected


@pytest.mark.parametrize(
    ("client", "server", "expected"),
    [
        ("3.3.120", "3.3.1", Compatibility.OK),
        ("3.4.0", "3.3.9", Compatibility.CLIENT_NEWER),
        ("4.0", "3.9", Compatibility.CLIENT_NEWER),
        ("3.2.44", "3.3.1", Compatibility.CLIENT_OLDER),
        ("2.9", "3.0", Compatibility.CLIENT_OLDER),
        (None, "3.3", Compatibility.UNKNOWN),
    ],
)
def test_client_server_compatibility(client, server, expected) -> None:  # noqa: ANN001
    assert compatibility(client, server) is expected


def test_sample_feed_from_folder_and_zip(tmp_path: Path) -> None:
    feed = read_feed(FEED)
    assert feed.product_sku == "MS-STORE15-BASE"
    assert [(r.version, r.released_on) for r in feed.releases] == [
        ("15.3", D(2026, 11, 2)),
        ("15.4", D(2026, 12, 15)),
    ]
    zpath = tmp_path / "feed.zip"
    with zipfile.ZipFile(zpath, "w") as z:
        for f in FEED.rglob("*.xml"):
            z.write(f, "feed/" + str(f.relative_to(FEED)))
    assert read_feed(zpath).releases == feed.releases


def write_feed(root: Path, updates: dict[str, str], folders: list[str] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    folders = folders if folders is not None else list(updates)
    (root / "versions.xml").write_text(
        '<versions product="MS-WH15-BASE">'
        + "".join(f'<version folder="{f}"/>' for f in folders)
        + "</versions>",
        encoding="utf-8",
    )
    for folder, body in updates.items():
        (root / folder).mkdir(exist_ok=True)
        (root / folder / "update.xml").write_text(body, encoding="utf-8")
    return root


def upd(version: str = "16.0", date: str = "2026-12-01", file: str = "x.zip") -> str:
    return (
        f"<update><version>{version}</version><date>{date}</date>"
        f"<description>d</description><file>{file}</file></update>"
    )


def test_bad_feeds_are_reported_item_by_item(tmp_path: Path) -> None:
    root = write_feed(
        tmp_path / "bad",
        {
            "a": upd(date="2026-13-01"),
            "b": upd(version="16.1", file=""),
            "c": upd(version="16.1"),
            "d": "<update><version>",
        },
        folders=["a", "b", "c", "d", "missing", "../etc"],
    )
    with pytest.raises(DomainError) as err:
        read_feed(root)
    problems = {(p.where, p.field, p.code) for p in err.value.params["problems"]}
    assert ("a/update.xml", "date", "bad_date") in problems
    assert ("b/update.xml", "file", "missing") in problems
    assert ("c/update.xml", "version", "duplicate") in problems
    assert ("d/update.xml", "-", "bad_xml") in problems
    assert ("missing/update.xml", "-", "missing") in problems
    assert any(p[1] == "folder" for p in problems)


def test_entities_are_refused(tmp_path: Path) -> None:
    root = write_feed(tmp_path / "x", {"a": '<!DOCTYPE u [<!ENTITY e "x">]>' + upd()})
    with pytest.raises(DomainError) as err:
        read_feed(root)
    assert err.value.params["problems"][0].code == "bad_xml"


@given(st.binary(max_size=300))
def test_feed_parser_never_crashes(tmp_path_factory, data: bytes) -> None:  # noqa: ANN001
    root = tmp_path_factory.mktemp("f")
    (root / "versions.xml").write_bytes(data)
    with contextlib.suppress(DomainError):
        read_feed(root, "SKU")


class TestStore15WithInternetExchange:
    """Item 2: no release keeps such a base out of demo once a subscription has ended."""

    ended = [D(2026, 11, 1), D(2027, 6, 1)]

    def test_no_release_is_safe_and_the_guard_says_why(self) -> None:
        f = facts(self.ended, installed="15.1", sku="MS-STORE15-BASE", internet=True)
        g = guard(f, TODAY)
        assert g.newest_allowed is None  # not 15.1 or 15.2, though released before the end
        assert g.no_safe_release is DemoReason.STORE15_INTERNET_EXPIRED
        assert g.stuck_license_ids == (1,)
        assert all(1 in n.demo_license_ids for n in g.newer)
        status = base_status(f, TODAY, 30)
        assert status.state is BaseState.DEMO and status.demo_license_ids == (1,)
        assert g.installed is not None and g.installed.reason is status.reason

    def test_each_license_keeps_its_own_reason(self) -> None:
        f = BaseFacts(
            1,
            "B",
            "MS-STORE15-BASE",
            "15.4",
            True,
            (BaseLicense(1, 101, D(2026, 11, 1)), BaseLicense(2, 102, D(2026, 12, 1))),
            (*RELEASES, Release("15.4", D(2026, 12, 15))),
        )
        status = base_status(f, TODAY, 30)
        assert status.state is BaseState.DEMO
        assert status.reason is DemoReason.STORE15_INTERNET_EXPIRED  # shown first
        assert {(d.license_id, d.reason) for d in status.demo} == {
            (1, DemoReason.STORE15_INTERNET_EXPIRED),
            (2, DemoReason.RELEASE_AFTER_END),
        }
        older = install_verdict(f, RELEASES[0], TODAY)
        assert older.demo_license_ids == (1,) and not older.safe

    def test_renewed_the_base_is_free_again(self) -> None:
        f = facts([D(2027, 1, 1)], installed="15.1", sku="MS-STORE15-BASE", internet=True)
        g = guard(f, TODAY)
        assert g.no_safe_release is None and g.newest_allowed == g.newest
        assert base_status(f, TODAY, 30).state is BaseState.WORKING

    def test_without_today_only_release_dates_count(self) -> None:
        # Old callers: guard(facts) still answers by release dates alone.
        f = facts(self.ended, installed="15.1", sku="MS-STORE15-BASE", internet=True)
        assert guard(f).newest_allowed == Release("15.2", D(2026, 8, 24))


def test_feed_merge_finds_new_and_conflicting_versions() -> None:
    stored = [Release("15.2", D(2026, 8, 24)), Release("15.3", D(2026, 11, 2))]
    new, conflicts = merge_releases(
        stored, [Release("15.3", D(2026, 11, 2)), Release("15.4", TODAY)]
    )
    assert (new, conflicts) == ([Release("15.4", TODAY)], [])
    new, conflicts = merge_releases(
        stored, [Release("15.3", D(2026, 11, 5)), Release("15.4", TODAY)]
    )
    assert new == [] and conflicts == [("15.3", D(2026, 11, 2), D(2026, 11, 5))]
    assert out_of_order([Release("15.2", D(2027, 1, 1)), Release("15.3", D(2026, 11, 2))]) == [
        (Release("15.2", D(2027, 1, 1)), Release("15.3", D(2026, 11, 2)))
    ]
