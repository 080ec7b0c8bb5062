"""Lists of parts: where a list after 其中 ends, and how complete the text says it is.

Read by :mod:`.totals` (and through it by the share checks). Cue words come from
``data/cues/totals.toml``; its header explains each table.

* :func:`collect` gathers the figures after a cue, clause by clause, up to the end of
  the list: a closing bracket, a semicolon not followed by another part, a new topic;
* :meth:`Parts.pick` keeps one part per clause (the figure the clause's label names);
* :func:`reading` tells an ``explicit`` list (bracketed, closed by a remainder word,
  分别, labels naming every member of a partition, parts named by the total's noun), an
  ``exclusive`` one (parts named by members of one partition: categories that cannot
  overlap), an ``implied`` one (a plain 其中 list) and an ``open`` one (等, overlapping
  groups, 排名前五).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from ...quantities import Quantity
from .._match import (
    CLOSING,
    OPENING,
    SEMICOLONS,
    Clause,
    Context,
    Sentence,
    countable,
    family,
    figure_interval,
    load_cues,
    words_pattern,
)
from .measures import crossed_dimensions
from .partitions import covered, division, members_of_one

__all__ = [
    "AFTER_PARTS",
    "CONTAINS",
    "KINDS",
    "OUTCOME",
    "PEOPLE",
    "REMAINDER",
    "RESPECTIVE",
    "STOP",
    "SUBSET",
    "TOTAL",
    "Parts",
    "collect",
    "countable_part",
    "ends_list",
    "lead",
    "next_figure",
    "part_label",
    "read_list",
    "total_cue_in",
]

_C = load_cues("totals")
TOTAL = _C["total"]["words"]
AFTER_PARTS = _C["total"]["after_parts"]
NOT_TOTAL = _C["total"]["not"]
SUBSET = _C["subset"]["words"]
CONTAINS = _C["subset"]["contains"]
OUTCOME = _C["subset"]["outcome"]
REMAINDER = _C["exhaustive"]["remainder"]
COMPLEMENT = _C["exhaustive"]["complement"]
RESPECTIVE = _C["exhaustive"]["respective"]
OPEN_AFTER = _C["open"]["after"]
GROUPS = _C["open"]["groups"]
RANKED = _C["open"]["ranked"]
STOP = _C["open"]["stop"]
OTHER = _C["exhaustive"]["other"]
PEOPLE = frozenset(_C["families"]["people"])
KINDS = frozenset(_C["families"]["kinds"])
#: category nouns naming kinds (渠道, 类): parts that all name kinds with one are kinds
CATEGORY = _C["kinds"]["nouns"]
_S = load_cues("shares")
#: words that label a figure as a change (同比减少50件: no part of a breakdown)
CHANGE = _S["change"]["words"]
#: words that make the percentage after a part its share (占, 占比)
SHARE_WORDS = _S["share"]["words"]


#: the words that end a list of parts (a new 其中, a new topic), as one pattern: one
#: search of a clause for any, where a test of each word took a Python step per word
_LIST_END = words_pattern((*SUBSET, *STOP))


def ends_list(text: str) -> bool:
    """Does ``text`` hold a word ending a list of parts (a subset word, or a stop word)?"""
    return _LIST_END.search(text) is not None


#: every offset where some total word starts (a lookahead, so overlapping words count),
#: led by a class of the words' first characters: re skips to those at once, where a
#: pattern led by the alternation's lookahead is tried at every offset (twice as fast)
_TOTAL_AT = re.compile(
    "(?=[" + re.escape("".join(sorted({w[0] for w in TOTAL}))) + "])"
    "(?=" + "|".join(re.escape(w) for w in TOTAL) + ")"
)


@functools.lru_cache(maxsize=4096)
def total_cue_in(text: str) -> bool:
    """Does ``text`` (a label) carry a total cue, not merely a word such as 公共 or 共享?
    (The answers are kept: a label is asked about by several readings, a third of the
    times by one asked before.)"""
    # whether a cue is part of a longer word depends only on where it starts
    for m in _TOTAL_AT.finditer(text):
        i = m.start()
        if not any(
            text[max(0, i - len(n) + 1) : i + len(n)].find(n) >= 0 for n in NOT_TOTAL
        ):
            return True
    return False


def countable_part(q: Quantity) -> bool:
    """Can ``q`` be a whole or a part? Counts, money and measured amounts; not rates."""
    return countable(q) and not q.approx


@dataclass(frozen=True, slots=True)
class Parts:
    """The countable figures after a cue, clause by clause, and whether the list is a
    bracket that closed right after them."""

    by_clause: tuple[tuple[Quantity, ...], ...]
    bracketed: bool
    clauses: tuple[Clause, ...]

    @property
    def figures(self) -> tuple[Quantity, ...]:
        """Every figure collected, in order."""
        return tuple(q for qs in self.by_clause for q in qs)

    def pick(self) -> tuple[tuple[Quantity, ...], bool]:
        """One part per clause: its last figure of the first part's family (the figure
        the clause's label names: "3个公司聘用人员1155人" → 1155人).

        A bracketed list may change classifiers (件, 个, 项 all count); in a running list
        a new classifier starts a new statement ("…农民工544件,受援人达1690人次"), not
        another part. The flag returned is True when the first classifier comes back
        after the change: such a list is no breakdown, only parts."""
        first = next((q for qs in self.by_clause for q in qs), None)
        if first is None:
            return (), False
        fam = family(first)
        out: list[Quantity] = []
        for k, qs in enumerate(self.by_clause):
            mine = [q for q in qs if family(q) == fam]
            if not mine:
                continue
            part = mine[-1]
            if out and not self.bracketed and part.unit != out[-1].unit:
                # the list ends here, unless its classifier comes back later: then it
                # mixes classifiers (件…封…件) and cannot be read as one breakdown
                back = any(q.unit == out[-1].unit for qs2 in self.by_clause[k + 1 :] for q in qs2)
                return tuple(out), back
            out.append(part)
        return tuple(out), False


def collect(ctx: Context, s: Sentence, ci: int, cue_at: int) -> Parts:
    """The countable figures after ``cue_at``, up to the end of the list.

    A list opened inside a bracket ends with the bracket. A running list ends at the
    sentence end, at a semicolon not followed at once by another part, at a word that
    starts a new topic, or at a new total or 其中.
    """
    first = s.clauses[ci]
    bracketed = first.depth > 0 and (first.opener in OPENING or opens_bracket(ctx, s, ci))
    depth0 = first.depth
    by_clause: list[tuple[Quantity, ...]] = [
        tuple(q for q in first.quantities if q.start > cue_at and countable_part(q))
    ]
    used = [first]
    closed = False
    for clause in s.clauses[ci + 1 :]:
        text = ctx.clause_text(clause)
        if clause.depth < depth0:
            closed = bracketed
            break
        if clause.depth > depth0:
            continue  # a bracket inside the list details one part: not a part itself
        if ends_list(text):
            break
        if any(countable_part(q) for q in clause.quantities) and total_cue_in(lead(ctx, clause)):
            break  # a new total; "占诉求总量的54.7%" only names the base of a share
        if clause.opener in SEMICOLONS and not (
            starts_with_figure(ctx, clause) or parallellabel(ctx, by_clause, clause)
        ):
            break
        by_clause.append(
            tuple(q for q in clause.quantities if countable_part(q) and not _as_change(ctx, q, clause))
        )
        used.append(clause)
        if bracketed and clause.closer in CLOSING:
            closed = True
            break
    return Parts(tuple(by_clause), bracketed and closed, tuple(used))


def _as_change(ctx: Context, q: Quantity, clause: Clause) -> bool:
    """Is ``q`` written as a change ("同比减少50件"): a detail of the part before it?"""
    label = ctx.label_before(q, clause).rstrip().removesuffix("了")
    return label.endswith(CHANGE)  # one call tries the whole tuple


def parallellabel(
    ctx: Context, by_clause: Sequence[tuple[Quantity, ...]], clause: Clause
) -> bool:
    """Does ``clause`` name its figure like the list's first part ("第一产业增加值304.0亿元;
    第二产业增加值2155.7亿元": both end in 增加值), so the list goes on past a semicolon?"""
    first = next((q for qs in by_clause for q in qs), None)
    mine = next((q for q in clause.quantities if countable_part(q)), None)
    if first is None or mine is None:
        return False
    a = part_label(ctx, first).rstrip()
    b = ctx.label_before(mine, clause).rstrip()
    if len(a) >= 2 and len(b) >= 2 and a[-2:] == b[-2:]:
        return True
    # "甲类600万宗,…;乙类300万宗": short names of one kind, the same unit
    if 2 <= len(a) <= 6 and 2 <= len(b) <= 6 and a[-1] == b[-1] and first.unit == mine.unit:
        return True
    # "部分公开84件,…;无法提供84件": two members of one partition
    return first.unit == mine.unit and members_of_one(a, b)


def opens_bracket(ctx: Context, s: Sentence, ci: int) -> bool:
    """Is the cue's clause the first one inside a bracket ("(其中:…")?"""
    k = ci
    while k > 0 and s.clauses[k].opener not in OPENING:
        k -= 1
        if s.clauses[k].depth < s.clauses[ci].depth:
            return False
    return s.clauses[k].opener in OPENING


def lead(ctx: Context, clause: Clause) -> str:
    """The words of ``clause`` before its first figure."""
    end = clause.quantities[0].start if clause.quantities else clause.end
    return ctx.between(clause.start, end)


def starts_with_figure(ctx: Context, clause: Clause) -> bool:
    """Does ``clause`` open with its figure ("138人因…", at most one character before)?"""
    return bool(clause.quantities) and len(lead(ctx, clause).strip()) <= 1


def read_list(
    ctx: Context, whole: Quantity, cue_at: int, parts: Parts, figures: Sequence[Quantity]
) -> tuple[str, str]:
    """How complete a list of parts is, and what in the parts' names says so, for the
    frame's bindings ("三次产业, which cannot overlap", "kinds of 渠道", or "").

    ``open``: it ends in 等, names overlapping groups of people, or says only some are
    named (排名前五, 主要); ``explicit``: a closed bracket, a remainder word after its
    last part (另外, 其余, 不予, 存量), 分别, labels naming every member of a partition
    (男/女; 第一、第二、第三产业), a last part named 其他, or parts whose shares add up
    to 100%; ``exclusive``: every part named by a different member of one partition
    (维持, 驳回, 撤销 of the cases decided), categories that cannot overlap but may
    leave one out; ``kinds``: a list announced by "其中:", or every part named with the
    total's own noun (案卷47件: 行政复议案卷13件, 行政执法案卷34件), kinds of one thing
    that do not overlap but may leave a kind out; otherwise ``implied``: a plain 其中
    list, which may do either.
    """
    last = figures[-1]
    located = ctx.locate(last)
    last_clause = located[0].clauses[located[1]] if located else None
    tail = ctx.text[last.end : last.end + 2]
    if any(tail.startswith(w) for w in OPEN_AFTER):
        return "open", ""
    labels = [part_label(ctx, q) for q in figures]
    people = family(figures[0]) == "count"  # 低保金 (money) is no group of people
    if people and any(any(g in lab for g in GROUPS) for lab in labels):
        return "open", ""
    if crossed_dimensions(labels):
        return "open", ""  # "工业投资…基础设施投资…民间投资": two dimensions may overlap
    head = ctx.between(cue_at, figures[0].start)
    if any(w in head for w in RANKED):
        return "open", ""
    # "其中甲和乙分别为…": 分别 pairs names with figures; it does not say they are all
    if parts.bracketed:
        return "explicit", ""
    closers = (*REMAINDER, *COMPLEMENT)
    if any(any(w in ctx.clause_text(c) for w in closers) for c in closing(parts, last_clause)):
        return "explicit", ""
    # the whole clause of each part: "集体访85批2230人次" names 2230人次 before 85批
    clauses = [_clause_text(ctx, q) for q in figures]
    whole_label = ctx.label_across_brackets(whole)
    family_covered = covered(labels, whole_label, clauses)
    if family_covered is not None:
        return "explicit", f"{family_covered.name}, which cannot overlap"
    if any(w in labels[-1] for w in OTHER) or shares_cover(ctx, figures):
        return "explicit", ""
    # "其中:" with a colon announces categories, not that they are all of them:
    # 农林牧渔业总产值…其中:农业…林业…牧业…渔业 leaves out the services of the trade
    if any(head.startswith(w + c) for w in SUBSET for c in ":："):
        return "kinds", "categories announced by a colon"
    noun = part_label(ctx, whole).rstrip()[-2:]
    if (
        len(noun) == 2
        and all(noun in lab for lab in labels)
        and not nested({lab[: lab.rfind(noun)].strip() for lab in labels})
    ):
        return "kinds", ""
    category = shared_category(labels)
    if category and not _two_most(whole, figures):
        return "kinds", f"kinds of {category}"
    divided = division(labels, whole_label, clauses)
    if divided is not None:
        return "exclusive", f"{divided.partition.name}, which cannot overlap"
    return "implied", ""


def shared_category(labels: Sequence[str]) -> str:
    """The category noun every label names a different kind with, the same words after
    it in each ("电话渠道", "网站渠道", "微信渠道" → 渠道; "咨询类诉求", "求助类诉求" → 类),
    no kind within another, or "" when they share none."""
    if len(labels) < 2:
        return ""
    for noun in CATEGORY:
        kinds, rests = set(), set()
        for label in labels:
            at = label.rfind(noun)
            if at <= 0:
                break
            kinds.add(label[:at].strip())
            rests.add(label[at + len(noun) :].strip().removeprefix("的"))
        else:
            if len(kinds) == len(labels) and len(rests) == 1 and not nested(kinds):
                return noun
    return ""


def nested(kinds: set[str]) -> bool:
    """Is one of ``kinds`` named within another (工业类, 规模以上工业类)? A kind and a
    narrower kind of it overlap: such parts are no kinds of one thing."""
    return any(a != b and a in b for a in kinds for b in kinds)


def _two_most(whole: Quantity, figures: Sequence[Quantity]) -> bool:
    """Are two of ``figures`` each more than half of ``whole`` (and no more than it)? Two
    kinds of one thing cannot both be most of it: such parts name ways an item may be
    offered at once (网上办理方式1795项, 掌上办理方式1720项 of 1862项), not kinds."""
    w = Fraction(whole.value)
    return sum(1 for q in figures if w / 2 < Fraction(q.value) <= w) >= 2


def shares_cover(ctx: Context, figures: Sequence[Quantity]) -> bool:
    """Is every figure followed by its share (占x%, in its clause or the next) and do the
    shares as printed add up to 100%? Then the list covers its whole. Shares that reach
    100% only within their rounding (50%, 20%, 10%, 19%) do not say so: the missing 1%
    may be a category left out."""
    printed = Fraction(0)
    for q in figures:
        pct = _own_share(ctx, q)
        if pct is None or figure_interval(pct) is None:
            return False
        printed += Fraction(pct.value)
    return printed == 1


def next_figure(ctx: Context, q: Quantity) -> tuple[Quantity, Clause] | None:
    """The figure right after ``q`` in its clause or the next one, with its clause."""
    located = ctx.locate(q)
    if located is None:
        return None
    s, ci = located
    for c in s.clauses[ci : ci + 2]:
        for p in c.quantities:
            if p.start > q.start:
                return p, c
    return None


def _own_share(ctx: Context, q: Quantity) -> Quantity | None:
    """The percentage right after ``q`` (the next figure, in its clause or the next) when
    a share word stands before it, else None."""
    found = next_figure(ctx, q)
    if found is None:
        return None
    p, c = found
    return p if p.is_percent and any(w in ctx.label_before(p, c) for w in SHARE_WORDS) else None


def closing(parts: Parts, last: Clause | None) -> list[Clause]:
    """The clause of the last part and up to four figure-less clauses after it, where a
    remainder word may close the list ("138人因机构改革、工作调动…等原因,年审不予通过")."""
    if last is None or last not in parts.clauses:
        return [last] if last is not None else []
    i = parts.clauses.index(last)
    tail = [last]
    for c in parts.clauses[i + 1 : i + 5]:
        if c.quantities:
            break
        tail.append(c)
    return tail


def _clause_text(ctx: Context, q: Quantity) -> str:
    located = ctx.locate(q)
    return ctx.clause_text(located[0].clauses[located[1]]) if located else ""


def part_label(ctx: Context, q: Quantity) -> str:
    """The words that name ``q`` in its clause: the text before it, or, when nothing but
    a cue stands before it, the text after it ("其中495人符合年审条件")."""
    located = ctx.locate(q)
    if located is None:
        return ""
    clause = located[0].clauses[located[1]]
    before = ctx.label_before(q, clause).strip()
    for w in (*SUBSET, *TOTAL):
        before = before.replace(w, "")
    return before if before else ctx.after(q, clause).strip()
