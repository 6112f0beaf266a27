"""Keep ``licenses.search_text`` case-folded and current.

``SqlUnitOfWork.commit`` calls :func:`refresh_for_session` so that every write through
the app (any feature) refreshes the licenses it touched: a license, its device, the
device's store or its product. Bulk loads call :func:`refresh_all`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Table, bindparam, event, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from desktop.storage.schema import Device, License, Product, Store

LICENSES = cast(Table, License.__table__)

SEARCH_COLUMNS = (Product.name, Product.sku, Device.code, Device.name, Store.name)


def fold(*parts: str | None) -> str:
    return " | ".join(p for p in parts if p).casefold()


def _rows_stmt() -> Any:
    return (
        select(License.id, *SEARCH_COLUMNS, Product.line, Device.kind)
        .select_from(License)
        .join(Product, Product.id == License.product_id)
        .outerjoin(Device, Device.id == License.device_id)
        .outerjoin(Store, Store.id == Device.store_id)
    )


def _key(text: str | None) -> str | None:
    return text.casefold() if text else None


def _params(r: Any) -> dict[str, Any]:
    lid, pname, sku, code, dname, store, line, dkind = r
    return {
        "lid": lid,
        "text": fold(pname, sku, code, dname, store),
        "p": _key(pname),
        "k": f"{line}/{dkind or ''}",
        "c": _key(code),
        "d": _key(dname),
        "s": _key(store),
        "f": 0 if code else 1,
    }


def _write(conn: Connection | Session, rows: Iterable[Any]) -> int:
    params = [_params(r) for r in rows]
    if params:
        stmt = (
            update(LICENSES)  # Core, not ORM: one executemany, no session sync
            .where(LICENSES.c.id == bindparam("lid"))
            .values(
                search_text=bindparam("text"),
                sort_product=bindparam("p"),
                sort_kind=bindparam("k"),
                sort_device_code=bindparam("c"),
                sort_device=bindparam("d"),
                sort_store=bindparam("s"),
                sort_free=bindparam("f"),
            )
        )
        conn.execute(stmt, params)
    return len(params)


def refresh_all(conn: Connection | Session) -> int:
    return _write(conn, conn.execute(_rows_stmt()).all())


def refresh_licenses(conn: Connection | Session, ids: Iterable[int]) -> int:
    wanted = sorted(set(ids))
    done = 0
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        done += _write(conn, conn.execute(_rows_stmt().where(License.id.in_(chunk))).all())
    return done


_TOUCHED = "search_index.touched"


@event.listens_for(Session, "after_flush")
def _collect(session: Session, _flush_context: Any) -> None:
    """Remember what each flush wrote (new and dirty lists still hold pre-flush state)."""
    touched = session.info.setdefault(_TOUCHED, {"l": set(), "d": set(), "s": set(), "p": set()})
    for obj in [*session.new, *session.dirty]:
        if isinstance(obj, License):
            touched["l"].add(obj.id)
        elif isinstance(obj, Device):
            touched["d"].add(obj.id)
        elif isinstance(obj, Store):
            touched["s"].add(obj.id)
        elif isinstance(obj, Product):
            touched["p"].add(obj.id)


def refresh_for_session(session: Session) -> None:
    """Refresh the licenses touched by this session's writes (called before commit)."""
    session.flush()
    touched = session.info.pop(_TOUCHED, None)
    if not touched:
        return
    license_ids: set[int] = set(touched["l"])
    device_ids: set[int] = set(touched["d"])
    if touched["s"]:
        device_ids.update(
            session.scalars(select(Device.id).where(Device.store_id.in_(touched["s"])))
        )
    if device_ids:
        license_ids.update(
            session.scalars(select(License.id).where(License.device_id.in_(device_ids)))
        )
    if touched["p"]:
        license_ids.update(
            session.scalars(select(License.id).where(License.product_id.in_(touched["p"])))
        )
    if license_ids:
        refresh_licenses(session, license_ids)
