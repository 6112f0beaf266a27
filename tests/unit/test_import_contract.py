"""The import's named decisions agree with the rest of the app; the terminal progress."""

from __future__ import annotations

import io

from desktop.cli.progress import TerminalProgress, format_eta
from desktop.services import dataset as ds
from desktop.services import settings as st
from desktop.services import warnings
from desktop.storage import schema


def test_importable_settings_are_the_apps_keys() -> None:
    from desktop.services.bases import FEED_SETTING
    from desktop.services.clock import HIGH_WATER_KEY
    from desktop.services.trust import STORE_ID_KEY

    assert st.EXPIRING_DAYS.key == ds.EXPIRING_DAYS_KEY
    assert st.WARNING_STAGES.key == ds.WARNING_STAGES_KEY
    assert st.DEVICE_NOTICE_DAYS.key == ds.DEVICE_NOTICE_DAYS_KEY
    assert warnings.SNOOZED_UNTIL.key == ds.SNOOZED_UNTIL_KEY
    assert warnings.DISMISSED_ON.key == ds.DISMISSED_ON_KEY
    assert FEED_SETTING.key == ds.RELEASE_FEED_KEY
    assert st.AUTHORITY_URL.key == ds.AUTHORITY_URL_KEY
    assert set(ds.SKIPPED_SETTINGS) == {STORE_ID_KEY, "signed_store", HIGH_WATER_KEY}


def test_text_limits_are_the_column_widths() -> None:
    widths = {
        "sku": schema.Product.__table__.c.sku.type.length,
        "name": schema.Device.__table__.c.name.type.length,
        "store": schema.Store.__table__.c.name.type.length,
        "base": schema.InstalledBase.__table__.c.name.type.length,
        "version": schema.Release.__table__.c.version.type.length,
        "file": schema.Release.__table__.c.file.type.length,
        "kind": schema.Event.__table__.c.kind.type.length,
    }
    assert {k: ds.TEXT_LIMITS[k] for k in widths} == widths
    assert schema.Product.__table__.c.name.type.length == ds.TEXT_LIMITS["name"]


def test_terminal_progress_shows_count_share_and_eta() -> None:
    now = [0.0]
    out = io.StringIO()
    p = TerminalProgress("Importing", out, clock=lambda: now[0])
    now[0] = 10.0
    p.step(250_000, 1_000_000)
    now[0] = 11.0
    p.step(300_000, 1_000_000)  # within LOG_EVERY_S: not written again
    p.done()
    lines = out.getvalue().splitlines()
    assert lines[0] == "Importing: 250,000 of 1,000,000 (25%), about 0:30 left"
    assert len(lines) == 2 and lines[1].startswith("Importing: done in 0:11")
    assert format_eta(3725) == "1:02:05"
