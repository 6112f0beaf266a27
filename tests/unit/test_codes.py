"""Activation and device codes: the check letters are proven on a sample, parsers fuzzed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.codes import (
    ALPHABET,
    GROUPS,
    RANDOM_BITS,
    check_activation_code,
    code_hash,
    generate_activation_code,
    parse_activation_code,
    parse_device_code,
    workplace_code,
)
from desktop.domain.errors import DomainError

SAMPLE = [generate_activation_code() for _ in range(200)]


def test_shape_and_entropy() -> None:
    for code in SAMPLE[:20]:
        assert [len(g) for g in code.split("-")] == list(GROUPS)
        assert all(c in ALPHABET for c in code.replace("-", ""))
        assert parse_activation_code(code) == code
    assert RANDOM_BITS >= 80
    assert len(set(SAMPLE)) == len(SAMPLE)


def test_any_case_dashes_or_spaces() -> None:
    code = SAMPLE[0]
    plain = code.replace("-", "")
    for typed in (code.lower(), plain, " ".join(code.split("-")), f"  {plain.lower()} "):
        assert parse_activation_code(typed) == code


def test_every_single_letter_typo_is_caught_and_located() -> None:
    for code in SAMPLE:
        letters = list(code.replace("-", ""))
        group_of = [g + 1 for g, size in enumerate(GROUPS) for _ in range(size)]
        for i, original in enumerate(letters):
            for wrong in ALPHABET:
                if wrong == original:
                    continue
                typo = letters.copy()
                typo[i] = wrong
                result = check_activation_code("".join(typo))
                assert result.code is None
                assert result.bad_groups == (group_of[i],)


def test_every_neighbour_swap_is_caught() -> None:
    for code in SAMPLE:
        letters = list(code.replace("-", ""))
        for i in range(len(letters) - 1):
            if letters[i] == letters[i + 1]:
                continue
            swapped = letters.copy()
            swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
            assert check_activation_code("".join(swapped)).code is None


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("ABC", "code_length"),
        ("LICNN-XYJR-RWWYQ-QJZZS-WFYR0", "code_bad_letters"),
        ("", "code_length"),
    ],
)
def test_refusals(typed: str, code: str) -> None:
    with pytest.raises(DomainError) as err:
        parse_activation_code(typed)
    assert err.value.code == code


@given(st.text(max_size=60))
def test_activation_parser_only_raises_its_own_error(text: str) -> None:
    try:
        parse_activation_code(text)
    except DomainError as err:
        assert err.code.startswith("code_")
    check_activation_code(text)  # the live check never raises


@given(st.text(max_size=60))
def test_device_parser_only_raises_its_own_error(text: str) -> None:
    try:
        assert parse_device_code(text)
    except DomainError as err:
        assert err.code == "device_code_malformed"


def test_device_codes() -> None:
    assert parse_device_code(" cp30-3210741300095-3210741300095 ") == (
        "CP30-3210741300095-3210741300095"
    )
    for bad in ("CP30-321074130009-3210741300095", "CP30 3210741300095", "-1-2"):
        with pytest.raises(DomainError):
            parse_device_code(bad)
    a = workplace_code("machine-a")
    assert a == workplace_code("machine-a") != workplace_code("machine-b")
    assert parse_device_code(a) == a


def test_hash_hides_the_code() -> None:
    h = code_hash(SAMPLE[0])
    assert SAMPLE[0] not in h and len(h) == 64 and h == code_hash(SAMPLE[0])
