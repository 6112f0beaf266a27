"""The base manager: bases with their state, the demo-mode guard, installs, releases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop.domain import bases as rules
from desktop.domain.errors import DomainError
from desktop.domain.money import Money
from desktop.services import renewals
from desktop.services import settings as st
from desktop.services.dataset import Problem
from desktop.services.feed import read_feed
from desktop.services.ports import BaseDevice, BaseInfo, Database, UnitOfWork

#: The feed loaded last; the window checks it again every few hours.
FEED_SETTING = st.Setting("release_feed", "")


@dataclass(frozen=True)
class BaseRow:
    info: BaseInfo
    installed_release_date: dt.date | None
    status: rules.BaseStatus
    device_count: int
    license_ids: tuple[int, ...]

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
        }


def list_bases(db: Database, today: dt.date) -> list[BaseRow]:
    with db.uow() as uow:
        return _list_bases(uow, today)


def _list_bases(uow: UnitOfWork, today: dt.date) -> list[BaseRow]:
    threshold = st.read(uow, st.EXPIRING_DAYS)
    out = []
    for info in uow.bases.infos():
        facts = uow.bases.facts(info)
        installed = facts.release(info.installed_version)
        out.append(
            BaseRow(
                info,
                installed.released_on if installed else None,
                rules.base_status(facts, today, threshold),
                len(uow.bases.devices(info.id)),
                tuple(lic.license_id for lic in facts.licenses),
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
    newest_allowed: rules.Release | None
    newer: list[NewerReleaseCost]

    def to_json(self) -> dict[str, object]:
        return {
            "base_id": self.base_id,
            "name": self.name,
            "installed_version": self.installed_version,
            "newest_version": self.newest.version if self.newest else None,
            "newest_allowed_version": (
                self.newest_allowed.version if self.newest_allowed else None
            ),
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


def updates(db: Database, today: dt.date, base_id: int | None = None) -> list[BaseUpdates]:
    with db.uow() as uow:
        return _updates(uow, today, base_id)


@dataclass(frozen=True)
class BasesOverview:
    """Everything the Bases view shows, read in one transaction."""

    rows: list[BaseRow]
    updates: dict[int, BaseUpdates]


def overview(db: Database, today: dt.date) -> BasesOverview:
    with db.uow() as uow:
        rows = _list_bases(uow, today)
        upd = {u.base_id: u for u in _updates(uow, today, None)}
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


def _updates(uow: UnitOfWork, today: dt.date, base_id: int | None) -> list[BaseUpdates]:
    infos = uow.bases.infos(None if base_id is None else [base_id])
    if base_id is not None and not infos:
        raise DomainError("base_not_found", base_id=base_id)
    out = []
    for info in infos:
        g = rules.guard(uow.bases.facts(info))
        newer = []
        for n in g.newer:
            cost = (
                renewals.quote_in(uow, list(n.demo_license_ids), today).totals
                if n.demo_license_ids
                else {}
            )
            newer.append(
                NewerReleaseCost(n.release.version, n.release.released_on, n.demo_license_ids, cost)
            )
        out.append(
            BaseUpdates(
                info.id, info.name, info.installed_version, g.newest, g.newest_allowed, newer
            )
        )
    return out


def record_install(
    db: Database, base_id: int, version: str, today: dt.date, *, confirmed: bool = False
) -> tuple[int, ...]:
    """Record "version X was installed on this base". Returns the licenses now in demo.

    When X would put licenses into demo mode the caller must confirm (DomainError
    ``install_causes_demo`` carries the license ids to show).
    """
    with db.uow(write=True) as uow:
        victims = _record_install(uow, base_id, version, today, confirmed=confirmed)
        uow.commit()
    return victims


def _record_install(
    uow: UnitOfWork, base_id: int, version: str, today: dt.date, *, confirmed: bool
) -> tuple[int, ...]:
    infos = uow.bases.infos([base_id])
    if not infos:
        raise DomainError("base_not_found", base_id=base_id)
    info = infos[0]
    facts = uow.bases.facts(info)
    release = facts.release(version.strip())
    if release is None:
        raise DomainError("unknown_release", version=version, sku=info.product_sku)
    g = rules.guard(facts)
    victims = next((n.demo_license_ids for n in g.newer if n.release == release), ())
    if not victims:  # an older release, or one that no license is past
        victims = tuple(
            lic.license_id
            for lic in facts.licenses
            if lic.device_id is not None
            and (lic.subscription_end is None or release.released_on > lic.subscription_end)
        )
    if victims and not confirmed:
        raise DomainError(
            "install_causes_demo",
            version=version,
            count=len(victims),
            license_ids=",".join(map(str, victims)),
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
    for lid in victims:
        uow.events.append(
            "demo",
            license_id=lid,
            base_id=base_id,
            details={"version": release.version, "released_on": release.released_on.isoformat()},
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
