"""The base manager's rules: a base's state, the demo-mode guard, device notices and
client/server compatibility (DOMAIN.md §1, seed 000)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.catalog import parse_version
from desktop.domain.demo import DemoReason, demo_verdict
from desktop.domain.status import days_left
from desktop.domain.terms import DEVICE_NOTICE_MIN_PLATFORM


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
class BaseStatus:
    state: BaseState
    reason: DemoReason | None
    demo_license_ids: tuple[int, ...]
    ending_days: int | None  # days until the first subscription of the base ends
    first_end: dt.date | None


def base_status(facts: BaseFacts, today: dt.date, threshold_days: int) -> BaseStatus:
    bound = [lic for lic in facts.licenses if lic.device_id is not None]
    if not bound:
        return BaseStatus(BaseState.NO_LICENSES, None, (), None, None)
    installed = facts.release(facts.installed_version)
    installed_on = installed.released_on if installed else None
    demo_ids: list[int] = []
    reasons: set[DemoReason] = set()
    for lic in bound:
        verdict = demo_verdict(
            product_sku=facts.product_sku,
            installed_release_date=installed_on,
            subscription_end=lic.subscription_end,
            internet_exchange=facts.internet_exchange,
            today=today,
        )
        if verdict.demo and verdict.reason is not None:
            demo_ids.append(lic.license_id)
            reasons.add(verdict.reason)
    ends = [lic.subscription_end for lic in bound if lic.subscription_end is not None]
    first_end = min((e for e in ends if e >= today), default=None)
    if demo_ids:
        reason = (
            DemoReason.STORE15_INTERNET_EXPIRED
            if DemoReason.STORE15_INTERNET_EXPIRED in reasons
            else DemoReason.RELEASE_AFTER_END
        )
        return BaseStatus(BaseState.DEMO, reason, tuple(demo_ids), None, first_end)
    if first_end is not None and days_left(first_end, today) <= threshold_days:
        return BaseStatus(BaseState.ENDING, None, (), days_left(first_end, today), first_end)
    return BaseStatus(BaseState.WORKING, None, (), None, first_end)


@dataclass(frozen=True)
class NewerRelease:
    release: Release
    demo_license_ids: tuple[int, ...]  # licenses this release would put into demo


@dataclass(frozen=True)
class Guard:
    newest: Release | None
    newest_allowed: Release | None
    newer: tuple[NewerRelease, ...]  # releases newer than the installed one


def _key(r: Release) -> tuple[tuple[int, ...], dt.date]:
    return (parse_version(r.version), r.released_on)


def guard(facts: BaseFacts) -> Guard:
    """The newest release; the newest one no license of the base would fall into demo
    with (release date on or before every license's subscription end); and for each
    release newer than the installed one, which licenses it would put into demo."""
    releases = sorted(facts.releases, key=_key)
    bound = [lic for lic in facts.licenses if lic.device_id is not None]

    def victims(r: Release) -> tuple[int, ...]:
        return tuple(
            lic.license_id
            for lic in bound
            if lic.subscription_end is None or r.released_on > lic.subscription_end
        )

    allowed = [r for r in releases if not victims(r)]
    installed = facts.release(facts.installed_version)
    newer = [r for r in releases if installed is None or _key(r) > _key(installed)]
    return Guard(
        newest=releases[-1] if releases else None,
        newest_allowed=allowed[-1] if allowed else None,
        newer=tuple(NewerRelease(r, victims(r)) for r in newer),
    )


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
