"""Text cells that a spreadsheet cannot run as formulas (OWASP "CSV Injection").

OWASP's advice: a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab (0x09) or a
carriage return (0x0D) may be read by Excel, LibreOffice or Google Sheets as a formula;
prefix it with a single quote so that it stays text. We add the full-width forms of
the four signs (some spreadsheets fold them) and a line feed.

Round trip (our decision): the app's own CSV must import back exactly as it was
exported. So :func:`safe_text` also prefixes a value that already begins with a single
quote, and :func:`unsafe_text` removes one leading quote only when what follows it
begins with one of those characters or with another quote. "-Kasa" is exported as
"'-Kasa" and imported as "-Kasa"; "'Kasa" (a real leading quote) is exported as
"''Kasa" and imported as "'Kasa". A hand-made file loses a leading quote only where it
stands before a formula sign, which is exactly where a spreadsheet would have hidden it.

Only free text goes through these helpers: dates and money stay typed values (XLSX) or
plain ISO/decimal text (CSV), which never begin with a formula sign.
"""

from __future__ import annotations

#: Leading characters that make a spreadsheet treat a cell as a formula.
FORMULA_STARTS = frozenset("=+-@\t\r\n＝＋－＠")
QUOTE = "'"


def safe_text(value: object) -> str:
    """The cell text for ``value``: prefixed with ``'`` when it could run as a formula."""
    text = "" if value is None else str(value)
    if text and (text[0] in FORMULA_STARTS or text[0] == QUOTE):
        return QUOTE + text
    return text


def unsafe_text(cell: str) -> str:
    """Undo :func:`safe_text` (import): drop one protective leading quote."""
    if len(cell) >= 2 and cell[0] == QUOTE and (cell[1] in FORMULA_STARTS or cell[1] == QUOTE):
        return cell[1:]
    return cell
