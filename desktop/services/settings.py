"""Business settings, declared once with type and default; stored in the database.

(UI state such as window geometry and the language lives in QSettings on each PC.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from desktop.domain import terms
from desktop.domain.errors import DomainError
from desktop.domain.status import check_threshold
from desktop.services.ports import Database, ReadView, UnitOfWork

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T

    def parse(self, raw: str) -> T:
        if isinstance(self.default, bool):
            return raw == "1"  # type: ignore[return-value]
        if isinstance(self.default, int):
            return int(raw)  # type: ignore[return-value]
        if isinstance(self.default, tuple):
            return tuple(int(p) for p in raw.split(",") if p.strip())  # type: ignore[return-value]
        return raw  # type: ignore[return-value]

    def dump(self, value: T) -> str:
        if isinstance(value, bool):
            return "1" if value else "0"
        if isinstance(value, tuple):
            return ",".join(str(v) for v in value)
        return str(value)


EXPIRING_DAYS = Setting("expiring_days", terms.DEFAULT_EXPIRING_DAYS)
WARNING_STAGES = Setting("warning_stages", terms.DEFAULT_WARNING_STAGES)
DEVICE_NOTICE_DAYS = Setting("device_notice_days", terms.DEFAULT_DEVICE_NOTICE_DAYS)
#: Where this store's license authority answers (an administrator's setting). A wrong URL
#: can only make activation fail: what an authority signs counts only with a trusted key.
AUTHORITY_URL = Setting("authority_url", "")


def read(source: ReadView, setting: Setting[T]) -> T:
    """A setting's value inside a caller's unit of work (or read view); default if unset."""
    raw = source.settings.get(setting.key)
    if raw is None:
        return setting.default
    try:
        return setting.parse(raw)
    except ValueError:
        return setting.default


def write(uow: UnitOfWork, setting: Setting[T], value: T) -> None:
    uow.settings.set(setting.key, setting.dump(value))


def check_stages(stages: tuple[int, ...]) -> tuple[int, ...]:
    if not stages or any(s < 0 or s > 366 for s in stages):
        raise DomainError("bad_warning_stages", value=",".join(map(str, stages)))
    return tuple(sorted(set(stages), reverse=True))


@dataclass(frozen=True)
class BusinessSettings:
    """The settings a person edits in the Settings dialog (`licdesk settings` too)."""

    expiring_days: int
    warning_stages: tuple[int, ...]
    device_notice_days: int
    authority_url: str = ""


def load(db: Database) -> BusinessSettings:
    with db.read() as view:
        return BusinessSettings(
            read(view, EXPIRING_DAYS),
            read(view, WARNING_STAGES),
            read(view, DEVICE_NOTICE_DAYS),
            read(view, AUTHORITY_URL),
        )


def authority_url(db: Database) -> str | None:
    with db.read() as view:
        return read(view, AUTHORITY_URL) or None


def check_authority_url(url: str) -> str:
    text = url.strip()
    if text and not (
        (text.startswith("https://") or text.startswith("http://"))
        and len(text) <= 300
        and text.isprintable()
        and " " not in text
    ):
        raise DomainError("bad_authority_url", value=text[:100])
    return text.rstrip("/")


def save(db: Database, values: BusinessSettings) -> BusinessSettings:
    """Validate and store every value, or none of them."""
    db.check_writable()
    stages = check_stages(values.warning_stages)
    check_threshold(values.expiring_days)
    if not 0 <= values.device_notice_days <= 366:
        raise DomainError("bad_notice_days", value=values.device_notice_days)
    url = check_authority_url(values.authority_url)
    with db.uow(write=True) as uow:
        write(uow, EXPIRING_DAYS, values.expiring_days)
        write(uow, WARNING_STAGES, stages)
        write(uow, DEVICE_NOTICE_DAYS, values.device_notice_days)
        write(uow, AUTHORITY_URL, url)
        uow.commit()
    return BusinessSettings(values.expiring_days, stages, values.device_notice_days, url)
