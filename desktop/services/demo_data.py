"""A believable demo dataset, relative to "today" so that it always has something to say.

Stores with terminals and PCs, licenses in every state (several ending within the
coming month), bases with installed versions, releases with dates, and one
enova365 license whose module history is the seed's worked example
(KH×1 + Handel×1 at the start, Handel×2 in June, Kadry Płace×1 in October).

Release dates are facts, not relative to today: Магазин 15's release history has the
vendor's dates (:data:`STORE15_RELEASES`), the same ones the sample feed in
tests/data/feed carries, so loading that feed into a demo store never meets a
version with another date, whatever today is, and versions and dates run in the
same order. The demo holds the releases already out on its "today"; the feed brings
the rest. The other products' histories stay relative to today (they have no feed).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from desktop.domain.catalog import DeviceKind, ProductKind, ProductLine
from desktop.domain.terms import add_months, period_end
from desktop.services.dataset import (
    BaseSpec,
    Dataset,
    DeviceSpec,
    LicenseSpec,
    LotSpec,
    PriceSpec,
    ProductSpec,
    ReleaseSpec,
)

MS = ProductLine.MOBILE_SMARTS.value
EN = ProductLine.ENOVA365.value

STORE15 = "MS-STORE15-BASE"
WH15 = "MS-WH15-BASE"
KIROVKA = "MS-KIROVKA"
EGAIS3 = "MS-EGAIS3"
EGAIS_CHM = "MS-EGAIS-CHM"
ENOVA = "ENOVA365"
KH, HANDEL, KP = "ENOVA-KH", "ENOVA-HANDEL", "ENOVA-KP"

STORES = ("Магазин на Ленина, 12", "Магазин на Садовой, 5", "Склад Южный")

#: Магазин 15's release history with the vendor's dates. The sample feed
#: (tests/data/feed) publishes 15.3 with the same date and adds 15.4 (2026-12-15).
STORE15_RELEASES: tuple[tuple[str, dt.date], ...] = (
    ("15.0", dt.date(2025, 9, 28)),
    ("15.1", dt.date(2026, 3, 7)),
    ("15.2", dt.date(2026, 7, 15)),
    ("15.3", dt.date(2026, 11, 2)),
)
#: The version the Ленина base runs: the newest of these out when it was installed.
STORE15_INSTALLED = "15.2"


def store15_installed(installed_on: dt.date) -> str | None:
    """The Ленина base's version: 15.2, or the newest release out on its install day."""
    out = [v for v, day in STORE15_RELEASES if day <= installed_on]
    if STORE15_INSTALLED in out:
        return STORE15_INSTALLED
    return out[-1] if out else None


def _ms(sku: str, name: str, price: int, since: dt.date) -> ProductSpec:
    return ProductSpec(
        sku,
        name,
        MS,
        "RUB",
        ProductKind.LICENSE.value,
        f"SSY1-{sku}",
        [PriceSpec(since, Decimal(price))],
    )


def device_code(rng: random.Random, model: str) -> str:
    serial = "".join(rng.choice("0123456789") for _ in range(13))
    return f"{model}-{serial}-{serial}"


def build(today: dt.date) -> Dataset:
    rng = random.Random(20261124)
    price_since = dt.date(today.year - 3, 1, 1)
    store15 = _ms(STORE15, "Магазин 15", 24_900, price_since)
    # A price change between purchase and renewal: Магазин 15 went up this year.
    store15.prices.append(PriceSpec(add_months(today, -5).replace(day=1), Decimal(26_900)))
    products = [
        store15,
        _ms(WH15, "Склад 15", 21_900, price_since),
        _ms(KIROVKA, "Кировка", 14_900, price_since),
        _ms(EGAIS3, "ЕГАИС 3", 9_900, price_since),
        _ms(EGAIS_CHM, "ЕГАИС, терминальная версия с CheckMark 2", 19_900, price_since),
        ProductSpec(
            ENOVA,
            "enova365",
            EN,
            "PLN",
            ProductKind.LICENSE.value,
            None,
            [PriceSpec(price_since, Decimal(0))],
        ),
        ProductSpec(
            KH,
            "Księga Handlowa",
            EN,
            "PLN",
            ProductKind.MODULE.value,
            None,
            [PriceSpec(price_since, Decimal("2990.00"))],
        ),
        ProductSpec(
            HANDEL,
            "Handel",
            EN,
            "PLN",
            ProductKind.MODULE.value,
            None,
            [PriceSpec(price_since, Decimal("2490.00"))],
        ),
        ProductSpec(
            KP,
            "Kadry Płace",
            EN,
            "PLN",
            ProductKind.MODULE.value,
            None,
            [PriceSpec(price_since, Decimal("3490.00"))],
        ),
    ]
    lenina, sadovaya, south = STORES
    lenina_installed_on = add_months(today, -4)
    bases = [
        BaseSpec(
            "Ленина — Магазин 15",
            STORE15,
            lenina,
            store15_installed(lenina_installed_on),
            lenina_installed_on,
            "3.3",
            "3.3.120",
            True,
        ),
        BaseSpec(
            "Садовая — ЕГАИС",
            EGAIS_CHM,
            sadovaya,
            "3.1",
            add_months(today, -6),
            "3.2",
            "3.2.44",
            False,
        ),
        BaseSpec(
            # 15.2 was installed by hand after ТСД Склад-01's subscription ended: demo mode.
            "Южный — Склад 15",
            WH15,
            south,
            "15.2",
            add_months(today, -2),
            "3.1",
            "3.1.310",
            False,
        ),
    ]
    devices: list[DeviceSpec] = []

    def terminal(name: str, store: str, base: str | None, model: str, platform: str) -> str:
        code = device_code(rng, model)
        client = {"3.3": "3.3.120", "3.2": "3.2.44", "3.1": "3.1.310"}.get(platform)
        devices.append(
            DeviceSpec(code, DeviceKind.TERMINAL.value, name, store, base, platform, client)
        )
        return code

    def pc(name: str, store: str | None, base: str | None) -> str:
        code = device_code(rng, "PC01")
        devices.append(DeviceSpec(code, DeviceKind.PC.value, name, store, base))
        return code

    b_lenina, b_sadovaya, b_south = (b.name for b in bases)
    licenses: list[LicenseSpec] = []

    def lic(sku: str, code: str | None, days_left: int | None) -> None:
        if days_left is None:
            licenses.append(LicenseSpec(sku, code, None, None, history=[{"kind": "purchased"}]))
            return
        end = today + dt.timedelta(days=days_left)
        start = add_months(end + dt.timedelta(days=1), -12)
        licenses.append(
            LicenseSpec(
                sku,
                code,
                start,
                end,
                history=[
                    {
                        "kind": "activated",
                        "at": f"{start.isoformat()}T10:00:00",
                        "device_code": code,
                        "subscription_end": end.isoformat(),
                    }
                ],
            )
        )

    # Ленина: Магазин 15 with Internet exchange, terminals ending soon.
    lic(STORE15, pc("Касса 1 (ПК)", lenina, b_lenina), 212)
    lic(STORE15, terminal("ТСД Ленина-01", lenina, b_lenina, "CP30", "3.3"), 12)
    lic(STORE15, terminal("ТСД Ленина-02", lenina, b_lenina, "CP30", "3.3"), 12)
    lic(STORE15, terminal("ТСД Ленина-03", lenina, b_lenina, "MC33", "3.3"), 27)
    lic(STORE15, terminal("ТСД Ленина-04", lenina, b_lenina, "MC33", "3.1"), 0)
    lic(STORE15, terminal("ТСД Ленина-05", lenina, b_lenina, "TC21", "3.3"), 140)
    lic(EGAIS3, terminal("ТСД Ленина-06", lenina, b_lenina, "TC21", "3.3"), -9)
    # Садовая: EGAIS with CheckMark 2.
    lic(EGAIS_CHM, pc("Касса Садовая (ПК)", sadovaya, b_sadovaya), 61)
    lic(EGAIS_CHM, terminal("ТСД Садовая-01", sadovaya, b_sadovaya, "CP30", "3.2"), 3)
    lic(EGAIS_CHM, terminal("ТСД Садовая-02", sadovaya, b_sadovaya, "CP30", "3.2"), 30)
    lic(EGAIS_CHM, terminal("ТСД Садовая-03", sadovaya, b_sadovaya, "CP30", "3.1"), -45)
    lic(KIROVKA, terminal("ТСД Садовая-04", sadovaya, None, "EDA52", "3.2"), 31)
    # Склад Южный: Склад 15, one subscription long gone.
    lic(WH15, pc("Кладовщик (ПК)", south, b_south), 95)
    lic(WH15, terminal("ТСД Склад-01", south, b_south, "MC33", "3.1"), -120)
    lic(WH15, terminal("ТСД Склад-02", south, b_south, "MC33", "3.1"), 8)
    lic(WH15, terminal("ТСД Склад-03", south, b_south, "CP30", "3.3"), 330)
    lic(KIROVKA, terminal("ТСД Склад-04", south, None, "EDA52", "3.2"), 180)
    # Bought, not yet activated on any device.
    lic(EGAIS_CHM, None, None)
    lic(WH15, None, None)

    # enova365: the seed's worked example, moved to the current warranty year.
    year = today.year if today.month >= 11 else today.year - 1
    start = dt.date(year, 3, 1)
    office = pc("Biuro — serwer enova365", None, None)
    licenses.append(
        LicenseSpec(
            ENOVA,
            office,
            start,
            period_end(start, 12),
            modules=[
                LotSpec(KH, 1, start),
                LotSpec(HANDEL, 1, start),
                LotSpec(HANDEL, 2, dt.date(year, 6, 15)),
                LotSpec(KP, 1, dt.date(year, 10, 10)),
            ],
            history=[{"kind": "activated", "at": f"{start.isoformat()}T09:00:00"}],
        )
    )

    def releases(sku: str, versions: list[tuple[str, int]]) -> list[ReleaseSpec]:
        return [
            ReleaseSpec(sku, v, today - dt.timedelta(days=ago), f"{v}: исправления и улучшения")
            for v, ago in versions
        ]

    store15_out = [
        ReleaseSpec(STORE15, v, day, f"{v}: исправления и улучшения")
        for v, day in STORE15_RELEASES
        if day <= today
    ]
    rel = (
        store15_out
        + releases(WH15, [("15.0", 400), ("15.1", 270), ("15.2", 90)])
        + releases(EGAIS_CHM, [("3.0", 380), ("3.1", 200), ("3.2", 40)])
        + releases(EGAIS3, [("3.0", 300), ("3.1", 100)])
        + releases(KIROVKA, [("1.4", 310), ("1.5", 60)])
    )
    return Dataset(
        products=products,
        stores=list(STORES),
        bases=bases,
        devices=devices,
        licenses=licenses,
        releases=rel,
    )
