"""The base manager's rules: a base's state, the demo-mode guard, device notices and
client/server compatibility (DOMAIN.md §1, seed 000)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.catalog import parse_version
from desktop.domain.demo import DemoReason, demo_verdict
from desktop.domain.status import Verdict, days_left
from desktop.domain.terms import DEVICE_NOTICE_MIN_PLATFORM, GUARD_TRUSTS_UNVERIFIED


class BaseState(StrEnum):
    WORKING = "working"
    ENDING = "ending"  # a subscription of the base ends within the threshold
    DEMO = "demo"
    NO_LICENSES = "no-licenses"


@dataclass(frozen=True)
class BaseLicense:
    license_id: int
    device_id: int | None
    subscription_end: dt.date | None
    #: The signature's verdict. An invalid license covers nothing (its end cannot be
    #: believed); an unverified one is judged by its dates but never confirms a release
    #: as safe (terms.GUARD_TRUSTS_UNVERIFIED).
    verdict: Verdict = Verdict.VERIFIED


@dataclass(frozen=True)
class Release:
    version: str
    released_on: dt.date


@dataclass(frozen=True)
class BaseFacts:
    base_id: int
    name: str
    product_sku: str
    installed_version: str | None
    internet_exchange: bool
    licenses: tuple[BaseLicense, ...]
    releases: tuple[Release, ...]  # the product's release catalogue

    def release(self, version: str | None) -> Release | None:
        return next((r for r in self.releases if r.version == version), None)


@dataclass(frozen=True)
class LicenseDemo:
    """A license of the base that runs in demo mode, and why."""

    license_id: int
    reason: DemoReason


@dataclass(frozen=True)
class InstallVerdict:
    """What running ``release`` on the base means for its licenses as of a day.

    ``release`` None stands for a version missing from the catalogue (its date is
    unknown, so only the rules that hold whatever the version apply).
    """

    release: Release | None
    demo: tuple[LicenseDemo, ...]
    #: Licenses whose dates say "covered" but whose signature does not confirm it.
    unconfirmed: tuple[int, ...] = ()

    @property
    def safe(self) -> bool:
        """No license of the base would run in demo mode with this release (by dates)."""
        return not self.demo

    @property
    def confirmed(self) -> bool:
        """Safe, and every license that makes it safe is verified."""
        return not self.demo and not self.unconfirmed

    @property
    def demo_license_ids(self) -> tuple[int, ...]:
        return tuple(d.license_id for d in self.demo)

    @property
    def reason(self) -> DemoReason | None:
        """The reason to show first: the Store 15 rule, which no version avoids, wins."""
        reasons = {d.reason for d in self.demo}
        if DemoReason.STORE15_INTERNET_EXPIRED in reasons:
            return DemoReason.STORE15_INTERNET_EXPIRED
        return DemoReason.RELEASE_AFTER_END if reasons else None


def bound_licenses(facts: BaseFacts) -> list[BaseLicense]:
    return [lic for lic in facts.licenses if lic.device_id is not None]


def install_verdict(facts: BaseFacts, release: Release | None, today: dt.date) -> InstallVerdict:
    """The one rule behind the base's state, the guard and the install confirmation."""
    released_on = release.released_on if release is not None else None
    demo = []
    unconfirmed = []
    for lic in bound_licenses(facts):
        verdict = demo_verdict(
            product_sku=facts.product_sku,
            installed_release_date=released_on,
            # an invalid signature: nothing it says is believed, not even its end
            subscription_end=None if lic.verdict is Verdict.INVALID else lic.subscription_end,
            internet_exchange=facts.internet_exchange,
            today=today,
        )
        if verdict.demo and verdict.reason is not None:
            demo.append(LicenseDemo(lic.license_id, verdict.reason))
        elif lic.verdict is not Verdict.VERIFIED and not GUARD_TRUSTS_UNVERIFIED:
            unconfirmed.append(lic.license_id)
    return InstallVerdict(release, tuple(demo), tuple(unconfirmed))


@dataclass(frozen=True)
class BaseStatus:
    state: BaseState
    reason: DemoReason | None
    demo_license_ids: tuple[int, ...]
    ending_days: int | None  # days until the first subscription of the base ends
    first_end: dt.date | None
    demo: tuple[LicenseDemo, ...] = ()  # each license in demo with its own reason


def base_status(facts: BaseFacts, today: dt.date, threshold_days: int) -> BaseStatus:
    bound = bound_licenses(facts)
    if not bound:
        return BaseStatus(BaseState.NO_LICENSES, None, (), None, None)
    verdict = install_verdict(facts, facts.release(facts.installed_version), today)
    ends = [lic.subscription_end for lic in bound if lic.subscription_end is not None]
    first_end = min((e for e in ends if e >= today), default=None)
    if not verdict.safe:
        return BaseStatus(
            BaseState.DEMO,
            verdict.reason,
            verdict.demo_license_ids,
            None,
            first_end,
            verdict.demo,
        )
    if first_end is not None and days_left(first_end, today) <= threshold_days:
        return BaseStatus(BaseState.ENDING, None, (), days_left(first_end, today), first_end)
    return BaseStatus(BaseState.WORKING, None, (), None, first_end)


@dataclass(frozen=True)
class NewerRelease:
    release: Release
    demo_license_ids: tuple[int, ...]  # licenses this release would put into demo
    demo: tuple[LicenseDemo, ...] = ()  # the same licenses, each with its reason


@dataclass(frozen=True)
class Guard:
    newest: Release | None
    #: The newest release that leaves every license of the base working; None when no
    #: release does (see ``no_safe_release``) or the catalogue is empty.
    newest_allowed: Release | None
    newer: tuple[NewerRelease, ...]  # releases newer than the installed one
    #: Why no release is safe whatever its version: STORE15_INTERNET_EXPIRED (Магазин 15
    #: with Internet exchange and an ended subscription), else None.
    no_safe_release: DemoReason | None = None
    #: The licenses that are in demo whatever the version (renewing them is the way out).
    stuck_license_ids: tuple[int, ...] = ()
    #: The verdict on the installed version now (the base's state agrees with it).
    installed: InstallVerdict | None = None
    #: Licenses the guard cannot vouch for: covered by their dates, not by a signature.
    unconfirmed_license_ids: tuple[int, ...] = ()


def _key(r: Release) -> tuple[tuple[int, ...], dt.date]:
    return (parse_version(r.version), r.released_on)


def guard(facts: BaseFacts, today: dt.date | None = None) -> Guard:
    """The newest release; the newest one that leaves no license of the base in demo;
    and for each release newer than the installed one, which licenses it would put
    into demo and why. Built on :func:`install_verdict`, like :func:`base_status`, so
    the guard never calls a release safe that the base's state would call demo.

    ``today`` is required for the Store 15 rule (a subscription that has ended); the
    default None is only for old callers and evaluates the release dates alone.
    """
    releases = sorted(facts.releases, key=_key)
    if today is None:  # release dates alone: no subscription counts as ended
        today = dt.date.min
    verdicts = [install_verdict(facts, r, today) for r in releases]
    # "Safe" needs every covering license verified: an unverified one never confirms it.
    allowed = [v.release for v in verdicts if v.confirmed]
    installed = facts.release(facts.installed_version)
    newer = [
        NewerRelease(v.release, v.demo_license_ids, v.demo)
        for v in verdicts
        if v.release is not None and (installed is None or _key(v.release) > _key(installed))
    ]
    whatever = install_verdict(facts, None, today)  # the rules no version avoids
    return Guard(
        newest=releases[-1] if releases else None,
        newest_allowed=allowed[-1] if allowed else None,
        newer=tuple(newer),
        no_safe_release=whatever.reason,
        stuck_license_ids=whatever.demo_license_ids,
        installed=install_verdict(facts, installed, today),
        unconfirmed_license_ids=tuple(
            sorted({i for v in verdicts for i in v.unconfirmed} | set(whatever.unconfirmed))
        ),
    )


def merge_releases(
    stored: Iterable[Release], incoming: Iterable[Release]
) -> tuple[list[Release], list[tuple[str, dt.date, dt.date]]]:
    """A feed against the catalogue: (releases to add, conflicts as (version, stored
    date, feed date)). A version already stored with the same date is not new; one
    stored with another date is a conflict, and then nothing should be added."""
    known = {r.version: r.released_on for r in stored}
    new: list[Release] = []
    conflicts: list[tuple[str, dt.date, dt.date]] = []
    for r in incoming:
        if r.version not in known:
            new.append(r)
            known[r.version] = r.released_on
        elif known[r.version] != r.released_on:
            conflicts.append((r.version, known[r.version], r.released_on))
    return ([] if conflicts else new), conflicts


def out_of_order(releases: Iterable[Release]) -> list[tuple[Release, Release]]:
    """Pairs (older version, newer version) whose dates run the other way: a catalogue
    where a higher version came out earlier than a lower one."""
    ordered = sorted(releases, key=_key)
    return [
        (a, b)
        for i, a in enumerate(ordered)
        for b in ordered[i + 1 :]
        if parse_version(a.version) < parse_version(b.version) and a.released_on > b.released_on
    ]


def shows_own_notice(platform_version: str | None) -> bool:
    """Mobile devices warn by themselves only on platform 3.2 or newer."""
    if not platform_version:
        return False
    return parse_version(platform_version)[:2] >= DEVICE_NOTICE_MIN_PLATFORM


class Compatibility(StrEnum):
    OK = "ok"
    CLIENT_NEWER = "client-newer"  # works, with a logged warning
    CLIENT_OLDER = "client-older"  # refuses to work
    UNKNOWN = "unknown"


def compatibility(client_version: str | None, server_version: str | None) -> Compatibility:
    """Compatible when the first two numbers match; an older client refuses to work."""
    if not client_version or not server_version:
        return Compatibility.UNKNOWN
    client = parse_version(client_version)[:2]
    server = parse_version(server_version)[:2]
    if client == server:
        return Compatibility.OK
    return Compatibility.CLIENT_NEWER if client > server else Compatibility.CLIENT_OLDER
