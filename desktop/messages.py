"""Every DomainError code as an English sentence, in one catalogue.

The CLI prints these as they are; the UI passes them through Qt's translation
(context "Errors"), so Russian and Polish live in the .ts files. The markers
below are what ``pyside6-lupdate`` collects.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text


CONTEXT = "Errors"

MESSAGES: dict[str, str] = {
    "bad_date": QT_TRANSLATE_NOOP("Errors", "{field}: '{value}' is not a date; use YYYY-MM-DD."),
    "bad_threshold": QT_TRANSLATE_NOOP(
        "Errors", "The warning threshold must be between 0 and 366 days (got {value})."
    ),
    "bad_warning_stages": QT_TRANSLATE_NOOP(
        "Errors", "Warning stages must be days between 0 and 366, e.g. 30,14,1 (got {value})."
    ),
    "bad_db_url": QT_TRANSLATE_NOOP(
        "Errors", "'{value}' is neither a file path nor a database URL."
    ),
    "db_path_is_dir": QT_TRANSLATE_NOOP(
        "Errors", "'{value}' is a folder; give the path of a database file."
    ),
    "db_unavailable": QT_TRANSLATE_NOOP("Errors", "Cannot open the database {url}: {reason}"),
    "store_too_new": QT_TRANSLATE_NOOP(
        "Errors",
        "This database was written by a newer License Desk (schema {revision}). "
        "Update License Desk to open it.",
    ),
    "store_not_empty": QT_TRANSLATE_NOOP(
        "Errors", "The database already holds data; demo data goes only into an empty one."
    ),
    "unknown_currency": QT_TRANSLATE_NOOP("Errors", "Unknown currency {currency}."),
    "currency_mismatch": QT_TRANSLATE_NOOP("Errors", "Cannot add amounts in {left} and {right}."),
    "bad_version": QT_TRANSLATE_NOOP("Errors", "'{value}' is not a version number like 15.3."),
    "import_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The file was not imported; nothing was written. Fix these entries:"
    ),
    "import_not_json": QT_TRANSLATE_NOOP(
        "Errors", "The file is not valid JSON (line {line}, column {column})."
    ),
    "import_wrong_format": QT_TRANSLATE_NOOP(
        "Errors", 'The file is not a License Desk export (no "format": "licdesk-dataset").'
    ),
    "import_wrong_version": QT_TRANSLATE_NOOP(
        "Errors", "The export format version {version} is not supported."
    ),
    "import_csv_columns": QT_TRANSLATE_NOOP("Errors", "The CSV file lacks the columns: {missing}."),
    "import_unreadable": QT_TRANSLATE_NOOP("Errors", "Cannot read {path}: {reason}"),
    "import_not_utf8": QT_TRANSLATE_NOOP("Errors", "{path} is not UTF-8 text."),
    "export_failed": QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: {reason}"),
    "license_not_found": QT_TRANSLATE_NOOP("Errors", "There is no license with id {license_id}."),
    # --- renewals
    "no_price": QT_TRANSLATE_NOOP(
        "Errors", "There is no list price for {sku} on {day}; add one to the price list."
    ),
    "renew_free_license": QT_TRANSLATE_NOOP(
        "Errors",
        "License {license_id} is not bound to a device; activate it before renewing.",
    ),
    "no_warranty": QT_TRANSLATE_NOOP(
        "Errors", "License {license_id} has no warranty end date to renew from."
    ),
    "bad_months": QT_TRANSLATE_NOOP("Errors", "Months must be between 1 and 60 (got {value})."),
    "order_empty": QT_TRANSLATE_NOOP("Errors", "Tick at least one line to make an order."),
    "order_not_found": QT_TRANSLATE_NOOP("Errors", "There is no order {order_id}."),
    "order_status": QT_TRANSLATE_NOOP(
        "Errors", "Order {order_id} is {old}; it cannot become {new}."
    ),
    # --- bases and releases
    "base_not_found": QT_TRANSLATE_NOOP("Errors", "There is no base with id {base_id}."),
    "unknown_release": QT_TRANSLATE_NOOP(
        "Errors", "Version {version} is not in the release catalogue of {sku}; load its feed."
    ),
    "install_causes_demo": QT_TRANSLATE_NOOP(
        "Errors",
        "Installing {version} of {product} puts these into demo mode: {licenses}. Their "
        "update subscriptions ended before that version came out. Renew them first, or "
        "install anyway.",
    ),
    "feed_missing": QT_TRANSLATE_NOOP("Errors", "{path} is neither a folder nor a .zip file."),
    "feed_bad_zip": QT_TRANSLATE_NOOP("Errors", "{path} is not a readable .zip file."),
    "feed_no_versions": QT_TRANSLATE_NOOP("Errors", "{path} has no versions.xml."),
    "feed_bad_xml": QT_TRANSLATE_NOOP("Errors", "{item} is not valid XML: {reason}"),
    "feed_no_product": QT_TRANSLATE_NOOP(
        "Errors", "The feed does not name its product; give the product SKU."
    ),
    "feed_empty": QT_TRANSLATE_NOOP("Errors", "The feed in {path} lists no releases."),
    "feed_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The feed was not loaded; nothing was written. Fix these entries:"
    ),
    "unknown_product_sku": QT_TRANSLATE_NOOP("Errors", "There is no product with SKU {sku}."),
    # --- activation
    "keyring_unavailable": QT_TRANSLATE_NOOP(
        "Errors",
        "The OS keyring is not usable ({reason}). Licenses can be viewed, but activation "
        "needs a keyring (Secret Service, KWallet, Keychain or Credential Locker).",
    ),
    "code_malformed": QT_TRANSLATE_NOOP("Errors", "That is not an activation code."),
    "code_bad_letters": QT_TRANSLATE_NOOP(
        "Errors", "Activation codes contain only letters (not I, O or U); found: {letters}."
    ),
    "code_length": QT_TRANSLATE_NOOP(
        "Errors", "An activation code has 24 letters in groups of 5-4-5-5-5."
    ),
    "code_typo": QT_TRANSLATE_NOOP(
        "Errors", "There is a typo in group {groups} of the activation code."
    ),
    "code_unknown": QT_TRANSLATE_NOOP(
        "Errors", "This activation code is unknown. Check it against the e-mail."
    ),
    "code_used": QT_TRANSLATE_NOOP(
        "Errors", "This code was already used on device {device} on {date}."
    ),
    "code_wait": QT_TRANSLATE_NOOP(
        "Errors", "Too many wrong codes. Wait {seconds} seconds before trying again."
    ),
    "code_other_product": QT_TRANSLATE_NOOP(
        "Errors", "This code is for {sku}, but the device holds licenses for {held}."
    ),
    "renewal_without_license": QT_TRANSLATE_NOOP(
        "Errors",
        "This is a renewal code, but device {device} has no license to renew. "
        "Activate a license first.",
    ),
    "device_code_malformed": QT_TRANSLATE_NOOP(
        "Errors",
        "'{value}' is not a device code like CP30-3210741300095-3210741300095.",
    ),
    "bad_code_kind": QT_TRANSLATE_NOOP("Errors", "Unknown code kind {kind}."),
    "transfer_free": QT_TRANSLATE_NOOP("Errors", "License {license_id} is not bound to a device."),
    "transfer_not_active": QT_TRANSLATE_NOOP(
        "Errors",
        "License {license_id} can be transferred only while its subscription runs "
        "(it ended on {end}). Renew it first.",
    ),
    "license_file_format": QT_TRANSLATE_NOOP("Errors", "This is not a License Desk license file."),
    "license_file_signature": QT_TRANSLATE_NOOP(
        "Errors",
        "The license file's signature does not verify: it was altered or not issued "
        "by a trusted authority.",
    ),
    "license_file_loaded": QT_TRANSLATE_NOOP("Errors", "This license file was already loaded."),
    "bad_issue_numbers": QT_TRANSLATE_NOOP(
        "Errors", "Months must be 1 to 60 and count 1 to 1000 (got {months}, {count})."
    ),
    # --- one path per use case (settings, orders, feeds, background work)
    "bad_notice_days": QT_TRANSLATE_NOOP(
        "Errors", "Device notice days must be between 0 and 366 (got {value})."
    ),
    "feed_not_configured": QT_TRANSLATE_NOOP(
        "Errors", "No release feed is configured yet: load a feed once (Bases, Load releases)."
    ),
    "order_line_no_device": QT_TRANSLATE_NOOP(
        "Errors",
        "Order {order_id}: the license of line {line} ({product}) is no longer bound to a "
        "device; nothing was fulfilled.",
    ),
    # --- trust: the app only verifies; the clock is not the user's
    "license_key_untrusted": QT_TRANSLATE_NOOP(
        "Errors",
        "The license is signed with a key this PC does not trust ({key_id}). An "
        "administrator installs the license authority's key (see About).",
    ),
    "license_other_store": QT_TRANSLATE_NOOP(
        "Errors", "This license was issued for another License Desk database, not this one."
    ),
    "license_other_device": QT_TRANSLATE_NOOP(
        "Errors", "This license was issued for device {device}, not this one."
    ),
    "authority_untrusted": QT_TRANSLATE_NOOP(
        "Errors",
        "The license authority {name} signs with a key this PC does not trust ({key_id}); "
        "nothing was sent. An administrator installs its key (see About).",
    ),
    "authority_not_configured": QT_TRANSLATE_NOOP(
        "Errors",
        "No license authority is set for this database. An administrator sets its "
        "address in Settings (or LICDESK_AUTHORITY_URL).",
    ),
    "bad_authority_url": QT_TRANSLATE_NOOP(
        "Errors", "'{value}' is not an http:// or https:// address of a license authority."
    ),
    "what_if": QT_TRANSLATE_NOOP(
        "Errors",
        "This is a what-if view as of {day} (--today): nothing is written. Start License "
        "Desk without --today to change data.",
    ),
    "read_only": QT_TRANSLATE_NOOP("Errors", "The database is open read-only: {reason}"),
    "clock_set_back": QT_TRANSLATE_NOOP(
        "Errors",
        "The system clock is behind the latest time this database has seen ({seen}): "
        "it was set back. Licenses are judged as of {day}.",
    ),
    # --- renewal, guard and forecast rules (branch `rules`)
    "quote_before_license": QT_TRANSLATE_NOOP(
        "Errors",
        "License {license_id} was activated on {activated_on}; there is nothing to renew "
        "on {day}. Choose a later day.",
    ),
    "period_start_unknown": QT_TRANSLATE_NOOP(
        "Errors",
        "The start of the current warranty period of license {license_id} is not known, "
        "so the modules charged in the update cannot be told apart. Enter the date from "
        "the registration certificate.",
    ),
    "renewal_shortens": QT_TRANSLATE_NOOP(
        "Errors",
        "A renewal now would end on {new_end}, before the current end {current_end} of "
        "license {license_id}. Renew later.",
    ),
    # --- the license authority as a separate service (desktop/authority)
    "authority_unreachable": QT_TRANSLATE_NOOP(
        "Errors", "The license authority at {url} cannot be reached: {reason}"
    ),
    "authority_internal": QT_TRANSLATE_NOOP(
        "Errors", "The license authority failed on this request; its log says why."
    ),
    "authority_dir_not_initialised": QT_TRANSLATE_NOOP(
        "Errors",
        "There is no license authority in {path}: run `licdesk-authority --data {path} init`.",
    ),
    "authority_exists": QT_TRANSLATE_NOOP(
        "Errors", "There already is a license authority in {path}."
    ),
    "authority_config_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "Cannot read the authority's settings {path}: {reason}"
    ),
    "authority_no_keys": QT_TRANSLATE_NOOP(
        "Errors", "The license authority has no signing key in {path}."
    ),
    "authority_keys_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "Cannot read the authority's keys in {path}: {reason}"
    ),
    "authority_key_missing": QT_TRANSLATE_NOOP(
        "Errors", "The authority's signing key {key_id} is missing from {where}."
    ),
    "authority_key_exposed": QT_TRANSLATE_NOOP(
        "Errors",
        "The key file {path} may be read by other users (mode {mode}); it is not used "
        "until only its owner may read it (chmod 600).",
    ),
    "authority_keyring": QT_TRANSLATE_NOOP(
        "Errors", "The OS keyring cannot hold the authority's key: {reason}"
    ),
    "bad_request": QT_TRANSLATE_NOOP(
        "Errors", "The license authority refused the request: {field} {problem}."
    ),
    "request_too_large": QT_TRANSLATE_NOOP(
        "Errors", "The request to the license authority is larger than {limit} bytes."
    ),
    "not_found": QT_TRANSLATE_NOOP("Errors", "The license authority has no endpoint {path}."),
    "method_not_allowed": QT_TRANSLATE_NOOP(
        "Errors", "The license authority's endpoint {path} does not take {method}."
    ),
    "serial_unknown": QT_TRANSLATE_NOOP(
        "Errors", "The license authority knows no license {serial} in this database."
    ),
    "serial_other_device": QT_TRANSLATE_NOOP(
        "Errors", "License {serial} is not bound to device {device}."
    ),
    "renewal_claim_implausible": QT_TRANSLATE_NOOP(
        "Errors",
        "The license is said to run until {end}, later than any renewal allows "
        "({latest}); the license authority refuses to renew from that date.",
    ),
    "fulfil_not_allowed": QT_TRANSLATE_NOOP(
        "Errors", "This license authority neither fulfils orders nor signs demo data."
    ),
    "fulfil_conflict": QT_TRANSLATE_NOOP(
        "Errors", "Order {order_ref} was already fulfilled with other lines."
    ),
    "bad_device_count": QT_TRANSLATE_NOOP(
        "Errors", "A code may be bound to 1 to {most} devices (got {devices})."
    ),
    "bad_product_line": QT_TRANSLATE_NOOP(
        "Errors", "Unknown product line {line}; use mobile-smarts or enova365."
    ),
    "product_exists": QT_TRANSLATE_NOOP("Errors", "There already is a product with SKU {sku}."),
    "authority_busy": QT_TRANSLATE_NOOP(
        "Errors", "The license authority is busy; try again in a moment."
    ),
    # --- imports and release feeds (validation, streaming, zips)
    "import_too_large": QT_TRANSLATE_NOOP(
        "Errors",
        "The JSON file is larger than {limit_mb} MB; export large stores as CSV and import that.",
    ),
    "import_too_deep": QT_TRANSLATE_NOOP(
        "Errors", "The JSON file nests deeper than {depth} levels; it is not a License Desk export."
    ),
    "import_not_utf8_at": QT_TRANSLATE_NOOP(
        "Errors", "The file is not UTF-8 text (row {row}); save it as CSV UTF-8."
    ),
    "import_csv_broken": QT_TRANSLATE_NOOP(
        "Errors", "The CSV file cannot be read at row {row}: {reason}"
    ),
    "import_csv_width": QT_TRANSLATE_NOOP(
        "Errors", "Row {row} of the CSV file has {found} fields; the header has {expected}."
    ),
    "import_file_changed": QT_TRANSLATE_NOOP(
        "Errors", "{path} changed while it was being imported; nothing was written. Try again."
    ),
    "feed_too_large": QT_TRANSLATE_NOOP(
        "Errors", "{item} in the feed is too large (limit {limit})."
    ),
    "feed_zip_encrypted": QT_TRANSLATE_NOOP(
        "Errors", "{item} in the feed's .zip is encrypted; feeds must not be."
    ),
    "feed_zip_method": QT_TRANSLATE_NOOP(
        "Errors",
        "{item} in the feed's .zip uses compression method {method}, which is not supported.",
    ),
    "feed_zip_damaged": QT_TRANSLATE_NOOP(
        "Errors", "{item} in the feed's .zip is damaged and cannot be read."
    ),
    # ---- hardening (issue 12): arguments, busy, read-only, damaged stores, backups
    "day_out_of_range": QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: {value} is outside the days License Desk works with ({earliest} to {latest}).",
    ),
    "bad_db_port": QT_TRANSLATE_NOOP(
        "Errors",
        "The database address {url} has the port '{port}'; a port is a number from 1 to 65535.",
    ),
    "arg_not_text": QT_TRANSLATE_NOOP(
        "Errors",
        "An argument holds bytes that are not text in this system's encoding ({value}); "
        "type it again.",
    ),
    "store_busy": QT_TRANSLATE_NOOP(
        "Errors", "Another program is writing to this database; try again in a moment."
    ),
    "store_missing": QT_TRANSLATE_NOOP(
        "Errors",
        "There is no License Desk database at {path}. Check the path; to create a new "
        "database there, run: licdesk --db {path} init",
    ),
    "read_only_file": QT_TRANSLATE_NOOP(
        "Errors",
        "The database file {path} is read-only: you can look, but nothing can be changed. "
        "Make the file writable to change data.",
    ),
    "read_only_folder": QT_TRANSLATE_NOOP(
        "Errors",
        "The folder {folder} is read-only, and SQLite writes its journal beside the "
        "database: you can look, but nothing can be changed.",
    ),
    "read_only_media": QT_TRANSLATE_NOOP(
        "Errors",
        "The database {path} cannot be written ({reason}): you can look, but nothing can "
        "be changed.",
    ),
    "read_only_upgrade": QT_TRANSLATE_NOOP(
        "Errors",
        "The database {path} is read-only and was made by an older License Desk; it must "
        "be upgraded, which writes to it. Make it writable and open it again.",
    ),
    "store_damaged": QT_TRANSLATE_NOOP(
        "Errors",
        "The database {path} is damaged ({detail}). Nothing was changed; restore a backup.",
    ),
    "disk_full": QT_TRANSLATE_NOOP(
        "Errors",
        "The disk is full: {path} cannot be written. Nothing was changed; free some space "
        "and try again.",
    ),
    "store_io": QT_TRANSLATE_NOOP("Errors", "The disk reported an error with {path}: {reason}"),
    "backup_failed": QT_TRANSLATE_NOOP(
        "Errors", "Cannot write the backup {path}: {reason}. Nothing was changed."
    ),
    "backup_not_found": QT_TRANSLATE_NOOP("Errors", "There is no backup file {path}."),
    "backup_invalid": QT_TRANSLATE_NOOP(
        "Errors", "{path} is not a usable License Desk backup: {reason}. Nothing was changed."
    ),
    "store_in_use": QT_TRANSLATE_NOOP(
        "Errors",
        "Another program (perhaps License Desk in another window) has {path} open. "
        "Close it, then restore again. Nothing was changed.",
    ),
    "store_in_use_pg": QT_TRANSLATE_NOOP(
        "Errors",
        "{count} other connection(s) to this database are open. Close License Desk on the "
        "other PCs, then restore again. Nothing was changed.",
    ),
    "backup_tool_missing": QT_TRANSLATE_NOOP(
        "Errors",
        "A PostgreSQL database is backed up and restored with {tool} (PostgreSQL's client "
        "tools), which is not on this PC's PATH. Install the PostgreSQL client, or ask the "
        "server's administrator to use {tool}.",
    ),
    "backup_tool_failed": QT_TRANSLATE_NOOP("Errors", "{tool} failed: {reason}"),
    "backups_unavailable": QT_TRANSLATE_NOOP("Errors", "This database has no backups."),
    "store_closed": QT_TRANSLATE_NOOP(
        "Errors", "The database is closed while a backup is restored; it opens again after."
    ),
}

PROBLEMS: dict[str, str] = {
    "missing": QT_TRANSLATE_NOOP("Errors", "is missing"),
    "bad_date": QT_TRANSLATE_NOOP("Errors", "'{value}' is not a date (YYYY-MM-DD)"),
    "bad_number": QT_TRANSLATE_NOOP("Errors", "'{value}' is not a valid positive number"),
    "bad_choice": QT_TRANSLATE_NOOP("Errors", "'{value}' is not one of the allowed values"),
    "bad_text": QT_TRANSLATE_NOOP("Errors", "'{value}' is not text"),
    "duplicate": QT_TRANSLATE_NOOP("Errors", "'{value}' appears twice"),
    "unknown_product": QT_TRANSLATE_NOOP("Errors", "no product with SKU '{value}'"),
    "unknown_device": QT_TRANSLATE_NOOP("Errors", "no device with code '{value}'"),
    "unknown_store": QT_TRANSLATE_NOOP("Errors", "no store named '{value}'"),
    "unknown_base": QT_TRANSLATE_NOOP("Errors", "no base named '{value}'"),
    "end_before_start": QT_TRANSLATE_NOOP("Errors", "ends ({value}) before it starts"),
    "not_a_list": QT_TRANSLATE_NOOP("Errors", "must be a list"),
    "not_an_object": QT_TRANSLATE_NOOP("Errors", "must be an object"),
    "bad_xml": QT_TRANSLATE_NOOP("Errors", "is not valid XML ({value})"),
    "bad_version": QT_TRANSLATE_NOOP("Errors", "'{value}' is not a version number like 15.3"),
    "date_conflict": QT_TRANSLATE_NOOP("Errors", "has another date than before: {value}"),
    # --- imports and release feeds
    "bad_characters": QT_TRANSLATE_NOOP(
        "Errors", "'{value}' holds control, invisible or direction characters"
    ),
    "too_long": QT_TRANSLATE_NOOP("Errors", "is too long ('{value}')"),
    "bad_sku": QT_TRANSLATE_NOOP(
        "Errors", "'{value}' is not a SKU (Latin letters, digits and . _ / + - only)"
    ),
    "date_out_of_range": QT_TRANSLATE_NOOP(
        "Errors", "'{value}' is outside the dates License Desk accepts (1990 to 2099)"
    ),
    "number_out_of_range": QT_TRANSLATE_NOOP("Errors", "'{value}' is outside the allowed range"),
    "bad_device_code": QT_TRANSLATE_NOOP(
        "Errors", "'{value}' is not a device code like CP30-3210741300095-3210741300095"
    ),
    "unknown_setting": QT_TRANSLATE_NOOP("Errors", "'{value}' is not a setting License Desk knows"),
    "bad_warning_stages": QT_TRANSLATE_NOOP(
        "Errors", "'{value}' is not a list of days between 0 and 366 like 30,14,1"
    ),
    "date_too_late": QT_TRANSLATE_NOOP("Errors", "'{value}' is too far ahead"),
    "conflict": QT_TRANSLATE_NOOP("Errors", "differs from an earlier row: {value}"),
    "conflict_stored": QT_TRANSLATE_NOOP("Errors", "differs from the stored product: {value}"),
    "bad_signature": QT_TRANSLATE_NOOP(
        "Errors", "'{value}' is not in the form the license authority writes"
    ),
    "more_problems": QT_TRANSLATE_NOOP("Errors", "and {value} more problems"),
}


def _printable(text: str) -> str:
    """Command-line bytes that are not text (surrogate escapes) shown as '?', never a
    UnicodeEncodeError on the way to a terminal or a log."""
    return text.encode("utf-8", "replace").decode("utf-8")


def render(code: str, params: dict[str, Any], translate: Any = None) -> str:
    """The sentence for an error code; ``translate(context, text)`` when the UI renders."""
    tr = translate or (lambda _ctx, text: text)
    template = MESSAGES.get(code)
    if template is None:
        return str(tr(CONTEXT, "Unexpected error: {code}")).format(code=code)
    safe = {
        k: _printable(v) if isinstance(v, str) else v
        for k, v in params.items()
        if isinstance(v, str | int | float)
    }
    try:
        text: str = tr(CONTEXT, template).format(**safe)
    except (KeyError, IndexError):
        text = tr(CONTEXT, template)
    problems = params.get("problems")
    if problems:
        lines = [text]
        for p in problems:
            detail = tr(CONTEXT, PROBLEMS.get(p.code, p.code)).format(value=p.value)
            if p.code == "more_problems":  # a count, not an entry
                lines.append(f"  {detail}")
                continue
            lines.append(f"  {p.where}, {p.field}: {detail}")
        text = "\n".join(lines)
    return text


QT_TRANSLATE_NOOP("Errors", "Unexpected error: {code}")
