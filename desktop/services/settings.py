"""Business settings, declared once with type and default; stored in the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from desktop.domain import terms
from desktop.domain.errors import DomainError
from desktop.domain.status import check_threshold
from desktop.services.ports import UnitOfWork

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


def read(uow: UnitOfWork, setting: Setting[T]) -> T:
    raw = uow.settings.get(setting.key)
    if raw is None:
        return setting.default
    try:
        return setting.parse(raw)
    except ValueError:
        return setting.default


def write(uow: UnitOfWork, setting: Setting[T], value: T) -> None:
    uow.settings.set(setting.key, setting.dump(value))


def set_expiring_days(uow: UnitOfWork, days: int) -> None:
    check_threshold(days)
    write(uow, EXPIRING_DAYS, days)


def set_warning_stages(uow: UnitOfWork, stages: tuple[int, ...]) -> None:
    if not stages or any(s < 0 or s > 366 for s in stages):
        raise DomainError("bad_warning_stages", value=",".join(map(str, stages)))
    write(uow, WARNING_STAGES, tuple(sorted(set(stages), reverse=True)))
