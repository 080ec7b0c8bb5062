"""Tables read as grids for the table-total checks: figures, blanks, words, totals.

A helper of :mod:`consistency.claims.tables`, which states the relation; this module
reads a :class:`~consistency.document.Table` cell by cell (a figure, a blank that adds
nothing, or words), finds its total rows and columns by the labels in
``data/cues/tables.toml``, and works out which cells each total closes. Anything that is
not plain yields no claim.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from fractions import Fraction

from ..claim import Claim
from ..document import Cell, Table
from ..quantities import Quantity
from ._match import family, load_cues
from .binding import named

__all__ = ["Grid"]

_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
_BLANKS = frozenset({"", "-", "--", "—", "——", "–", "/", "－", "／", "…"})
_BRACKET = re.compile(r"[(（\[【]([^()（）\[\]【】]*)[)）\]】]")
_NUMBERING = (
    re.compile(r"^[一二三四五六七八九十]+[、.．]"),
    re.compile(r"^[（(][一二三四五六七八九十]+[)）]"),
    re.compile(r"^\d+[、.．](?!\d)"),
    re.compile(r"^[（(]\d+[)）]"),
)
_LEVELS = ("subtotal", "total", "grand")
#: the longest group name read before a total word ("本年合计", "一般公共预算收入合计")
_GROUP_NAME = 10


def _cues() -> dict[str, dict[str, tuple[str, ...]]]:
    """The cue table ``data/cues/tables.toml`` (loaded once, validated by ``load_cues``)."""
    return load_cues("tables")


@functools.lru_cache(maxsize=4096)
def _label(text: str) -> tuple[str, str | None]:
    """A label without spaces, colons and its bracketed unit, and that unit."""
    t = unicodedata.normalize("NFKC", text)
    unit = None
    m = _BRACKET.search(t)
    if m:
        unit = m.group(1).replace("单位", "").strip(" :：") or None
        t = t[: m.start()] + t[m.end() :]
    return re.sub(r"[\s:：]", "", t), unit


@functools.lru_cache(maxsize=4096)
def _level(text: str) -> int | None:
    word, _ = _label(text)
    labels = _cues()["labels"]
    for level, key in enumerate(_LEVELS):
        if word in labels[key]:
            return level
    # "本年合计", "收入合计": a short name before the total word names its group
    for level, key in enumerate(_LEVELS):
        for total in labels[key]:
            head = word[: -len(total)]
            named = 0 < len(head) <= _GROUP_NAME and not any(ch.isdigit() for ch in head)
            if word.endswith(total) and named:
                return level
    return None


def _figure(cell: Cell, unit: str | None) -> Quantity | None | str:
    """The cell as a figure, ``None`` when blank, ``"text"`` when it holds words."""
    t = unicodedata.normalize("NFKC", cell.text).strip()
    if t in _BLANKS:
        return None
    if not _NUMBER.fullmatch(t):
        return "text"
    percent = t.endswith("%")
    digits = t.rstrip("%").replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    # a percentage is a fraction of 1, as the scanner reads one (90.7% → 0.907), so a
    # total is computed, judged and shown in the same terms as every other share
    value = _exact(digits)
    resolution = _STEPS[decimals] if decimals < len(_STEPS) else Fraction(1, 10**decimals)
    if percent:
        value, resolution = value / 100, resolution / 100
    return Quantity(
        cell.start, cell.end, cell.text, value, value, value,
        decimals=decimals, resolution=resolution,
        unit="%" if percent else unit,
    )


#: the step of a figure with 0, 1, 2… decimals, built once (a long table has many cells)
_STEPS = tuple(Fraction(1, 10**d) for d in range(8))


def _exact(digits: str) -> Fraction:
    """The value of plain decimal digits; a whole number without parsing a Fraction."""
    if digits.isdigit():
        return Fraction(int(digits))
    return Fraction(digits)


class Grid:
    """One table read as a grid of figures, blanks and words."""

    def __init__(self, table: Table, kind: str) -> None:
        self.kind_name = kind
        self.table = table
        self.origin: dict[tuple[int, int], Cell] = {}
        self.covered: set[tuple[int, int]] = set()
        for row in table.rows:
            for c in row:
                for dr in range(c.rowspan):
                    for dc in range(c.colspan):
                        pos = (c.row + dr, c.column + dc)
                        if (dr, dc) == (0, 0):
                            self.origin[pos] = c
                        else:
                            self.covered.add(pos)
        self.n_rows = table.n_rows
        self.n_cols = table.n_columns
        self.kinds: dict[tuple[int, int], str] = {}
        self._labelled: dict[int, list[int]] | None = None
        # column → the word cells over it, merged headings included, top to bottom
        self.words_over: dict[int, list[tuple[int, str]]] = {}
        for (r, c), cell in sorted(self.origin.items()):
            f = _figure(cell, None)
            self.kinds[(r, c)] = "text" if f == "text" else "blank" if f is None else "num"
            if f == "text":
                for cc in range(c, c + cell.colspan):
                    self.words_over.setdefault(cc, []).append((r, cell.text))

    def cell(self, r: int, c: int) -> Cell | None:
        """The cell whose top-left grid place is (``r``, ``c``)."""
        return self.origin.get((r, c))

    def kind(self, r: int, c: int) -> str:
        """``num``, ``blank``, ``text`` or ``merged`` (covered by a merged cell)."""
        if (r, c) in self.covered:
            return "merged"
        return self.kinds.get((r, c), "blank")

    def heading(self, c: int, below: int) -> str:
        """The words above row ``below`` in column ``c`` (merged headings included)."""
        return " ".join(t for r, t in self.words_over.get(c, ()) if r < below)

    def serial(self, c: int, rows: list[int]) -> bool:
        """Column ``c`` reads 1, 2, 3, … down ``rows``: serial numbers, not figures."""
        cells = [self.cell(r, c) for r in rows]
        texts = [cell.text.strip() if cell is not None else "" for cell in cells]
        numbered = [t for t in texts if t]
        return len(numbered) >= 3 and numbered == [str(i) for i in range(1, len(numbered) + 1)]

    def leftmost(self, r: int) -> int | None:
        """The column of the first non-blank cell of row ``r``."""
        for c in range(1, self.n_cols + 1):
            if self.kind(r, c) != "blank":
                return c
        return None

    def claims(self) -> Iterator[Claim]:
        """The claims of every total row and total column of the table."""
        cues = _cues()["columns"]
        words = [t for column in self.words_over.values() for _, t in column]
        if any(w in t for t in words for w in cues["subset"]):
            return  # 其中: some figures are parts of other parts, sums are not plain
        heads: list[tuple[int, int, int]] = []  # (row, column, level) of total columns
        for (r, c), cell in sorted(self.origin.items()):
            level = _level(cell.text)
            if level is None:
                continue
            if any(self.kind(r, cc) == "num" for cc in range(c + 1, self.n_cols + 1)):
                if self.leftmost(r) == c:  # a total row is labelled at its start
                    yield from self._column_totals(r, c, level)
            elif any(self.kind(rr, c) == "num" for rr in range(r + 1, self.n_rows + 1)):
                heads.append((r, c, level))
        levels = {c: level for _, c, level in heads}
        for r, c, _ in heads:
            yield from self._row_totals(r, c, levels)

    # -- a total row: each column adds up -----------------------------------------------
    def _column_totals(self, rt: int, cl: int, level: int) -> Iterator[Claim]:
        rows = self._section(rt, cl, level)
        if rows is None:
            return
        labels = [self.cell(r, cl).text for r in rows if self.cell(r, cl) is not None]
        if _mixed_numbering(labels):
            return
        for c in range(cl + 1, self.n_cols + 1):
            if self.kind(rt, c) != "num":
                continue
            first = min(rows + [rt])
            head = self.heading(c, first)
            if _skipped(head):
                continue
            kinds = [self.kind(r, c) for r in rows]
            if any(k in ("text", "merged") for k in kinds):
                continue
            _, unit = _label(head)
            yield from self._claim(rt, c, [(r, c) for r in rows], unit, f"第{c}列", f"column {c}")

    def _section(self, rt: int, cl: int, level: int) -> list[int] | None:
        """The rows a total row at ``rt`` adds up, or None when that is not plain."""
        def lvl(r: int) -> int | None:
            cell = self.cell(r, cl)
            return _level(cell.text) if cell is not None else None

        def data(r: int) -> bool:
            return any(self.kind(r, c) == "num" for c in range(cl + 1, self.n_cols + 1))

        above: list[int] = []
        r = rt - 1
        while r >= 1 and data(r) and not ((lv := lvl(r)) is not None and lv >= level):
            above.append(r)
            r -= 1
        above.reverse()
        if above:
            lower = [x for x in above if lvl(x) is not None]
            if not lower:
                return above
            if lvl(above[-1]) is None:
                return None  # subtotals that do not close the last group: not plain
            top = max(lvl(x) for x in lower)  # type: ignore[type-var]
            return [x for x in lower if lvl(x) == top]
        below: list[int] = []
        r = rt + 1
        while r <= self.n_rows and data(r):
            if lvl(r) is not None:
                return None if lvl(r) < level else below  # type: ignore[operator]
            below.append(r)
            r += 1
        return below

    # -- a total column: each row adds up -----------------------------------------------
    def _row_totals(self, h: int, tc: int, levels: dict[int, int]) -> Iterator[Claim]:
        """Each row's figure under the total heading at (``h``, ``tc``) against its parts.

        ``levels`` maps every total column of the table to its level: with several, each
        closes the group of columns since the previous total of its level or above (本年:
        A, B, 合计; 上年: A, B, 合计), or, when the first total has no figures to its
        left, heads the group after it.
        """
        _, total_unit = _label(self.cell(h, tc).text)  # type: ignore[union-attr]
        data_rows = [r for r in range(h + 1, self.n_rows + 1) if self.kind(r, tc) == "num"]
        if _skipped(self.heading(tc, h + 1), share_too=True):
            return

        def side(cols: range) -> list[int]:
            return [
                c for c in cols
                if any(self.kind(r, c) == "num" for r in data_rows)
                and not _skipped(self.heading(c, h + 1), share_too=True)
                and not (self.heading(c, h + 1) == "" and self.serial(c, data_rows))
            ]

        if len(levels) > 1:
            cols = self._group(tc, levels, side)
            if cols is None:
                return
            yield from self._row_claims(data_rows, tc, cols, total_unit)
            return
        left, right = side(range(1, tc)), side(range(tc + 1, self.n_cols + 1))

        def foreign(cols: list[int]) -> bool:
            """Every column names a unit, and none is the total's: not its parts."""
            units = {_label(self.heading(c, h + 1))[1] for c in cols}
            return bool(total_unit) and None not in units and total_unit not in units

        if left and right:
            if foreign(right):
                right = []
            elif foreign(left):
                left = []
            else:
                return  # figures on both sides and nothing tells which are the parts
        yield from self._row_claims(data_rows, tc, left or right, total_unit)

    def _group(
        self, tc: int, levels: dict[int, int], side: Callable[[range], list[int]]
    ) -> list[int] | None:
        """The part columns of total column ``tc`` among several, or None if not plain."""
        level = levels[tc]
        if not side(range(1, min(levels))):  # totals head their groups: 合计 A B 合计 A B
            end = min((c for c, lv in levels.items() if c > tc and lv >= level), default=0)
            span = range(tc + 1, end or self.n_cols + 1)
            return None if any(c in levels for c in span) else side(span)
        start = max((c for c, lv in levels.items() if c < tc and lv >= level), default=0)
        span = range(start + 1, tc)
        lower = [c for c in span if c in levels]
        if not lower:
            return side(span)
        figures = side(span) + lower
        if max(figures) not in levels:
            return None  # subtotals that do not close the last group: not plain
        top = max(levels[c] for c in lower)
        return [c for c in lower if levels[c] == top]

    def _row_claims(
        self, rows: list[int], tc: int, cols: list[int], unit: str | None
    ) -> Iterator[Claim]:
        for r in rows:
            kinds = [self.kind(r, c) for c in cols]
            if any(k in ("text", "merged") for k in kinds):
                continue
            places = [(r, c) for c in cols]
            yield from self._claim(r, tc, places, unit, f"第{r}行", f"row {r}")

    # -- the claim ----------------------------------------------------------------------
    def _claim(
        self,
        r: int,
        c: int,
        places: list[tuple[int, int]],
        unit: str | None,
        where: str,
        where_en: str,
    ) -> Iterator[Claim]:
        total_cell = self.cell(r, c)
        if total_cell is None:
            return
        stated = _figure(total_cell, unit)
        parts = [f for p in places if (cell := self.cell(*p)) is not None
                 and isinstance(f := _figure(cell, unit), Quantity)]
        if not isinstance(stated, Quantity) or len(parts) < 2:
            return
        if len({q.is_percent for q in (stated, *parts)}) != 1:
            return
        strict = all(q.decimals == 0 for q in (stated, *parts)) and (
            unit is None or family(stated) is None
        )
        relation = f"{stated.text} = " + " + ".join(q.text for q in parts)
        label = _label(self._row_label(r, c))[0] or "合计"
        # the table's own layout names the tie: the total's label and the cells it closes
        how = f"{label} of {where_en}"
        bindings = (
            named("total", stated, f"labelled {how}"),
            *(named("part", q, f"a cell closed by {how}") for q in parts),
        )
        yield Claim(
            self.kind_name, stated.start, stated.end, stated, tuple(parts), relation,
            {
                "table": str(self.table.index), "where": where, "where_en": where_en,
                "label": label,
                "strict": "yes" if strict else "no",
            },
            bindings=bindings,
        )

    def _row_label(self, r: int, c: int) -> str:
        """The total word labelling cell (``r``, ``c``): on its row, else over its column
        (the nearest above, found by bisection: a long table has a total per row)."""
        for cc in range(1, c):
            x = self.cell(r, cc)
            if x is not None and _level(x.text) is not None:
                return x.text
        rows = self._labelled_rows().get(c, [])
        k = bisect.bisect_left(rows, r)
        if k:
            x = self.cell(rows[k - 1], c)
            if x is not None:
                return x.text
        return "合计"

    def _labelled_rows(self) -> dict[int, list[int]]:
        """Column → the rows (ascending) of its cells holding a total word, found once."""
        if self._labelled is None:
            found: dict[int, list[int]] = {}
            for (r, c), cell in sorted(self.origin.items()):
                if self.kinds.get((r, c)) == "text" and _level(cell.text) is not None:
                    found.setdefault(c, []).append(r)
            self._labelled = found
        return self._labelled


def _skipped(heading: str, *, share_too: bool = False) -> bool:
    cues = _cues()["columns"]
    words = cues["skip"] + (cues["share"] if share_too else ())
    return any(w in heading for w in words)


def _mixed_numbering(labels: list[str]) -> bool:
    styles = {i for t in labels for i, p in enumerate(_NUMBERING) if p.match(t.strip())}
    return len(styles) > 1
