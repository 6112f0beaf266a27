"""When a Mobile SMARTS product falls into demo mode (seed 000, DOMAIN.md §1)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.terms import STORE15_SKU_PREFIX


class DemoReason(StrEnum):
    RELEASE_AFTER_END = "release_after_end"
    STORE15_INTERNET_EXPIRED = "store15_internet_expired"


@dataclass(frozen=True, slots=True)
class DemoVerdict:
    demo: bool
    reason: DemoReason | None = None


def release_allowed(release_date: dt.date, subscription_end: dt.date | None) -> bool:
    """A release may be installed if it came out on or before the last covered day."""
    return subscription_end is not None and release_date <= subscription_end


def is_store15(product_sku: str) -> bool:
    return product_sku.upper().startswith(STORE15_SKU_PREFIX)


def demo_verdict(
    *,
    product_sku: str,
    installed_release_date: dt.date | None,
    subscription_end: dt.date | None,
    internet_exchange: bool,
    today: dt.date,
) -> DemoVerdict:
    """Demo mode for one licensed device of a base.

    1. "Магазин 15" with exchange over the Internet and an expired subscription runs
       in demo mode whatever its version.
    2. A version released after the subscription ended puts the product into demo.
    """
    expired = subscription_end is None or today > subscription_end
    if is_store15(product_sku) and internet_exchange and expired:
        return DemoVerdict(True, DemoReason.STORE15_INTERNET_EXPIRED)
    if installed_release_date is not None and not release_allowed(
        installed_release_date, subscription_end
    ):
        return DemoVerdict(True, DemoReason.RELEASE_AFTER_END)
    return DemoVerdict(False)
