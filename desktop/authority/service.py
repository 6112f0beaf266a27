"""The license authority's rules, independent of any transport.

Every date comes from the authority's own clock (the system clock; a fixed one only by
``licdesk-authority --today`` or a test). Every change to the register happens in one
``BEGIN IMMEDIATE`` transaction per call, so a refused call changes nothing.

Decisions kept here, by name:

* CLAIM_MAX_MONTHS_AHEAD: a customer may renew a license this authority never signed (one
  imported by hand) by stating its product and current end (both: a claim without an end
  is no claim); an end later than today + 13 months is refused
  (``renewal_claim_implausible``). The authority's own record beats any
  claim whenever it knows the serial or the device's license of that product.
* A renewal's document carries the new period (``renewal_period``): for an enova365
  on-time update ``start`` is the day after the old end, so it may lie in the future.
* A renewal of a claimed license gets a new serial; the renewal code becomes that
  license's code (it rebinds it after a transfer).
* The same code on the same device and store again returns the stored signed document
  (``already-active``): a client that crashed before committing fetches it again. The
  same code on the same device for another store is ``code_used``.
* A transfer is idempotent for the device it was made from (same answer again).
* fulfil and seed run only when the service is built with ``allow_fulfil`` (the demo).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop.authority import config as cfg
from desktop.authority.register import CodeRow, LicenseRow, ProductRow, Register, Tx
from desktop.authority.signer import KeyStorage, Signer
from desktop.authority.wire import (
    ALREADY_ACTIVE,
    LICENSE,
    RENEWAL,
    TRANSFER,
    ActivationResult,
    AuthorityStatus,
    FulfilLine,
    FulfilResult,
    PublicKey,
    SeededLicense,
    SeedResult,
    SignedLicense,
    TransferResult,
)
from desktop.domain.catalog import ProductLine
from desktop.domain.clock import Clock, SystemClock
from desktop.domain.codes import (
    code_hash,
    generate_activation_code,
    parse_activation_code,
    parse_device_code,
)
from desktop.domain.errors import DomainError
from desktop.domain.renewal import RENEWAL_TERM_MONTHS, renewal_period
from desktop.domain.signing import LicenseDocument
from desktop.domain.terms import add_months, period_end

log = logging.getLogger(__name__)

KINDS = ("license", "renewal")
CLAIM_MAX_MONTHS_AHEAD = 13
MAX_TEXT = 100  # store ids, order and line references, SKUs, serials, names
MAX_FULFIL_LINES = 500
MAX_SEED_ITEMS = 10_000
MAX_ISSUE_COUNT = 1000
MAX_DEVICES = 1000
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_serial() -> str:
    """``LD-`` + 16 Crockford base32 characters (80 random bits)."""
    n = int.from_bytes(secrets.token_bytes(10), "big")
    chars = []
    for _ in range(16):
        n, r = divmod(n, 32)
        chars.append(CROCKFORD[r])
    return "LD-" + "".join(reversed(chars))


def mask_code(code: str) -> str:
    """What a log or the audit may show of a code: its first group."""
    return code[:5] + "-…"


def text_field(value: object, field: str, max_len: int = MAX_TEXT) -> str:
    """A short printable text (store ids, references, SKUs) or ``bad_request``."""
    if not isinstance(value, str):
        raise DomainError("bad_request", field=field, problem="must be text")
    text = value.strip()
    if not text or len(text) > max_len or not text.isprintable():
        raise DomainError(
            "bad_request", field=field, problem=f"must be 1 to {max_len} printable characters"
        )
    return text


def _refusal_details(err: DomainError) -> dict[str, str]:
    return {k: str(v) for k, v in err.params.items()}


@dataclass(frozen=True)
class RenewalTarget:
    license: LicenseRow | None  # the authority's record; None: a claim
    end: dt.date  # the end the renewal counts from


class AuthorityService:
    """One authority data folder (config, register, keys) behind plain methods."""

    def __init__(
        self, data_dir: Path, clock: Clock | None = None, *, allow_fulfil: bool = False
    ) -> None:
        self.data_dir = Path(data_dir)
        self.clock: Clock = clock or SystemClock()
        self.allow_fulfil = allow_fulfil
        self.config = cfg.load_config(self.data_dir)
        self.register = Register(self.data_dir / cfg.REGISTER_FILE)
        if not self.register.exists():
            raise DomainError("authority_dir_not_initialised", path=str(self.data_dir))
        self.signer = Signer(self.data_dir)

    # --- time -------------------------------------------------------------------------
    def today(self) -> dt.date:
        return self.clock.today()

    def now(self) -> dt.datetime:
        """UTC, whole seconds; on a fixed clock, that day at the current time of day."""
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        if isinstance(self.clock, SystemClock):
            return now
        return dt.datetime.combine(self.clock.today(), now.time(), dt.UTC)

    # --- signing ----------------------------------------------------------------------
    def _sign(
        self,
        *,
        serial: str,
        store: str,
        device: str,
        product: str,
        start: dt.date,
        end: dt.date,
        now: dt.datetime,
    ) -> SignedLicense:
        key = self.signer.current()
        doc = LicenseDocument(serial, store, device, product, start, end, now, key.key_id)
        return SignedLicense(doc, key.key_id, key.sign(doc.payload()))

    @staticmethod
    def _stored(lic: LicenseRow) -> SignedLicense:
        assert lic.device is not None
        doc = LicenseDocument(
            lic.serial,
            lic.store,
            lic.device,
            lic.product,
            lic.start,
            lic.end,
            lic.issued_at,
            lic.key_id,
        )
        return SignedLicense(doc, lic.key_id, lic.signature)

    @staticmethod
    def _row(signed: SignedLicense, code_hash_: str | None) -> LicenseRow:
        d = signed.document
        return LicenseRow(
            serial=d.serial,
            code_hash=code_hash_,
            store=d.store,
            device=d.device,
            product=d.product,
            start=d.start,
            end=d.end,
            issued_at=d.issued_at,
            key_id=signed.key_id,
            signature=signed.signature,
            transferred_from=None,
        )

    # --- activation -------------------------------------------------------------------
    def activate(
        self,
        code: str,
        device: str,
        store: str,
        *,
        serial: str | None = None,
        product: str | None = None,
        current_end: dt.date | None = None,
    ) -> ActivationResult:
        """Bind a code to a device (see the module's decisions)."""
        code = parse_activation_code(code)
        device = parse_device_code(device)
        store = text_field(store, "store")
        serial = text_field(serial, "serial") if serial is not None else None
        product = text_field(product, "product") if product is not None else None
        today, now = self.today(), self.now()
        try:
            with self.register.write() as tx:
                return self._activate(
                    tx, code, device, store, serial, product, current_end, today, now
                )
        except DomainError as err:
            self._audit_refusal("activate", err, code=mask_code(code), device=device, store=store)
            raise

    def _audit_refusal(self, action: str, err: DomainError, **details: str) -> None:
        try:
            with self.register.write() as tx:
                tx.audit(
                    self.now(),
                    "refused",
                    action=action,
                    reason=err.code,
                    **details,
                    params=_refusal_details(err),
                )
        except Exception:  # noqa: BLE001 - the refusal stands even when it cannot be noted
            log.exception("could not write the refusal to the audit log")

    def _code_used(self, tx: Tx, chash: str) -> DomainError:
        last = tx.last_use(chash)
        return DomainError(
            "code_used",
            device=last.device if last else "?",
            date=last.used_at.date().isoformat() if last else "?",
        )

    def _activate(
        self,
        tx: Tx,
        code: str,
        device: str,
        store: str,
        serial: str | None,
        claimed_product: str | None,
        claimed_end: dt.date | None,
        today: dt.date,
        now: dt.datetime,
    ) -> ActivationResult:
        chash = code_hash(code)
        row = tx.code(chash)
        if row is None:
            raise DomainError("code_unknown")

        def result(
            kind: str,
            signed: SignedLicense,
            old_end: dt.date | None = None,
            forfeited: int = 0,
            renewal_kind: str | None = None,
        ) -> ActivationResult:
            return ActivationResult(
                kind, signed, chash, row.sku, row.months, old_end, forfeited, renewal_kind
            )

        live = tx.live_use(chash, device)
        if live is not None:
            lic = tx.license(live.serial)
            if lic is None or live.store != store or lic.device != device or lic.store != store:
                raise DomainError(
                    "code_used", device=live.device, date=live.used_at.date().isoformat()
                )
            return result(ALREADY_ACTIVE, self._stored(lic))

        moved = tx.transferred_license(chash)
        if moved is not None:
            if not tx.claim_use(chash):
                raise self._code_used(tx, chash)
            signed = self._sign(
                serial=moved.serial,
                store=store,
                device=device,
                product=moved.product,
                start=moved.start,
                end=moved.end,
                now=now,
            )
            tx.update_license(self._row(signed, moved.code_hash))
            tx.add_use(chash, moved.serial, device, store, now)
            tx.audit(
                now,
                "rebound",
                serial=moved.serial,
                device=device,
                store=store,
                from_device=moved.transferred_from,
                code=mask_code(code),
            )
            return result(TRANSFER, signed)

        if not tx.claim_use(chash):
            raise self._code_used(tx, chash)
        if row.kind == LICENSE:
            signed = self._sign(
                serial=new_serial(),
                store=store,
                device=device,
                product=row.sku,
                start=today,
                end=period_end(today, row.months),
                now=now,
            )
            tx.add_license(self._row(signed, chash))
            tx.add_use(chash, signed.document.serial, device, store, now)
            tx.audit(
                now,
                "activated",
                serial=signed.document.serial,
                device=device,
                store=store,
                product=row.sku,
                end=signed.document.end.isoformat(),
                code=mask_code(code),
            )
            return result(LICENSE, signed)

        target = self._renewal_target(
            tx, row, device, store, serial, claimed_product, claimed_end, today
        )
        product = self._product(tx, row.sku)
        # target.end is known here (a record, or a claim that states it): no_warranty
        # cannot arise.
        start = target.license.start if target.license is not None else None
        period = renewal_period(product.line, target.end, today, row.months, period_start=start)
        signed = self._sign(
            serial=target.license.serial if target.license else new_serial(),
            store=store,
            device=device,
            product=row.sku,
            start=period.new_start,
            end=period.new_end,
            now=now,
        )
        if target.license is not None:
            tx.update_license(self._row(signed, target.license.code_hash))
        else:
            tx.add_license(self._row(signed, chash))
        tx.add_use(chash, signed.document.serial, device, store, now)
        tx.audit(
            now,
            "renewed",
            serial=signed.document.serial,
            device=device,
            store=store,
            product=row.sku,
            old_end=target.end.isoformat() if target.end else None,
            end=period.new_end.isoformat(),
            claimed=target.license is None,
            code=mask_code(code),
        )
        return result(RENEWAL, signed, target.end, period.days_forfeited, period.kind.value)

    def _renewal_target(
        self,
        tx: Tx,
        row: CodeRow,
        device: str,
        store: str,
        serial: str | None,
        claimed_product: str | None,
        claimed_end: dt.date | None,
        today: dt.date,
    ) -> RenewalTarget:
        if serial is not None:
            lic = tx.license(serial)
            if lic is not None and lic.store == store:
                if lic.device != device:
                    raise DomainError("serial_other_device", serial=serial, device=device)
                if lic.product != row.sku:
                    raise DomainError("code_other_product", sku=row.sku, held=lic.product)
                return RenewalTarget(lic, lic.end)
        held = tx.device_licenses(device, store)
        same = [lic for lic in held if lic.product == row.sku]
        if same:
            return RenewalTarget(same[0], same[0].end)
        if claimed_product is not None and claimed_end is not None:
            if claimed_product != row.sku:
                raise DomainError("code_other_product", sku=row.sku, held=claimed_product)
            latest = add_months(today, CLAIM_MAX_MONTHS_AHEAD)
            if claimed_end > latest:
                raise DomainError(
                    "renewal_claim_implausible",
                    end=claimed_end.isoformat(),
                    latest=latest.isoformat(),
                )
            return RenewalTarget(None, claimed_end)
        if serial is not None:
            raise DomainError("serial_unknown", serial=serial)
        if held:
            raise DomainError(
                "code_other_product", sku=row.sku, held=", ".join(sorted({x.product for x in held}))
            )
        raise DomainError("renewal_without_license", device=device)

    def _product(self, tx: Tx, sku: str) -> ProductRow:
        product = tx.product(sku)
        if product is None:
            raise DomainError("unknown_product_sku", sku=sku)
        return product

    # --- transfer ---------------------------------------------------------------------
    def transfer(self, serial: str, device: str, store: str) -> TransferResult:
        """Unbind a license from its device while its period runs; frees one use of its
        code, which then binds it to the next device with the same period."""
        serial = text_field(serial, "serial")
        device = parse_device_code(device)
        store = text_field(store, "store")
        today, now = self.today(), self.now()
        try:
            with self.register.write() as tx:
                lic = tx.license(serial)
                if lic is None or lic.store != store:
                    raise DomainError("serial_unknown", serial=serial)
                done = TransferResult(
                    serial, device, lic.product, lic.start, lic.end, lic.code_hash
                )
                if lic.device is None:
                    if lic.transferred_from == device:
                        return done  # the same transfer again: the same answer
                    raise DomainError("transfer_free", license_id=serial)
                if lic.device != device:
                    raise DomainError("serial_other_device", serial=serial, device=device)
                if lic.end < today:
                    raise DomainError(
                        "transfer_not_active", license_id=serial, end=lic.end.isoformat()
                    )
                tx.release_uses(serial, device, now)
                if lic.code_hash is not None:
                    tx.release_use(lic.code_hash)
                tx.update_license(replace(lic, device=None, transferred_from=device))
                tx.audit(now, "transferred", serial=serial, from_device=device, store=store)
                return done
        except DomainError as err:
            self._audit_refusal("transfer", err, serial=serial, device=device, store=store)
            raise

    # --- the offline path -------------------------------------------------------------
    def license_file(
        self,
        code: str,
        device: str,
        store: str,
        *,
        serial: str | None = None,
        product: str | None = None,
        current_end: dt.date | None = None,
    ) -> dict[str, Any]:
        """A signed license file for a PC without a connection (same rules as activate)."""
        result = self.activate(
            code, device, store, serial=serial, product=product, current_end=current_end
        )
        return result.license.to_file()

    # --- demo-only: orders and seeding ------------------------------------------------
    def require_fulfil(self) -> None:
        if not self.allow_fulfil:
            raise DomainError("fulfil_not_allowed")

    def fulfil(self, store: str, order_ref: str, lines: Sequence[dict[str, Any]]) -> FulfilResult:
        """One renewal code per line, issued and applied: all lines or none; the same
        (store, order_ref) again returns the stored response."""
        self.require_fulfil()
        store = text_field(store, "store")
        order_ref = text_field(order_ref, "order_ref")
        parsed = _fulfil_lines(lines)
        request_key = hashlib.sha256(
            json.dumps(
                [[x.line_ref, x.device, x.product, x.serial, x.months] for x in parsed],
                sort_keys=True,
            ).encode()
        ).hexdigest()
        today, now = self.today(), self.now()
        with self.register.write() as tx:
            done = tx.fulfilment(store, order_ref)
            if done is not None:
                if done[0] != request_key:
                    raise DomainError("fulfil_conflict", order_ref=order_ref)
                return FulfilResult.from_json(json.loads(done[1]))
            out = []
            for line in parsed:
                try:
                    self._product(tx, line.product)
                    code = generate_activation_code()
                    tx.add_code(
                        code,
                        code_hash(code),
                        line.product,
                        RENEWAL,
                        line.months,
                        1,
                        now,
                        origin="fulfil",
                    )
                    activation = self._activate(
                        tx,
                        code,
                        line.device,
                        store,
                        line.serial,
                        line.product,
                        line.current_end,
                        today,
                        now,
                    )
                except DomainError as err:
                    params = {k: v for k, v in err.params.items() if k != "line_ref"}
                    raise DomainError(err.code, line_ref=line.line_ref, **params) from None
                out.append(FulfilLine(line.line_ref, code, activation))
            response = FulfilResult(store, order_ref, tuple(out))
            tx.add_fulfilment(store, order_ref, request_key, json.dumps(response.to_json()), now)
            tx.audit(now, "fulfilled", store=store, order_ref=order_ref, lines=len(out))
            return response

    def seed(self, store: str, items: Sequence[dict[str, Any]]) -> SeedResult:
        """Sign the demo database's licenses as they are (demo only)."""
        self.require_fulfil()
        store = text_field(store, "store")
        parsed = _seed_items(items)
        now = self.now()
        out = []
        with self.register.write() as tx:
            for i, item in enumerate(parsed):
                try:
                    self._product(tx, item.product)
                except DomainError as err:
                    raise DomainError(err.code, item=i, **err.params) from None
                code = generate_activation_code()
                chash = code_hash(code)
                tx.add_code(
                    code,
                    chash,
                    item.product,
                    LICENSE,
                    RENEWAL_TERM_MONTHS,
                    1,
                    now,
                    origin="seed",
                    uses=1,
                )
                signed = self._sign(
                    serial=new_serial(),
                    store=store,
                    device=item.device,
                    product=item.product,
                    start=item.start,
                    end=item.end,
                    now=now,
                )
                tx.add_license(self._row(signed, chash))
                tx.add_use(chash, signed.document.serial, item.device, store, now)
                out.append(SeededLicense(item.device, item.product, code, signed))
            tx.audit(now, "seeded", store=store, licenses=len(out))
        return SeedResult(store, tuple(out))

    # --- status and administration ------------------------------------------------------
    def public_keys(self) -> list[PublicKey]:
        return self.signer.public_keys()

    def status(self) -> AuthorityStatus:
        return AuthorityStatus(
            name=self.config.name,
            time=self.now(),
            today=self.today(),
            keys=tuple(self.public_keys()),
            fulfil_allowed=self.allow_fulfil,
        )

    def issue(
        self, sku: str, kind: str, months: int = 12, devices: int = 1, count: int = 1
    ) -> list[str]:
        if kind not in KINDS:
            raise DomainError("bad_code_kind", kind=kind)
        if not 1 <= months <= 60 or not 1 <= count <= MAX_ISSUE_COUNT:
            raise DomainError("bad_issue_numbers", months=months, count=count)
        if not 1 <= devices <= MAX_DEVICES:
            raise DomainError("bad_device_count", devices=devices, most=MAX_DEVICES)
        now = self.now()
        codes = [generate_activation_code() for _ in range(count)]
        with self.register.write() as tx:
            self._product(tx, sku)
            for c in codes:
                tx.add_code(c, code_hash(c), sku, kind, months, devices, now)
            tx.audit(now, "issued", sku=sku, kind=kind, months=months, devices=devices, count=count)
        return codes

    def codes(self, unused_only: bool = False) -> list[CodeRow]:
        with self.register.read() as tx:
            return tx.codes(unused_only)

    def add_product(self, sku: str, name: str, line: str) -> ProductRow:
        sku = text_field(sku, "sku")
        name = text_field(name, "name")
        if line not in {x.value for x in ProductLine}:
            raise DomainError("bad_product_line", line=line)
        with self.register.write() as tx:
            if tx.product(sku) is not None:
                raise DomainError("product_exists", sku=sku)
            tx.add_product(sku, name, line)
            tx.audit(self.now(), "product_added", sku=sku, name=name, line=line)
        return ProductRow(sku, name, line)

    def products(self) -> list[ProductRow]:
        with self.register.read() as tx:
            return tx.products()

    def rotate_key(self) -> str:
        now = self.now()
        kid = self.signer.create_key(self.config.key_storage, now)
        with self.register.write() as tx:
            tx.audit(now, "key_rotated", key_id=kid)
        return kid

    def audit_log(self) -> list[tuple[dt.datetime, str, dict[str, Any]]]:
        with self.register.read() as tx:
            return tx.audit_log()


def init_authority(
    data_dir: Path,
    *,
    name: str = cfg.DEFAULT_NAME,
    key_storage: KeyStorage = KeyStorage.FILE,
    now: dt.datetime | None = None,
) -> str:
    """Create an authority in ``data_dir``: register, first key, config (written last,
    so a half-made folder can be initialised again). Returns the key id."""
    data_dir = Path(data_dir)
    name = text_field(name, "name")
    if cfg.is_initialised(data_dir):
        raise DomainError("authority_exists", path=str(data_dir))
    now = now or dt.datetime.now(dt.UTC)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(data_dir, 0o700)  # the register holds the codes
    register = Register(data_dir / cfg.REGISTER_FILE)
    if not register.exists():
        register.create(now)
    signer = Signer(data_dir)
    kid = signer.create_key(key_storage, now) if not signer.has_keys() else signer.current().key_id
    cfg.save_config(data_dir, cfg.AuthorityConfig(name, key_storage))
    return kid


# --- request lines ---------------------------------------------------------------------


@dataclass(frozen=True)
class _FulfilLine:
    line_ref: str
    device: str
    product: str
    serial: str | None
    current_end: dt.date | None
    months: int


@dataclass(frozen=True)
class _SeedItem:
    device: str
    product: str
    start: dt.date
    end: dt.date


def _date_field(value: object, field: str) -> dt.date:
    if not isinstance(value, str) or len(value) != 10:
        raise DomainError("bad_date", field=field, value=str(value)[:40])
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DomainError("bad_date", field=field, value=value) from None


def _list(value: object, field: str, most: int) -> list[Any]:
    if not isinstance(value, list | tuple) or not value:
        raise DomainError("bad_request", field=field, problem="must be a non-empty list")
    if len(value) > most:
        raise DomainError("bad_request", field=field, problem=f"may hold at most {most} items")
    return list(value)


def _obj(value: object, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DomainError("bad_request", field=field, problem="must be an object")
    return value


def _only(d: dict[str, Any], field: str, allowed: set[str]) -> None:
    extra = sorted(str(k) for k in set(d) - allowed)
    if extra:
        problem = "unknown fields: " + ", ".join(extra)
        raise DomainError("bad_request", field=field, problem=problem[:80])


def _fulfil_lines(lines: object) -> list[_FulfilLine]:
    out: list[_FulfilLine] = []
    seen: set[str] = set()
    for i, raw in enumerate(_list(lines, "lines", MAX_FULFIL_LINES)):
        where = f"lines[{i}]"
        d = _obj(raw, where)
        _only(d, where, {"line_ref", "device", "product", "serial", "current_end", "months"})
        line_ref = text_field(d.get("line_ref"), f"{where}.line_ref")
        if line_ref in seen:
            raise DomainError("bad_request", field=f"{where}.line_ref", problem="appears twice")
        seen.add(line_ref)
        months = d.get("months", RENEWAL_TERM_MONTHS)
        if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= 60:
            raise DomainError("bad_months", value=str(months)[:20])
        serial = d.get("serial")
        current_end = d.get("current_end")
        out.append(
            _FulfilLine(
                line_ref=line_ref,
                device=parse_device_code(d.get("device")),  # type: ignore[arg-type]
                product=text_field(d.get("product"), f"{where}.product"),
                serial=text_field(serial, f"{where}.serial") if serial is not None else None,
                current_end=(
                    _date_field(current_end, f"{where}.current_end")
                    if current_end is not None
                    else None
                ),
                months=months,
            )
        )
    return out


def _seed_items(items: object) -> list[_SeedItem]:
    out: list[_SeedItem] = []
    for i, raw in enumerate(_list(items, "items", MAX_SEED_ITEMS)):
        where = f"items[{i}]"
        d = _obj(raw, where)
        _only(d, where, {"device", "product", "start", "end"})
        start = _date_field(d.get("start"), f"{where}.start")
        end = _date_field(d.get("end"), f"{where}.end")
        if end < start:
            raise DomainError("bad_request", field=f"{where}.end", problem="is before start")
        out.append(
            _SeedItem(
                device=parse_device_code(d.get("device")),  # type: ignore[arg-type]
                product=text_field(d.get("product"), f"{where}.product"),
                start=start,
                end=end,
            )
        )
    return out
