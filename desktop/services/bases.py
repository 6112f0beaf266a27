"""The base manager: bases with their state, the demo-mode guard, installs, releases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.domain import bases as rules
from desktop.domain.demo import DemoReason
from desktop.domain.errors import DomainError
from desktop.domain.money import Money
from desktop.domain.status import Verdict
from desktop.services import renewals
from desktop.services import settings as st
from desktop.services.dataset import Problem
from desktop.services.feed import read_feed
from desktop.services.licenses import Verifier, no_keys
from desktop.services.ports import (
    BaseDevice,
    BaseInfo,
    Database,
    LicenseQuery,
    SortKey,
    UnitOfWork,
)

#: The feed loaded last; the window checks it again every few hours.
FEED_SETTING = st.Setting("release_feed", "")


@dataclass(frozen=True)
class BaseRow:
    info: BaseInfo
    installed_release_date: dt.date | None
    status: rules.BaseStatus
    device_count: int
    license_ids: tuple[int, ...]
    #: Licenses of the base whose signature does not confirm their dates.
    unverified_license_ids: tuple[int, ...] = ()

    def to_json(self) -> dict[str, object]:
        i = self.info
        return {
            "id": i.id,
            "name": i.name,
            "product_sku": i.product_sku,
            "product_name": i.product_name,
            "store": i.store,
            "installed_version": i.installed_version,
            "installed_release_date": (
                self.installed_release_date.isoformat() if self.installed_release_date else None
            ),
            "platform_version": i.platform_version,
            "server_version": i.server_version,
            "internet_exchange": i.internet_exchange,
            "status": self.status.state.value,
            "demo_reason": self.status.reason.value if self.status.reason else None,
            "demo_license_ids": list(self.status.demo_license_ids),
            "ending_in_days": self.status.ending_days,
            "first_end": self.status.first_end.isoformat() if self.status.first_end else None,
            "device_count": self.device_count,
            "license_ids": list(self.license_ids),
            "unverified_license_ids": list(self.unverified_license_ids),
        }


def _facts(uow: UnitOfWork, info: BaseInfo, today: dt.date, verifier: Verifier) -> rules.BaseFacts:
    """The base's facts, each license with its signature's verdict (the guard uses it)."""
    facts = uow.bases.facts(info)
    ids = tuple(lic.license_id for lic in facts.licenses)
    if not ids:
        return facts
    query = LicenseQuery(today=today, threshold_days=0, license_ids=ids, sort=SortKey.ID)
    verdicts = {r.id: verifier(r) for r in uow.licenses.page(query, 0, len(ids))}
    return replace(
        facts,
        licenses=tuple(
            replace(lic, verdict=verdicts.get(lic.license_id, Verdict.UNVERIFIED))
            for lic in facts.licenses
        ),
    )


def list_bases(db: Database, today: dt.date, verifier: Verifier = no_keys) -> list[BaseRow]:
    with db.uow() as uow:
        return _list_bases(uow, today, verifier)


def _list_bases(uow: UnitOfWork, today: dt.date, verifier: Verifier) -> list[BaseRow]:
    threshold = st.read(uow, st.EXPIRING_DAYS)
    out = []
    for info in uow.bases.infos():
        facts = _facts(uow, info, today, verifier)
        installed = facts.release(info.installed_version)
        out.append(
            BaseRow(
                info,
                installed.released_on if installed else None,
                rules.base_status(facts, today, threshold),
                len(uow.bases.devices(info.id)),
                tuple(lic.license_id for lic in facts.licenses),
                tuple(
                    lic.license_id
                    for lic in rules.bound_licenses(facts)
                    if lic.verdict is not Verdict.VERIFIED
                ),
            )
        )
    return out


@dataclass(frozen=True)
class NewerReleaseCost:
    version: str
    released_on: dt.date
    license_ids: tuple[int, ...]
    renewal_totals: dict[str, Money]


@dataclass(frozen=True)
class BaseUpdates:
    base_id: int
    name: str
    installed_version: str | None
    newest: rules.Release | None
    #: The newest release that leaves every license working, confirmed by signatures;
    #: None when none does (see no_safe_release and unconfirmed_license_ids).
    newest_allowed: rules.Release | None
    newer: list[NewerReleaseCost]
    #: Why no release is safe whatever its version (Магазин 15 with Internet exchange
    #: and an ended subscription), else None.
    no_safe_release: DemoReason | None = None
    #: The licenses in demo whatever the version: renewing them is the way out.
    stuck_license_ids: tuple[int, ...] = ()
    #: Licenses whose dates say "covered" but whose signature does not confirm it.
    unconfirmed_license_ids: tuple[int, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "base_id": self.base_id,
            "name": self.name,
            "installed_version": self.installed_version,
            "newest_version": self.newest.version if self.newest else None,
            "newest_allowed_version": (
                self.newest_allowed.version if self.newest_allowed else None
            ),
            "no_safe_release": self.no_safe_release.value if self.no_safe_release else None,
            "stuck_license_ids": list(self.stuck_license_ids),
            "unconfirmed_license_ids": list(self.unconfirmed_license_ids),
            "newer_releases": [
                {
                    "version": n.version,
                    "released_on": n.released_on.isoformat(),
                    "license_ids": list(n.license_ids),
                    "renewal_cost": {c: m.as_str() for c, m in sorted(n.renewal_totals.items())},
                }
                for n in self.newer
            ],
        }


def updates(
    db: Database, today: dt.date, base_id: int | None = None, verifier: Verifier = no_keys
) -> list[BaseUpdates]:
    with db.uow() as uow:
        return _updates(uow, today, base_id, verifier)


@dataclass(frozen=True)
class BasesOverview:
    """Everything the Bases view shows, read in one transaction."""

    rows: list[BaseRow]
    updates: dict[int, BaseUpdates]


def overview(db: Database, today: dt.date, verifier: Verifier = no_keys) -> BasesOverview:
    with db.uow() as uow:
        rows = _list_bases(uow, today, verifier)
        upd = {u.base_id: u for u in _updates(uow, today, None, verifier)}
    return BasesOverview(rows, upd)


def devices(db: Database, base_id: int) -> list[BaseDevice]:
    with db.uow() as uow:
        return uow.bases.devices(base_id)


def release_versions(db: Database, product_sku: str) -> list[str]:
    """The product's known releases, newest first (for "record installed version")."""
    with db.uow() as uow:
        releases = uow.bases.releases(product_sku)
    return [r.version for r in sorted(releases, key=lambda r: r.released_on, reverse=True)]


def base_of_license(db: Database, license_id: int) -> int | None:
    with db.uow() as uow:
        return uow.bases.base_of_license(license_id)


def _renewal_cost(uow: UnitOfWork, ids: tuple[int, ...], today: dt.date) -> dict[str, Money]:
    if not ids:
        return {}
    try:
        return renewals.quote_in(uow, list(ids), today).totals
    except DomainError:
        return {}  # a license that cannot be quoted today: the cost stays unsaid


def _updates(
    uow: UnitOfWork, today: dt.date, base_id: int | None, verifier: Verifier
) -> list[BaseUpdates]:
    infos = uow.bases.infos(None if base_id is None else [base_id])
    if base_id is not None and not infos:
        raise DomainError("base_not_found", base_id=base_id)
    out = []
    for info in infos:
        g = rules.guard(_facts(uow, info, today, verifier), today)
        newer = [
            NewerReleaseCost(
                n.release.version,
                n.release.released_on,
                n.demo_license_ids,
                _renewal_cost(uow, n.demo_license_ids, today),
            )
            for n in g.newer
        ]
        out.append(
            BaseUpdates(
                info.id,
                info.name,
                info.installed_version,
                g.newest,
                g.newest_allowed,
                newer,
                g.no_safe_release,
                g.stuck_license_ids,
                g.unconfirmed_license_ids,
            )
        )
    return out


def record_install(
    db: Database,
    base_id: int,
    version: str,
    today: dt.date,
    *,
    confirmed: bool = False,
    verifier: Verifier = no_keys,
) -> tuple[int, ...]:
    """Record "version X was installed on this base". Returns the licenses now in demo.

    When X would put licenses into demo mode the caller must confirm (DomainError
    ``install_causes_demo`` names the products and devices to show).
    """
    with db.uow(write=True) as uow:
        victims = _record_install(uow, base_id, version, today, confirmed, verifier)
        uow.commit()
    return victims


def _record_install(
    uow: UnitOfWork,
    base_id: int,
    version: str,
    today: dt.date,
    confirmed: bool,
    verifier: Verifier,
) -> tuple[int, ...]:
    infos = uow.bases.infos([base_id])
    if not infos:
        raise DomainError("base_not_found", base_id=base_id)
    info = infos[0]
    facts = _facts(uow, info, today, verifier)
    release = facts.release(version.strip())
    if release is None:
        raise DomainError("unknown_release", version=version, sku=info.product_sku)
    verdict = rules.install_verdict(facts, release, today)  # the one rule
    victims = verdict.demo_license_ids
    if victims and not confirmed:
        query = LicenseQuery(today=today, threshold_days=0, license_ids=victims, sort=SortKey.ID)
        named = [
            f"{r.product_name} ({r.device_name or r.device_code or '-'})"
            for r in uow.licenses.page(query, 0, len(victims))
        ]
        raise DomainError(
            "install_causes_demo",
            version=version,
            count=len(victims),
            license_ids=",".join(map(str, victims)),
            licenses="; ".join(named),
            product=info.product_name,
        )
    previous = info.installed_version
    uow.bases.set_installed(base_id, release.version, today)
    uow.events.append(
        "installed",
        base_id=base_id,
        details={
            "version": release.version,
            "previous": previous,
            "demo_license_ids": list(victims),
        },
    )
    for d in verdict.demo:
        uow.events.append(
            "demo",
            license_id=d.license_id,
            base_id=base_id,
            details={
                "version": release.version,
                "released_on": release.released_on.isoformat(),
                "reason": d.reason.value,
            },
        )
    return victims


@dataclass(frozen=True)
class FeedLoad:
    product_sku: str
    new_versions: tuple[str, ...]  # releases the catalogue did not know before


def load_feed(db: Database, path: Path, product_sku: str | None = None) -> FeedLoad:
    """Load a release feed (folder or .zip): all or nothing; remember it for later checks.

    Returns which releases are new: the ones this load added to the catalogue.
    """
    db.check_writable()
    feed = read_feed(path, product_sku)
    with db.uow(write=True) as uow:
        if uow.bases.product_id(feed.product_sku) is None:
            raise DomainError("unknown_product_sku", sku=feed.product_sku)
        added, conflicts = uow.bases.add_releases(
            feed.product_sku,
            [(r.version, r.released_on, r.description, r.file) for r in feed.releases],
        )
        if conflicts:
            raise DomainError(
                "feed_invalid",
                problems=[
                    Problem(f"{v}/update.xml", "date", "date_conflict", f"{new} (stored {old})")
                    for v, old, new in conflicts
                ],
            )
        st.write(uow, FEED_SETTING, str(path))
        uow.commit()
    return FeedLoad(feed.product_sku, tuple(added))


def configured_feed(db: Database) -> Path | None:
    with db.read() as view:
        path = st.read(view, FEED_SETTING)
    return Path(path) if path else None


def check_feed(db: Database) -> FeedLoad:
    """Load the configured feed again (the window does every few hours and on demand)."""
    path = configured_feed(db)
    if path is None:
        raise DomainError("feed_not_configured")
    return load_feed(db, path)
