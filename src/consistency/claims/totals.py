"""Totals, breakdowns and subsets: the parts a text lists against the whole it names.

Cues (``data/cues/totals.toml``): 共 / 共计 / 合计 mark a total, 其中 / 含 introduce its
parts, 另外 / 其余 / 不予 / 存量 / 在办 say the parts cover it, 等 and overlapping groups
(妇女, 老年人, …) say they do not.

Claims (kind ``total``, relation ``T = a + b + …``):

* ``共633人,其中495人…通过;138人…不予通过`` → 633 = 495 + 138;
* ``非规范性文件共345件(其中:…150件,…85个、涉及资金约14个亿,…110项)`` → 345 = 150 + 85
  + 110 (classifiers 件/个/项 are one family; the money figure is not a part);
* ``共收到仲裁案件28件,庭前调解23件,仲裁调解4件,仲裁裁决1件,存量为0件`` (no 其中, but
  a remainder word closes the list) → 28 = 23 + 4 + 1 + 0.

Claims (kind ``subset``, relation ``part ≤ whole``):

* ``调解组织151个,调解员799名,其中专业性调解组织39个,调解员183名`` → 39 ≤ 151 and
  183 ≤ 799 (paired by classifier);
* ``化解矛盾纠纷2227件,调解成功2226件`` → 2226 ≤ 2227;
* one part after 其中, or the parts of an open list (等, overlapping groups).

A sum is checked as XBRL Calculations 1.1 checks one: each rounded figure stands for
the interval of values that round to it, and the total must meet the sum of those
intervals. A list that is only implied to be complete and whose parts add to more than
its total may count overlapping categories: undecidable, never an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..claim import Claim
from ..intervals import Interval, RoundingMode
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._match import (
    CLOSING,
    OPENING,
    SEMICOLONS,
    Clause,
    Context,
    Sentence,
    countable,
    family,
    figure_interval,
    fmt_interval,
    fmt_number,
    judge,
    load_cues,
    sum_interval,
)

__all__ = ["KIND", "extract", "check", "total_cue_in", "wholes"]

KIND = "total"

_C = load_cues("totals")
TOTAL = _C["total"]["words"]
NOT_TOTAL = _C["total"]["not"]
SUBSET = _C["subset"]["words"]
CONTAINS = _C["subset"]["contains"]
OUTCOME = _C["subset"]["outcome"]
REMAINDER = _C["exhaustive"]["remainder"]
RESPECTIVE = _C["exhaustive"]["respective"]
OPEN_AFTER = _C["open"]["after"]
GROUPS = _C["open"]["groups"]
RANKED = _C["open"]["ranked"]
STOP = _C["open"]["stop"]
PREDICATES = _C["open"]["predicates"]
PAIRS = tuple(tuple(p.split("|", 1)) for p in _C["exhaustive"]["pairs"] if "|" in p)


def total_cue_in(text: str) -> bool:
    """Does ``text`` (a label) carry a total cue, not merely a word such as 公共 or 共享?"""
    for word in TOTAL:
        i = text.find(word)
        while i >= 0:
            if not any(
                text[max(0, i - len(n) + 1) : i + len(n)].find(n) >= 0 for n in NOT_TOTAL
            ):
                return True
            i = text.find(word, i + 1)
    return False


def _countable(q: Quantity) -> bool:
    """Can ``q`` be a whole or a part? Counts, money and measured amounts; not rates."""
    return countable(q) and not q.approx


# ---------------------------------------------------------------- extraction


@dataclass(frozen=True, slots=True)
class _Parts:
    """The countable figures after a cue, clause by clause, and whether the list is a
    bracket that closed right after them."""

    by_clause: tuple[tuple[Quantity, ...], ...]
    bracketed: bool
    clauses: tuple[Clause, ...]

    @property
    def figures(self) -> tuple[Quantity, ...]:
        return tuple(q for qs in self.by_clause for q in qs)

    def pick(self, ctx: Context) -> tuple[Quantity, ...]:
        """One part per clause: its last figure of the first part's family (the figure
        the clause's label names: "3个公司聘用人员1155人" → 1155人).

        Classifiers may change along the list (件, 个, 项 all count), but in a running
        list a change of classifier under a predicate ("受援人达1690人次") starts a new
        statement, not another part."""
        first = next((q for qs in self.by_clause for q in qs), None)
        if first is None:
            return ()
        fam = family(first)
        out: list[Quantity] = []
        for qs, clause in zip(self.by_clause, self.clauses):
            mine = [q for q in qs if family(q) == fam]
            if not mine:
                continue
            part = mine[-1]
            if out and not self.bracketed and part.unit != out[-1].unit:
                if any(w in ctx.label_before(part, clause) for w in PREDICATES):
                    break
            out.append(part)
        return tuple(out)


def extract(ctx: Context) -> Iterator[Claim]:
    """Every total and subset claim of the text."""
    return iter(_claims(ctx))


def _claims(ctx: Context) -> tuple[Claim, ...]:
    cached = ctx.memo.get(KIND)
    if isinstance(cached, tuple):
        return cached
    seen: set[tuple[int, ...]] = set()
    found: list[Claim] = []
    for s in ctx.sentences:
        for claim in (*_frames(ctx, s), *_implicit(ctx, s), *_outcomes(ctx, s)):
            key = (claim.stated.start, *(p.start for p in claim.parts))
            if key not in seen:
                seen.add(key)
                found.append(claim)
    ctx.memo[KIND] = tuple(found)
    return tuple(found)


def wholes(ctx: Context) -> dict[int, Quantity]:
    """The whole each part belongs to, by the part's start offset: the base a share of
    that part is taken of ("收到申请18件,其中撤回2件,…率11.11%": 2件 → 18件)."""
    out: dict[int, Quantity] = {}
    for claim in _claims(ctx):
        if claim.kind == "subset":
            out.setdefault(claim.stated.start, claim.parts[0])
        else:
            for part in claim.parts:
                out.setdefault(part.start, claim.stated)
    return out


def _cue_positions(ctx: Context, clause: Clause, words: Sequence[str]) -> list[int]:
    text = ctx.clause_text(clause)
    found = []
    for w in words:
        i = text.find(w)
        while i >= 0:
            found.append(clause.start + i)
            i = text.find(w, i + len(w))
    return sorted(set(found))


def _frames(ctx: Context, s: Sentence) -> Iterator[Claim]:
    """其中 / 含 frames: a whole before the cue, its parts after it."""
    for ci, clause in enumerate(s.clauses):
        for cue_at in _cue_positions(ctx, clause, SUBSET):
            yield from _frame(ctx, s, ci, cue_at, contains=False)
        for cue_at in _cue_positions(ctx, clause, CONTAINS):
            if clause.opener in OPENING and not ctx.between(clause.start, cue_at).strip():
                yield from _frame(ctx, s, ci, cue_at, contains=True)


def _frame(ctx: Context, s: Sentence, ci: int, cue_at: int, *, contains: bool) -> Iterator[Claim]:
    parts = _collect(ctx, s, ci, cue_at)
    if not parts.figures:
        return
    wholes = _before(ctx, s, ci, cue_at)
    if not wholes:
        return
    pairs = _parallel(wholes, parts.figures)
    if pairs:
        for whole, part in pairs:
            yield _subset(ctx, whole, part, "paired by classifier")
        return
    figures = parts.pick(ctx)
    if contains:
        # "342项(含…320项)": the whole is the figure the bracket is attached to
        opening = s.clauses[ci].start - 1
        whole = wholes[-1] if not ctx.between(wholes[-1].end, opening).strip() else None
    else:
        whole = _whole(ctx, s, wholes, figures)
    if whole is None:
        return
    if len(figures) == 1 or contains:
        for part in figures:
            yield _subset(ctx, whole, part, "其中")
        return
    reading = _reading(ctx, whole, cue_at, parts, figures)
    if reading == "open":
        for part in figures:
            yield _subset(ctx, whole, part, "open list")
        return
    yield _total(ctx, whole, figures, reading)


def _collect(ctx: Context, s: Sentence, ci: int, cue_at: int) -> _Parts:
    """The countable figures after ``cue_at``, up to the end of the list.

    A list opened inside a bracket ends with the bracket. A running list ends at the
    sentence end, at a semicolon not followed at once by another part, at a word that
    starts a new topic, or at a new total or 其中.
    """
    first = s.clauses[ci]
    bracketed = first.depth > 0 and (first.opener in OPENING or _opens_bracket(ctx, s, ci))
    depth0 = first.depth
    by_clause: list[tuple[Quantity, ...]] = [
        tuple(q for q in first.quantities if q.start > cue_at and _countable(q))
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
        if any(w in text for w in (*SUBSET, *STOP)) or total_cue_in(_lead(ctx, clause)):
            break
        if clause.opener in SEMICOLONS and not (
            _starts_with_figure(ctx, clause) or _parallel_label(ctx, by_clause, clause)
        ):
            break
        by_clause.append(tuple(q for q in clause.quantities if _countable(q)))
        used.append(clause)
        if bracketed and clause.closer in CLOSING:
            closed = True
            break
    return _Parts(tuple(by_clause), bracketed and closed, tuple(used))


def _parallel_label(
    ctx: Context, by_clause: Sequence[tuple[Quantity, ...]], clause: Clause
) -> bool:
    """Does ``clause`` name its figure like the list's first part ("第一产业增加值304.0亿元;
    第二产业增加值2155.7亿元": both end in 增加值), so the list goes on past a semicolon?"""
    first = next((q for qs in by_clause for q in qs), None)
    mine = next((q for q in clause.quantities if _countable(q)), None)
    if first is None or mine is None:
        return False
    a = _label(ctx, first).rstrip()
    b = ctx.label_before(mine, clause).rstrip()
    return len(a) >= 2 and len(b) >= 2 and a[-2:] == b[-2:]


def _opens_bracket(ctx: Context, s: Sentence, ci: int) -> bool:
    """Is the cue's clause the first one inside a bracket ("(其中:…")?"""
    k = ci
    while k > 0 and s.clauses[k].opener not in OPENING:
        k -= 1
        if s.clauses[k].depth < s.clauses[ci].depth:
            return False
    return s.clauses[k].opener in OPENING


def _lead(ctx: Context, clause: Clause) -> str:
    """The words of ``clause`` before its first figure."""
    end = clause.quantities[0].start if clause.quantities else clause.end
    return ctx.between(clause.start, end)


def _starts_with_figure(ctx: Context, clause: Clause) -> bool:
    return bool(clause.quantities) and len(_lead(ctx, clause).strip()) <= 1


def _before(ctx: Context, s: Sentence, ci: int, cue_at: int) -> list[Quantity]:
    """Countable figures that could be the whole: before the cue in its frame (since the
    last semicolon of the sentence), or, for a cue opening its sentence, in the sentence
    before."""
    found: list[Quantity] = []
    for clause in s.clauses[: ci + 1]:
        if clause.opener in SEMICOLONS:
            found = []
        found.extend(q for q in clause.quantities if q.end <= cue_at and _countable(q))
    if found:
        return found
    if ctx.between(s.start, cue_at).strip(" \u3000\t\r\n,，"):
        return []
    prev = ctx.previous(s)
    if prev is None:
        return []
    return [q for q in prev.quantities if _countable(q)]


def _parallel(wholes: Sequence[Quantity], parts: Sequence[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Pairs for "151个,799名,其中39个,183名": as many wholes as parts, just before the cue,
    with the same sequence of distinct units."""
    n = len(parts)
    if n < 2 or len(wholes) < n:
        return []
    units = [q.unit for q in parts]
    if len(set(units)) != n or [q.unit for q in wholes[-n:]] != units:
        return []
    return list(zip(wholes[-n:], parts))


def _whole(ctx: Context, s: Sentence, wholes: Sequence[Quantity], parts: Sequence[Quantity]) -> Quantity | None:
    """The whole the parts belong to, if the text makes it clear.

    It is the last figure before the cue of the parts' unit (or family). It is clear
    when it carries a total cue or no other figure of that unit stands before it in its
    frame; a run of coordinated figures ("制定1件,修改2件,废止1件,其中…") is not clear.
    """
    units = {q.unit for q in parts}
    fam = family(parts[0])
    if len(units) == 1:
        same = [q for q in wholes if q.unit in units]
    else:
        same = []
    if not same:
        same = [q for q in wholes if family(q) == fam]
    if not same:
        return None
    whole = same[-1]
    located = ctx.locate(whole)
    if located is None:
        return None
    sentence, wci = located
    if total_cue_in(ctx.label_before(whole, sentence.clauses[wci])):
        return whole
    return whole if len(same) == 1 else None


def _reading(
    ctx: Context, whole: Quantity, cue_at: int, parts: _Parts, figures: Sequence[Quantity]
) -> str:
    """How complete a list of parts is.

    ``open``: it ends in 等, names overlapping groups of people, or says only some are
    named (排名前五, 主要); ``explicit``: a closed bracket, a remainder word in its last
    clause (另外, 其余, 不予, 存量), 分别, complementary labels (男/女, 城镇/乡村), or every
    part named by the whole's own noun (案卷47件: 行政复议案卷13件, 行政执法案卷34件);
    otherwise ``implied``: a plain 其中 list, which may leave categories out.
    """
    last = figures[-1]
    located = ctx.locate(last)
    last_clause = located[0].clauses[located[1]] if located else None
    tail = ctx.text[last.end : last.end + 2]
    if any(tail.startswith(w) for w in OPEN_AFTER):
        return "open"
    labels = [_label(ctx, q) for q in figures]
    if any(any(g in lab for g in GROUPS) for lab in labels):
        return "open"
    head = ctx.between(cue_at, figures[0].start)
    if any(w in head for w in RANKED):
        return "open"
    if parts.bracketed or any(w in head for w in RESPECTIVE):
        return "explicit"
    if any(any(w in ctx.clause_text(c) for w in REMAINDER) for c in _closing(parts, last_clause)):
        return "explicit"
    if any(_complementary(a, b, labels) for a, b in PAIRS):
        return "explicit"
    noun = _label(ctx, whole)[-2:]
    if len(noun) == 2 and all(lab.rstrip().endswith(noun) for lab in labels):
        return "explicit"
    return "implied"


def _closing(parts: _Parts, last: Clause | None) -> list[Clause]:
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


def _complementary(a: str, b: str, labels: Sequence[str]) -> bool:
    """Does one label hold ``a`` and another ``b`` (男性 … 女性)?"""
    return any(a in x and b in y for i, x in enumerate(labels) for j, y in enumerate(labels) if i != j)


def _label(ctx: Context, q: Quantity) -> str:
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


def _implicit(ctx: Context, s: Sentence) -> Iterator[Claim]:
    """``共T件,A a件,B b件,存量为c件``: a total followed by coordinated parts, claimed only
    when the list says it is complete (a remainder word in its last clause, or 分别)."""
    clauses = s.clauses
    for ci, clause in enumerate(clauses):
        for whole in clause.quantities:
            if not _countable(whole) or whole is not clause.quantities[-1]:
                continue
            if not total_cue_in(ctx.label_before(whole, clause)):
                continue
            if any(w in ctx.clause_text(clause) for w in SUBSET):
                continue
            parts: list[Quantity] = []
            respective = any(w in ctx.after(whole, clause) for w in RESPECTIVE)
            for c in clauses[ci + 1 :]:
                text = ctx.clause_text(c)
                if c.opener in SEMICOLONS or c.depth != clause.depth:
                    break
                if any(w in text for w in (*SUBSET, *STOP)) or total_cue_in(_lead(ctx, c)):
                    break
                mine = [q for q in c.quantities if family(q) == family(whole)]
                others = [q for q in c.quantities if q not in mine]
                if len(mine) != 1 or others:
                    break
                parts.append(mine[0])
            complete = respective or (
                len(parts) >= 2
                and any(w in ctx.clause_text(clauses[ci + len(parts)]) for w in REMAINDER)
            )
            if len(parts) >= 2 and complete and all(p.value <= whole.value for p in parts):
                yield _total(ctx, whole, parts, "explicit")


def _outcomes(ctx: Context, s: Sentence) -> Iterator[Claim]:
    """``化解纠纷2227件,调解成功2226件``: a success count is a subset of the count before it."""
    for ci in range(1, len(s.clauses)):
        clause, prev = s.clauses[ci], s.clauses[ci - 1]
        if len(clause.quantities) != 1 or not prev.quantities:
            continue
        part, whole = clause.quantities[0], prev.quantities[-1]
        if not (_countable(part) and _countable(whole)) or part.unit != whole.unit:
            continue
        label = ctx.label_before(part, clause)
        if any(w in label for w in OUTCOME) and clause.opener not in SEMICOLONS:
            yield _subset(ctx, whole, part, "outcome")


# ---------------------------------------------------------------- claims


def _span(ctx: Context, figures: Sequence[Quantity]) -> tuple[int, int]:
    return min(q.start for q in figures), max(q.end for q in figures)


def _total(ctx: Context, whole: Quantity, parts: Sequence[Quantity], reading: str) -> Claim:
    start, end = _span(ctx, (whole, *parts))
    expr = " + ".join(fmt_number(p.value) for p in parts)
    return Claim(
        kind="total",
        start=start,
        end=end,
        stated=whole,
        parts=tuple(parts),
        relation=f"{fmt_number(whole.value)} = {expr}",
        details={"expr": expr, "reading": reading},
    )


def _subset(ctx: Context, whole: Quantity, part: Quantity, why: str) -> Claim:
    start, end = _span(ctx, (whole, part))
    return Claim(
        kind="subset",
        start=start,
        end=end,
        stated=part,
        parts=(whole,),
        relation=f"{fmt_number(part.value)} ≤ {fmt_number(whole.value)}",
        details={"whole": whole.text, "reading": why},
    )


# ---------------------------------------------------------------- checks


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Check a ``total`` claim (sum of parts) or a ``subset`` claim (part ≤ whole)."""
    if claim.kind == "subset":
        return _check_subset(claim, policy)
    return _check_total(claim, policy)


def _check_total(claim: Claim, policy: RoundingPolicy) -> Outcome:
    j = judge(lambda mode: sum_interval(claim.parts, mode), claim.stated, policy)
    shown = fmt_interval(j.computed) if j.computed is not None else ""
    params = {"sum": shown, "value": shown}
    if j.verdict is Verdict.CONSISTENT:
        return Outcome(Verdict.CONSISTENT, None, j.computed, j.mode, params)
    if j.verdict is Verdict.CONDITIONAL:
        return Outcome(Verdict.CONDITIONAL, "C102", j.computed, j.mode, params)
    if j.verdict is Verdict.UNDECIDABLE or j.computed is None:
        return Outcome(Verdict.UNDECIDABLE, "C902", None, None, {"reason": "approximate figure"})
    if claim.details.get("reading") == "implied":
        # a plain 其中 list may leave categories out (short) or count a case in two of
        # them (over): either way the text does not say the parts are the whole
        stated = figure_interval(claim.stated) or Interval.exact(claim.stated.value)
        code = "C901" if j.computed.low > stated.high else "C904"
        return Outcome(Verdict.UNDECIDABLE, code, j.computed, None, params)
    return Outcome(Verdict.INCONSISTENT, "C101", j.computed, None, params)


def _check_subset(claim: Claim, policy: RoundingPolicy) -> Outcome:
    part, whole = claim.stated, claim.parts[0]
    params = {"whole": whole.text, "value": fmt_number(Fraction(whole.value))}
    for verdict, modes in (
        (Verdict.CONSISTENT, policy.accepted),
        (Verdict.CONDITIONAL, policy.tolerated),
    ):
        for mode in modes:
            p, w = figure_interval(part, mode), figure_interval(whole, mode)
            if p is None or w is None:
                if part.low is not None and whole.high is not None and part.low > whole.high:
                    break
                return Outcome(Verdict.UNDECIDABLE, None, None, None, params)
            if p.low <= w.high:
                code = None if verdict is Verdict.CONSISTENT else "C104"
                return Outcome(verdict, code, w, mode, params)
    w0 = figure_interval(whole, RoundingMode.HALF_UP) or Interval.exact(Fraction(whole.value))
    return Outcome(Verdict.INCONSISTENT, "C103", w0, None, params)
