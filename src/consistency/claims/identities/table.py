"""The table of identities (``data/identities.toml``): loaded, validated and parsed once.

Each identity's formula is parsed into a small expression tree over its term names
(``男性 ÷ 女性 × 100``), evaluated over exact intervals and written back with the
figures the text states (``242 067人 ÷ 230 349人 × 100``). A malformed table raises
:class:`~consistency.errors.DataFileError` naming the identity and the key.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources

from ...errors import DataFileError
from ...intervals import Interval
from ...numerals import fold

__all__ = ["Expr", "Identity", "Words", "by_id", "identities", "words"]

_PATH = "data/identities.toml"


# ---------------------------------------------------------------- formulas


@dataclass(frozen=True, slots=True)
class Expr:
    """A formula: a term name, a number, or an operator over two formulas."""

    op: str  # "term", "num", "+", "−", "×", "÷"
    name: str = ""
    value: Fraction = Fraction(0)
    left: Expr | None = None
    right: Expr | None = None

    def terms(self) -> tuple[str, ...]:
        """The term names, in the order they are written, each once."""
        if self.op == "term":
            return (self.name,)
        if self.op == "num":
            return ()
        assert self.left is not None and self.right is not None
        return tuple(dict.fromkeys((*self.left.terms(), *self.right.terms())))

    def evaluate(self, values: Mapping[str, Interval]) -> Interval:
        """The exact interval of the formula with each term's interval."""
        if self.op == "term":
            return values[self.name]
        if self.op == "num":
            return Interval.exact(self.value)
        assert self.left is not None and self.right is not None
        a, b = self.left.evaluate(values), self.right.evaluate(values)
        return _APPLY[self.op](a, b)

    def written(self, texts: Mapping[str, str], top: bool = True) -> str:
        """The formula with each term written as the figure the text states."""
        if self.op == "term":
            return texts[self.name]
        if self.op == "num":
            return _fmt(self.value)
        assert self.left is not None and self.right is not None
        left = self.left.written(texts, False)
        right = self.right.written(texts, False)
        if self.right.op in ("+", "−") or (self.op == "÷" and self.right.op in ("×", "÷")):
            right = f"({right})"
        if self.op in ("×", "÷") and self.left.op in ("+", "−"):
            left = f"({left})"
        return f"{left} {self.op} {right}"

    @property
    def per(self) -> Fraction:
        """The base a ratio is written on: N in a formula ending ``× N`` (100 for a sex
        ratio), else 1."""
        if self.op == "×" and self.right is not None and self.right.op == "num":
            return self.right.value
        return Fraction(1)

    @property
    def divides(self) -> bool:
        """Does the formula divide (a ratio or a rate), rather than add or subtract?"""
        if self.op in ("÷", "×"):
            return True
        if self.left is None or self.right is None:
            return False
        return self.left.divides or self.right.divides


_APPLY: dict[str, Callable[[Interval, Interval], Interval]] = {
    "+": lambda a, b: a + b,
    "−": lambda a, b: a - b,
    "×": lambda a, b: a * b,
    "÷": lambda a, b: a / b,
}
_OPERATORS = {"+": "+", "-": "−", "−": "−", "*": "×", "×": "×", "/": "÷", "÷": "÷"}
_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([-−+*×/÷()])|([^\s\d\-−+*×/÷()]+))")


def _fmt(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else str(float(value))


def parse_formula(text: str) -> Expr:
    """``出生率 − 死亡率`` → an :class:`Expr`; ValueError names what is wrong."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text.rstrip()):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise ValueError(f"cannot read the formula at {text[pos:]!r}")
        number, op, name = m.groups()
        tokens.append(("num", number) if number else ("op", op) if op else ("term", name))
        pos = m.end()
    expr, rest = _sum(tokens)
    if rest:
        raise ValueError(f"unexpected {rest[0][1]!r} in the formula")
    return expr


def _sum(tokens: list[tuple[str, str]]) -> tuple[Expr, list[tuple[str, str]]]:
    return _binary(tokens, ("+", "−"), _product)


def _product(tokens: list[tuple[str, str]]) -> tuple[Expr, list[tuple[str, str]]]:
    return _binary(tokens, ("×", "÷"), _atom)


def _binary(
    tokens: list[tuple[str, str]],
    ops: tuple[str, str],
    operand: Callable[[list[tuple[str, str]]], tuple[Expr, list[tuple[str, str]]]],
) -> tuple[Expr, list[tuple[str, str]]]:
    """Operands joined by ``ops``, left to right (``a − b − c`` is ``(a − b) − c``)."""
    left, rest = operand(tokens)
    while rest and rest[0][0] == "op" and _OPERATORS.get(rest[0][1]) in ops:
        op = _OPERATORS[rest[0][1]]
        right, rest = operand(rest[1:])
        left = Expr(op, left=left, right=right)
    return left, rest


def _atom(tokens: list[tuple[str, str]]) -> tuple[Expr, list[tuple[str, str]]]:
    if not tokens:
        raise ValueError("the formula ends too early")
    kind, text = tokens[0]
    if kind == "num":
        return Expr("num", value=Fraction(text)), tokens[1:]
    if kind == "term":
        return Expr("term", name=text), tokens[1:]
    if text == "(":
        inner, rest = _sum(tokens[1:])
        if not rest or rest[0] != ("op", ")"):
            raise ValueError("a bracket is not closed")
        return inner, rest[1:]
    raise ValueError(f"unexpected {text!r} in the formula")


# ---------------------------------------------------------------- the table


@dataclass(frozen=True, slots=True)
class Identity:
    """One identity of the table, its words folded (one Traditional character for one
    Simplified, as the text is read)."""

    id: str
    name: str
    en: str
    result: tuple[str, ...]
    formulas: tuple[Expr, ...]
    terms: Mapping[str, tuple[str, ...]]
    exclude: tuple[str, ...]
    reach: int


@dataclass(frozen=True, slots=True)
class Words:
    """The shared word lists of the table: link words, earlier-period words."""

    link: tuple[str, ...]
    earlier: tuple[str, ...]


def _strings(raw: object, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(w, str) and w for w in raw):
        raise DataFileError(_PATH, "expected a non-empty list of non-empty strings", key=where)
    # folded like the text, longest first so that the most specific word is found first
    return tuple(sorted(dict.fromkeys(fold(w) for w in raw), key=len, reverse=True))


@functools.cache
def _raw() -> dict[str, object]:
    try:
        text = resources.files("consistency").joinpath(_PATH).read_text(encoding="utf-8")
        return tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(_PATH, str(exc)) from exc


@functools.cache
def identities() -> tuple[Identity, ...]:
    """Every identity of the table, validated."""
    entries = _raw().get("identity")
    if not isinstance(entries, list) or not entries:
        raise DataFileError(_PATH, "expected [[identity]] tables", key="identity")
    out = []
    for n, e in enumerate(entries):
        where = f"identity[{n}]"
        if not isinstance(e, dict) or not isinstance(e.get("id"), str):
            raise DataFileError(_PATH, "each identity needs an id", key=where)
        where = f"identity {e['id']}"
        formulas = e.get("formula")
        written = [formulas] if isinstance(formulas, str) else formulas
        if not isinstance(written, list) or not all(isinstance(f, str) for f in written):
            raise DataFileError(_PATH, "formula: a string or a list of strings", key=where)
        try:
            parsed = tuple(parse_formula(f) for f in written)
        except (ValueError, ZeroDivisionError) as exc:
            raise DataFileError(_PATH, f"formula: {exc}", key=where) from exc
        raw_terms = e.get("terms")
        if not isinstance(raw_terms, dict):
            raise DataFileError(_PATH, "expected a [identity.terms] table", key=where)
        terms = {name: _strings(ws, f"{where}.terms.{name}") for name, ws in raw_terms.items()}
        for f in parsed:
            missing = [t for t in f.terms() if t not in terms]
            if missing:
                raise DataFileError(_PATH, f"formula names {missing[0]}, not in terms", key=where)
        reach = e.get("reach", 2)
        if not isinstance(reach, int) or not 0 <= reach <= 5:
            raise DataFileError(_PATH, "reach: a whole number from 0 to 5", key=where)
        for key in ("name", "en"):
            if not isinstance(e.get(key), str) or not e[key]:
                raise DataFileError(_PATH, f"{key}: a non-empty string", key=where)
        out.append(
            Identity(
                e["id"], e["name"], e["en"], _strings(e.get("result"), f"{where}.result"),
                parsed, terms, _strings(e["exclude"], f"{where}.exclude") if "exclude" in e else (),
                reach,
            )
        )
    ids = [i.id for i in out]
    if len(ids) != len(set(ids)):
        raise DataFileError(_PATH, "an id is used twice", key="identity")
    return tuple(out)


@functools.cache
def by_id() -> dict[str, Identity]:
    """The identities of the table by their id."""
    return {i.id: i for i in identities()}


@functools.cache
def words() -> Words:
    """The shared word lists."""
    raw = _raw()

    def table(name: str) -> tuple[str, ...]:
        body = raw.get(name)
        if not isinstance(body, dict):
            raise DataFileError(_PATH, "expected a table with `words`", key=name)
        return _strings(body.get("words"), f"{name}.words")

    return Words(table("link"), table("earlier"))
