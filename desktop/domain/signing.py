"""The canonical text a license signature covers (RELIABILITY.md: signatures and codes).

It names the store, the license id, the device code, the product, both dates and the
key id, behind a domain prefix, so a signature neither survives an edit of any of them
nor passes for another kind of signed text, nor for a copy in another database.
"""

from __future__ import annotations

import datetime as dt
import json

PREFIX = "licdesk-license-v1\n"


def license_payload(
    *,
    store_id: str,
    license_id: int,
    device_code: str | None,
    product_sku: str,
    activated_on: dt.date | None,
    subscription_end: dt.date | None,
    key_id: str,
) -> bytes:
    body = {
        "store": store_id,
        "license": license_id,
        "device": device_code,
        "product": product_sku,
        "activated": activated_on.isoformat() if activated_on else None,
        "end": subscription_end.isoformat() if subscription_end else None,
        "key": key_id,
    }
    return (PREFIX + json.dumps(body, sort_keys=True, separators=(",", ":"))).encode()
