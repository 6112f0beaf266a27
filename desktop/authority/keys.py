"""Ed25519 keys: the authority's private key lives in the keyring; customers hold
only public keys, in a trust file outside the database (so editing the database
cannot make a forged key trusted)."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from desktop.domain.errors import DomainError
from desktop.services.ports import SecretStore

CURRENT = "authority-current-key"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def key_id(public: bytes) -> str:
    return "ed25519:" + hashlib.sha256(public).hexdigest()[:16]


def public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def create_key(secrets: SecretStore) -> tuple[str, bytes]:
    """A new signing key; the private half goes to the keyring only."""
    private = Ed25519PrivateKey.generate()
    public = public_bytes(private.public_key())
    kid = key_id(public)
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    secrets.set(f"authority-key:{kid}", _b64(raw))
    secrets.set(CURRENT, kid)
    return kid, public


def signing_key(secrets: SecretStore) -> tuple[str, Ed25519PrivateKey]:
    kid = secrets.get(CURRENT)
    raw = secrets.get(f"authority-key:{kid}") if kid else None
    if not kid or not raw:
        raise DomainError("authority_not_initialised")
    return kid, Ed25519PrivateKey.from_private_bytes(base64.b64decode(raw))


class TrustStore:
    """Trusted public keys in a JSON file: ``{key_id: base64 public key}``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> dict[str, Ed25519PublicKey]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        out = {}
        for kid, b64 in data.items() if isinstance(data, dict) else []:
            try:
                pub = base64.b64decode(b64)
                if key_id(pub) == kid:  # a key listed under another id is ignored
                    out[kid] = Ed25519PublicKey.from_public_bytes(pub)
            except (ValueError, TypeError):
                continue
        return out

    def add(self, public: bytes) -> str:
        kid = key_id(public)
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        data[kid] = _b64(public)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".part")
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        tmp.replace(self.path)
        return kid


def verify(
    keys: dict[str, Ed25519PublicKey], kid: str | None, signature: str | None, payload: bytes
) -> bool:
    if not kid or not signature or kid not in keys:
        return False
    try:
        keys[kid].verify(base64.b64decode(signature), payload)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def sign(private: Ed25519PrivateKey, payload: bytes) -> str:
    return _b64(private.sign(payload))
