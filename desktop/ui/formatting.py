"""Locale-aware display of dates, days and money; one place for the UI's wording."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject

from desktop.domain.status import LicenseStatus, Verdict
from desktop.services.licenses import LicenseRow


class Format(QObject):
    """Phrases with a count, in the "Format" context. They are ``self.tr`` calls on
    purpose: pyside6-lupdate 6.11 marks a message plural only in that form (it reads
    ``QCoreApplication.translate(ctx, text, None, count)`` as a plain message)."""

    def ended_days_ago(self, days: int) -> str:
        return self.tr("Ended %n day(s) ago", "", days)

    def ends_in_days(self, days: int) -> str:
        return self.tr("Ends in %n day(s)", "", days)

    def paid_days_forfeited(self, days: int) -> str:
        return self.tr("%n paid day(s) forfeited", "", days)

    def within_days(self, days: int) -> str:
        """A warning stage's heading: "≤ 14 days"."""
        return self.tr("≤ %n day(s)", "", days)


_counted: Format | None = None


def counted() -> Format:
    global _counted
    if _counted is None:
        _counted = Format()
    return _counted


def date_text(day: dt.date | None, locale: QLocale | None = None) -> str:
    if day is None:
        return ""
    loc = locale or QLocale()
    return loc.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def money_text(amount: Decimal, currency: str, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    symbol = {"RUB": "₽", "PLN": "zł", "EUR": "€", "USD": "$"}.get(currency, currency)
    return loc.toCurrencyString(float(amount), symbol, 2)


def state_text(row: LicenseRow) -> str:
    """The State column: the date status, and what the signature says when it is not a
    plain "verified" (not verified, or the demo authority's)."""
    text = status_text(row.status, row.days_left)
    if row.status is LicenseStatus.FREE or row.status is LicenseStatus.INVALID:
        return text
    if row.verdict is Verdict.UNVERIFIED:
        return QCoreApplication.translate("Format", "%1 · not verified").replace("%1", text)
    if row.signed_by == "demo":
        return QCoreApplication.translate("Format", "%1 · demo authority").replace("%1", text)
    return text


def verdict_text(row: LicenseRow) -> str:
    """The details' "Signature" line."""
    if row.status is LicenseStatus.FREE:
        return QCoreApplication.translate("Format", "None: not bound to a device")
    if row.verdict is Verdict.INVALID:
        return QCoreApplication.translate(
            "Format",
            "Invalid: the signature does not match this license (edited, copied, or signed "
            "by an unknown key)",
        )
    if row.verdict is Verdict.UNVERIFIED:
        return QCoreApplication.translate(
            "Format", "Not verified: recorded by hand or imported, no signature"
        )
    source = {
        "vendor": QCoreApplication.translate("Format", "the vendor's license authority"),
        "machine": QCoreApplication.translate("Format", "a license authority this PC trusts"),
        "demo": QCoreApplication.translate("Format", "the demo authority (demo data only)"),
    }.get(row.signed_by or "", "")
    return QCoreApplication.translate("Format", "Verified: signed by %1").replace("%1", source)


def status_text(status: LicenseStatus, days_left: int | None) -> str:
    if status is LicenseStatus.FREE:
        return QCoreApplication.translate("Format", "Free (not bound)")
    if status is LicenseStatus.INVALID:
        return QCoreApplication.translate("Format", "Invalid: signature does not verify")
    if days_left is None:
        return QCoreApplication.translate("Format", "No subscription")
    if status is LicenseStatus.EXPIRED:
        return counted().ended_days_ago(-days_left)
    if status is LicenseStatus.EXPIRING:
        return (
            QCoreApplication.translate("Format", "Ends today")
            if days_left == 0
            else counted().ends_in_days(days_left)
        )
    return QCoreApplication.translate("Format", "Active")


def status_name(status: LicenseStatus) -> str:
    return {
        LicenseStatus.FREE: QCoreApplication.translate("Format", "Free"),
        LicenseStatus.ACTIVE: QCoreApplication.translate("Format", "Active"),
        LicenseStatus.EXPIRING: QCoreApplication.translate("Format", "Expiring"),
        LicenseStatus.EXPIRED: QCoreApplication.translate("Format", "Expired"),
        LicenseStatus.INVALID: QCoreApplication.translate("Format", "Invalid"),
    }[status]


def kind_text(line: str, device_kind: str | None) -> str:
    product = "enova365" if line == "enova365" else "Mobile SMARTS"
    if device_kind == "terminal":
        return QCoreApplication.translate("Format", "%1, terminal").replace("%1", product)
    if device_kind == "pc":
        return QCoreApplication.translate("Format", "%1, workplace PC").replace("%1", product)
    return product
