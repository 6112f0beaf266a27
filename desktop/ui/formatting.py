"""Locale-aware display of dates, days and money; one place for the UI's wording."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from desktop.domain.status import LicenseStatus

_CTX = "Format"


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CTX, text, None, n)


def date_text(day: dt.date | None, locale: QLocale | None = None) -> str:
    if day is None:
        return ""
    loc = locale or QLocale()
    return loc.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def money_text(amount: Decimal, currency: str, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    symbol = {"RUB": "₽", "PLN": "zł", "EUR": "€", "USD": "$"}.get(currency, currency)
    return loc.toCurrencyString(float(amount), symbol, 2)


def status_text(status: LicenseStatus, days_left: int | None) -> str:
    if status is LicenseStatus.FREE:
        return tr("Free (not bound)")
    if status is LicenseStatus.INVALID:
        return tr("Invalid: signature does not verify")
    if days_left is None:
        return tr("No subscription")
    if status is LicenseStatus.EXPIRED:
        return tr("Ended %n day(s) ago", -days_left)
    if status is LicenseStatus.EXPIRING:
        return tr("Ends today") if days_left == 0 else tr("Ends in %n day(s)", days_left)
    return tr("Active")


def status_name(status: LicenseStatus) -> str:
    return {
        LicenseStatus.FREE: tr("Free"),
        LicenseStatus.ACTIVE: tr("Active"),
        LicenseStatus.EXPIRING: tr("Expiring"),
        LicenseStatus.EXPIRED: tr("Expired"),
        LicenseStatus.INVALID: tr("Invalid"),
    }[status]


def kind_text(line: str, device_kind: str | None) -> str:
    product = "enova365" if line == "enova365" else "Mobile SMARTS"
    if device_kind == "terminal":
        return tr("%1, terminal").replace("%1", product)
    if device_kind == "pc":
        return tr("%1, workplace PC").replace("%1", product)
    return product
