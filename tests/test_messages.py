"""The catalogue of findings: unique, well-formed codes, each with its documentation page."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from consistency import messages
from consistency.messages import CATALOGUE, Message
from consistency.verdicts import Severity

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"
#: every family tuple of the module (_TOTALS, _SHARES, …), so a tuple left out of
#: CATALOGUE, or a code defined in two of them, is seen
ALL: tuple[Message, ...] = tuple(
    m
    for name, value in vars(messages).items()
    if re.fullmatch(r"_[A-Z]+", name) and isinstance(value, tuple)
    for m in value
)


def _fields(template: str) -> set[str]:
    """The figures a template names; ``mode_en`` and ``mode`` are one figure in two languages."""
    found = {f for _, f, _, _ in string.Formatter().parse(template) if f}
    return {f.removesuffix("_en") for f in found}


def test_every_family_tuple_reaches_the_catalogue_and_no_code_is_used_twice() -> None:
    codes = [m.code for m in ALL]
    assert len(codes) == len(set(codes)), "a code is defined twice"
    assert set(codes) == set(CATALOGUE)


def test_names_are_unique_too() -> None:
    names = [m.name for m in CATALOGUE.values()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("message", CATALOGUE.values(), ids=lambda m: m.code)
def test_a_message_is_well_formed(message: Message) -> None:
    assert re.fullmatch(r"C[1-9]\d\d", message.code)
    assert re.fullmatch(r"[a-z][a-z0-9-]+", message.name)
    assert isinstance(message.severity, Severity)
    assert message.summary.strip() and message.zh.strip() and message.en.strip()
    # both languages say the same thing: they name the same figures
    assert _fields(message.zh) == _fields(message.en)


#: the sections every page has (docs/rules/README.md holds the templates); the example
#: section's heading may say "A real example", "An example", "真实例子", "例子"
SECTIONS = {
    "en": ("What it checks", "Why it matters", "example", "What passes", "Limits", "Sources"),
    "zh": ("检查什么", "为什么重要", "例子", "可以通过", "局限", "依据"),
}
PAGES = {"en": DOCS, "zh": DOCS / "zh"}
SEVERITY_WORD = {
    "en": {s: s.value for s in Severity},
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "提醒", Severity.INFO: "说明"},
}


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_every_code_has_its_page_and_every_page_its_code(lang: str) -> None:
    pages = {p.stem for p in PAGES[lang].glob("C*.md")}
    assert pages == set(CATALOGUE), (
        f"codes without a {lang} page: {sorted(set(CATALOGUE) - pages)}; "
        f"{lang} pages without a code: {sorted(pages - set(CATALOGUE))}"
    )


@pytest.mark.parametrize("lang", sorted(PAGES))
@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_a_page_names_its_code_and_has_every_section(code: str, lang: str) -> None:
    page = (PAGES[lang] / f"{code}.md").read_text(encoding="utf-8")
    m = CATALOGUE[code]
    title = page.splitlines()[0]
    assert title.startswith(f"# {code} {m.name}"), title
    assert SEVERITY_WORD[lang][m.severity] in title, "the title names the default severity"
    headings = re.findall(r"^## (.+)$", page, re.MULTILINE)
    for section in SECTIONS[lang]:
        assert any(section.lower() in h.lower() for h in headings), f"no section {section!r}"


def test_every_message_says_what_it_finds_in_both_languages() -> None:
    for m in CATALOGUE.values():
        assert m.summary.strip() and m.summary_zh.strip(), m.code
        assert re.search(r"[\u4e00-\u9fff]", m.summary_zh), m.code


def test_an_unknown_code_is_named_in_the_error() -> None:
    with pytest.raises(KeyError, match="C999"):
        messages.lookup("C999")
