"""Create, fill, export and import a store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop.authority.wire import SeedItem
from desktop.domain.codes import code_hash
from desktop.domain.errors import DomainError
from desktop.services import backup, demo_data
from desktop.services import dataset as ds
from desktop.services.activation import Authority, accept
from desktop.services.ports import Database, LicenseQuery, SortKey
from desktop.services.progress import NO_PROGRESS, Progress
from desktop.services.trust import TrustedKeys


def is_empty(db: Database) -> bool:
    with db.uow() as uow:
        return uow.dataset.is_empty()


def init_demo(db: Database, today: dt.date) -> ds.LoadSummary:
    with db.uow(write=True) as uow:
        if not uow.dataset.is_empty():
            raise DomainError("store_not_empty")
        summary = uow.dataset.load(demo_data.build(today))
        uow.commit()
    return summary


def import_file(
    db: Database, path: Path, today: dt.date, progress: Progress = NO_PROGRESS
) -> ds.LoadSummary:
    """Check a dataset file, then write it: all or nothing, a million rows in batches.

    Pass 1 reads the whole file and checks every row without touching the store (any
    problem refuses the file, each one named by row or index and field); pass 2 reads
    it again and writes it in one transaction. ``today`` bounds dates such as a snooze.
    """
    db.check_writable()
    plan = ds.check_file(path, today, progress)  # validates everything before a write
    backup.before_change(db, "before-import")  # a way back from a wrong (but valid) file
    with db.uow(write=True) as uow:
        summary = uow.dataset.load_plan(plan, progress)
        uow.commit()
    return summary


def export_file(db: Database, path: Path, fmt: str, progress: Progress = NO_PROGRESS) -> int:
    """Write the whole dataset to ``path`` (csv or json); returns the number of licenses."""
    with db.uow() as uow:
        data = uow.dataset.dump()
    progress.step(len(data.licenses), len(data.licenses))
    ds.write_file(data, path, fmt)
    return len(data.licenses)


@dataclass(frozen=True)
class DemoStore:
    summary: ds.LoadSummary | None  # None: the store already held data
    signing_error: DomainError | None  # why the demo licenses are not signed


def ensure_demo(
    db: Database, authority: Authority | None, keys: TrustedKeys, today: dt.date
) -> DemoStore:
    """Fill an empty store with demo data; the demo authority (when given) signs it.

    Without a demo authority (none for this store, or it could not start) the demo
    still opens, unsigned ("not verified"), and a failure is returned for the front end
    to say.
    """
    if not is_empty(db):
        return DemoStore(None, None)
    summary = init_demo(db, today)
    if authority is None:
        return DemoStore(summary, None)
    try:
        sign_demo(db, authority, keys)
    except DomainError as err:
        return DemoStore(summary, err)
    return DemoStore(summary, None)


def sign_demo(db: Database, authority: Authority, keys: TrustedKeys) -> int:
    """The demo authority signs every bound demo license, as the vendor would have."""
    with db.uow() as uow:
        store = uow.activation.store_id()
        query = LicenseQuery(today=dt.date.today(), threshold_days=0, sort=SortKey.ID)
        rows = [
            r
            for batch in uow.licenses.stream(query, 1000)
            for r in batch
            if r.device_code and r.activated_on and r.subscription_end
        ]
    if not rows:
        return 0
    items = [
        SeedItem(r.device_code or "", r.product_sku, r.activated_on, r.subscription_end)
        for r in rows
        if r.activated_on and r.subscription_end
    ]
    answer = authority.seed(store, items)
    by_key = {(x.device, x.product): x for x in answer.licenses}
    with db.uow(write=True) as uow:
        for r in rows:
            got = by_key.get((r.device_code or "", r.product_sku))
            if got is None:
                continue
            accept(got.license, keys, store, r.device_code)
            uow.activation.store_document(r.id, got.document, got.license.signature)
            uow.activation.add_activation(code_hash(got.code), r.id, got.device, "license")
        uow.commit()
    return len(rows)
