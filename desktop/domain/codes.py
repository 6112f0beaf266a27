"""Device codes and activation codes in the vendor's shapes, with typo-catching checks.

Activation code: five groups of capital letters, 5-4-5-5-5 (``LICNN-XYJR-RWWYQ-QJZZS-WFYRX``),
accepted in any case, with or without dashes or spaces. The alphabet has 23 letters
(no I, O, U: they read as 1, 0, V), a prime, so a weighted sum modulo 23 catches any
single wrong letter and any swap of two different neighbours. Each group ends with its
own check letter, so a typo is pinned to its group. 19 random letters carry
19 × log2(23) ≈ 86 bits: codes cannot be guessed.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from dataclasses import dataclass

from desktop.domain.errors import DomainError

ALPHABET = "ABCDEFGHJKLMNPQRSTVWXYZ"  # 23 letters, a prime
MODULUS = len(ALPHABET)
GROUPS = (5, 4, 5, 5, 5)
CODE_LENGTH = sum(GROUPS)
RANDOM_BITS = (CODE_LENGTH - len(GROUPS)) * 4.523  # log2(23) per random letter
_INDEX = {c: i for i, c in enumerate(ALPHABET)}

DEVICE_CODE = re.compile(r"^[A-Z0-9]{2,8}-[0-9]{13}-[0-9]{13}$")
#: Longer input is refused before any work: no code is near this long.
MAX_CODE_INPUT = 200
#: How much of a refused value an error message repeats.
SHOWN_CHARS = 60
_UNSHOWABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff]"
)


def shown(value: object, limit: int = SHOWN_CHARS) -> str:
    """A refused value as an error message may repeat it: short, printable, encodable.

    Controls, lone surrogates (undecodable command-line bytes), zero-width and
    direction characters appear as ``\\x..``/``\\u....`` escapes, so a message never
    hides or reorders text and always encodes to UTF-8.
    """
    text = value if isinstance(value, str) else str(value)
    cut = len(text) > limit
    text = text[:limit]
    text = _UNSHOWABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return text + "…" if cut else text


#: A path in a message keeps its end (the file's name) and up to this many characters.
SHOWN_PATH_CHARS = 160


def shown_path(path: object, limit: int = SHOWN_PATH_CHARS) -> str:
    """A path as a message repeats it: escaped as :func:`shown`, but a long one loses
    its beginning, never the file's name."""
    text = str(path)
    cut = len(text) > limit
    if cut:
        text = text[-(limit - 1) :]
    text = _UNSHOWABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return "…" + text if cut else text


def normal_form(text: str) -> str:
    """What a typed code means: NFKC (full-width letters and digits become ASCII)."""
    return unicodedata.normalize("NFKC", text)


def _weights(n: int) -> list[int]:
    # Non-zero and different for neighbours modulo 23: catches substitutions and swaps.
    return [i + 1 for i in range(n)]


def _group_ok(group: str) -> bool:
    values = [_INDEX[c] for c in group]
    return sum(w * v for w, v in zip(_weights(len(values)), values, strict=True)) % MODULUS == 0


def _check_letter(body: str) -> str:
    """The letter that makes the weighted sum of body+letter divisible by 23."""
    n = len(body) + 1
    w = _weights(n)
    partial = sum(wi * _INDEX[c] for wi, c in zip(w, body, strict=False))
    # find v with partial + w[-1]*v ≡ 0 (mod 23); w[-1] is invertible modulo a prime
    inv = pow(w[-1], -1, MODULUS)
    return ALPHABET[(-partial * inv) % MODULUS]


def generate_activation_code() -> str:
    groups = []
    for size in GROUPS:
        body = "".join(secrets.choice(ALPHABET) for _ in range(size - 1))
        groups.append(body + _check_letter(body))
    return "-".join(groups)


@dataclass(frozen=True)
class CodeCheck:
    """The result of reading what was typed: the normal form, or what is wrong where."""

    code: str | None  # normal form when valid
    complete: bool  # all 24 letters present
    bad_groups: tuple[int, ...]  # 1-based groups that fail their check letter
    bad_letters: str  # characters outside the alphabet


def check_activation_code(text: str) -> CodeCheck:
    """Tolerant reading for live validation; never raises, whatever the text."""
    text = text if isinstance(text, str) else ""
    if len(text) > MAX_CODE_INPUT:
        return CodeCheck(None, False, (), "")  # far too long: "24 letters" says it all
    raw = "".join(ch for ch in normal_form(text).upper() if not ch.isspace() and ch != "-")
    bad = shown("".join(sorted({ch for ch in raw if ch not in _INDEX})), 20)
    groups, pos = [], 0
    for size in GROUPS:
        groups.append(raw[pos : pos + size])
        pos += size
    complete = len(raw) == CODE_LENGTH and not bad
    bad_groups = tuple(
        i + 1
        for i, g in enumerate(groups)
        if len(g) == GROUPS[i] and all(c in _INDEX for c in g) and not _group_ok(g)
    )
    code = "-".join(groups) if complete and not bad_groups else None
    return CodeCheck(code, complete, bad_groups, bad)


def parse_activation_code(text: str) -> str:
    """The normal form ``XXXXX-XXXX-XXXXX-XXXXX-XXXXX`` or DomainError."""
    if not isinstance(text, str):
        raise DomainError("code_malformed")
    c = check_activation_code(text)
    if c.bad_letters:
        raise DomainError("code_bad_letters", letters=c.bad_letters)
    if not c.complete:
        raise DomainError("code_length")
    if c.bad_groups:
        raise DomainError("code_typo", groups=",".join(map(str, c.bad_groups)))
    assert c.code is not None
    return c.code


def code_hash(code: str) -> str:
    """What the customer side stores instead of the code."""
    return hashlib.sha256(("licdesk-code:" + code).encode()).hexdigest()


def parse_device_code(text: str) -> str:
    """The normal form (ASCII, upper case, no spaces) or DomainError, whatever the text.

    NFKC first: full-width ``ＣＰ３０`` reads as ``CP30``. What is still not ASCII after
    that (Cyrillic look-alikes, zero-width or direction characters, NUL, undecodable
    bytes) is refused, so the store only ever holds ASCII codes.
    """
    if not isinstance(text, str):
        raise DomainError("device_code_malformed", value="")
    if len(text) > MAX_CODE_INPUT:
        raise DomainError("device_code_malformed", value=shown(text))
    value = "".join(normal_form(text).split()).upper()
    if not value.isascii() or not DEVICE_CODE.match(value):
        raise DomainError("device_code_malformed", value=shown(text.strip()))
    return value


def workplace_code(machine_id: str, model: str = "PC01") -> str:
    """This PC's stable code, derived from the machine id (no personal data in it)."""
    digest = hashlib.sha256(("licdesk-workplace:" + machine_id).encode()).hexdigest()
    number = str(int(digest, 16))[-13:].rjust(13, "0")
    return f"{model}-{number}-{number}"
