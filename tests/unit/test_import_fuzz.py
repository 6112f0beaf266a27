"""Fuzzing: arbitrary text and bytes into the CSV and JSON readers, the code parsers and the
formula-safe cells; nothing but DomainError ever comes out, and a refusal writes nothing.

The default run keeps examples bounded (fast); ``LICDESK_FUZZ_EXAMPLES=20000`` runs a campaign.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.codes import (
    check_activation_code,
    generate_activation_code,
    parse_activation_code,
    parse_device_code,
    shown,
)
from desktop.domain.errors import DomainError
from desktop.messages import MESSAGES, render
from desktop.services import dataset as ds
from desktop.services import demo_data
from desktop.services.cells import FORMULA_STARTS, safe_text, unsafe_text
from tests.conftest import TODAY
from tests.support.mutate import mutate as _mutate

EXAMPLES = int(os.environ.get("LICDESK_FUZZ_EXAMPLES", "120"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
DEMO = demo_data.build(TODAY)
GOOD_CSV = ds.to_csv(DEMO)
GOOD_JSON = ds.to_json(DEMO)

#: Text that reaches for the odd corners: surrogates (undecodable argv bytes), NUL,
#: controls, bidi and zero-width characters, full-width forms, huge runs.
nasty = st.text(
    alphabet=st.one_of(
        st.characters(codec=None, categories=None),
        st.sampled_from(list("\x00\r\n\t\"',;=+-@\ufeff\u200b\u202e\udcff\ud800ＣＰ０１")),
    ),
    max_size=300,
)


def _safe(e: DomainError) -> None:
    assert e.code in MESSAGES, e.code
    render(e.code, e.params).encode("utf-8")  # the CLI can always print it


@FUZZ
@given(nasty)
def test_code_parsers_take_any_text(text: str) -> None:
    for parse in (parse_device_code, parse_activation_code):
        try:
            value = parse(text)
        except DomainError as e:
            _safe(e)
        else:
            assert value.isascii() and value == value.strip()
    c = check_activation_code(text)
    (c.bad_letters + (c.code or "")).encode("utf-8")
    shown(text).encode("utf-8")


def test_code_parsers_take_huge_text() -> None:
    for text in ("C" * 10_000_000, "\udcff" * 1_000_000, "\x00" * 1_000_000):
        with pytest.raises(DomainError):
            parse_device_code(text)
        with pytest.raises(DomainError):
            parse_activation_code(text)
        assert check_activation_code(text).code is None


def test_full_width_codes_read_as_ascii() -> None:
    code = generate_activation_code()
    wide = "".join(chr(ord(c) + 0xFEE0) if c != "-" else c for c in code)
    assert parse_activation_code(wide) == code
    assert parse_device_code("ｃｐ３０-3210741300095-3210741300095").startswith("CP30-")


@FUZZ
@given(st.text(max_size=50))
def test_safe_text_round_trips_and_never_starts_a_formula(value: str) -> None:
    cell = safe_text(value)
    assert not cell or cell[0] not in FORMULA_STARTS
    assert unsafe_text(cell) == value


def _check(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        plan = ds.check_file(path, TODAY)
    except DomainError as e:
        _safe(e)
        return
    for _devices, licenses in plan.batches(100):  # pass 2 reads what pass 1 accepted
        assert all(lic.product_sku for lic in licenses)


@FUZZ
@given(st.binary(max_size=2000))
def test_csv_reader_takes_any_bytes(tmp_path: Path, data: bytes) -> None:
    _check(tmp_path, "f.csv", GOOD_CSV.split("\n", 1)[0].encode() + b"\n" + data)


@FUZZ
@given(st.binary(max_size=2000))
def test_json_reader_takes_any_bytes(tmp_path: Path, data: bytes) -> None:
    _check(tmp_path, "f.json", data)


@FUZZ
@given(st.randoms(use_true_random=False), st.integers(1, 12))
def test_mutated_exports_are_read_or_refused(
    tmp_path: Path, rng: random.Random, edits: int
) -> None:
    for name, good in (("m.csv", GOOD_CSV), ("m.json", GOOD_JSON)):
        text = _mutate(rng, good, edits)
        _check(tmp_path, name, text.encode("utf-8", "surrogateescape"))


@FUZZ
@given(
    st.lists(
        st.fixed_dictionaries({c: nasty for c in ds.CSV_COLUMNS}),
        min_size=1,
        max_size=5,
    )
)
def test_csv_rows_of_any_text(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=ds.CSV_COLUMNS)
    w.writeheader()
    w.writerows(rows)
    _check(tmp_path, "r.csv", out.getvalue().encode("utf-8", "surrogatepass"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | nasty,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(nasty, children, max_size=4),
    max_leaves=20,
)


@FUZZ
@given(
    st.sampled_from(["products", "stores", "bases", "devices", "licenses", "releases", "settings"]),
    st.integers(0, 3),
    st.sampled_from(["", "sku", "code", "seats", "history", "at", "amount"]),
    json_values,
)
def test_json_fields_of_any_value(
    tmp_path: Path, section: str, index: int, key: str, value: object
) -> None:
    data = json.loads(GOOD_JSON)
    target = data[section]
    if isinstance(target, list) and target:
        item = target[index % len(target)]
        if isinstance(item, dict) and key:
            item[key] = value
        else:
            target[index % len(target)] = value
    else:
        data[section] = value if not key else {key: value}
    with contextlib.suppress(ValueError):  # json.dumps refuses NaN only with allow_nan=False
        raw = json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")
        _check(tmp_path, "v.json", raw)
