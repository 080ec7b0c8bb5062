"""Lists introduced by the name of their whole: ``受理34件。…受理案件中投诉举报类12件,行政处罚类
17件,…`` — a sentence (or the clause after its heading) opening with "<name>中" lists
the parts of the figure that name labels, stated in the sentence or two before it, in
its paragraph (受理案件 → 受理34件).

The name is matched as a share's named base is (``data/cues/shares.toml`` [base]
generic words cut off: 受理案件总数 → 受理案件, then its first two characters), not
negated (不予受理 is no 受理) and not of an earlier period (上年). The whole must be the
one figure so named (several of different value: no frame), of the parts' family and
no smaller than any of them. The list is then read as a 其中 list is
(:func:`.parts.read_list`): complete, members of a partition, kinds, or a plain list.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...quantities import Quantity
from .._match import Context, Sentence, family, load_cues
from .frame import Frame
from .parts import SUBSET, collect, countable_part, read_list

__all__ = ["among_frames"]

_S = load_cues("shares")
#: words that name no figure by themselves (总数), of an earlier period (上年), and of a
#: negated group (不予): the words a share's named base is read with
GENERIC, EARLIER, NEGATIONS = _S["base"]["generic"], _S["base"]["earlier"], _S["complement"]["negations"]
#: the word that closes the whole's name ("受理案件中")
AMONG = "中"
#: how long the whole's name may be, in characters (在办结的行政复议案件中)
NAME_MAX = 12
#: how many sentences back, in the paragraph, the whole may stand
SENTENCES_BACK = 2


def among_frames(ctx: Context, s: Sentence) -> Iterator[Frame]:
    """The frame of ``s`` if it opens (after a heading with no figure) with "<name>中"."""
    if ctx.text.find(AMONG, s.start, s.end) < 0:
        return  # most sentences: no 中 anywhere, so none before their first figure
    ci = next((i for i, c in enumerate(s.clauses) if c.quantities), None)
    if ci is None:
        return
    first = s.clauses[ci].quantities[0]
    words = ctx.between(s.start, first.start)
    if AMONG not in words:
        return  # most sentences: no name of a whole at all
    # a heading before a colon ("案件类型情况:") names no figure
    begin = max(words.rfind(":"), words.rfind("："), words.rfind(")"), words.rfind("）")) + 1
    at = words.find(AMONG, begin)
    if at < 0 or any(w in words for w in SUBSET):
        return  # 其中 lists are read by binding.frames
    name = words[begin:at].strip().removeprefix("在").removesuffix("的").strip()
    if not 2 <= len(name) <= NAME_MAX or any(not ch.isalpha() for ch in name):
        return
    cue_at = s.start + at
    parts = collect(ctx, s, ci, cue_at)
    figures, cut = parts.pick()
    if len(figures) < 2 or cut:
        return
    whole = _named_whole(ctx, s, name, figures)
    if whole is None:
        return
    reading, why = read_list(ctx, whole, cue_at, parts, figures)
    how = f"{name}中 list" + (f" of {why}" if why else "")
    yield Frame(whole, figures, reading, how)


def _keys(name: str) -> list[str]:
    """The words of ``name`` a figure's label may carry: the name, without its generic
    words (总数, 数量), then the first two characters."""
    core = name
    for w in GENERIC:
        core = core.replace(w, "")
    core = core.strip("的之")
    return [k for k in dict.fromkeys((name, core, core[:2])) if len(k) >= 2]


def _named_whole(
    ctx: Context, s: Sentence, name: str, figures: tuple[Quantity, ...]
) -> Quantity | None:
    """The one figure of the sentences before ``s`` whose label ``name`` names."""
    pool: list[Quantity] = []
    prev: Sentence | None = s
    for _ in range(SENTENCES_BACK):
        prev = ctx.previous(prev) if prev is not None else None
        if prev is None:
            break
        pool[:0] = [q for q in prev.quantities if countable_part(q)]
    fam = family(figures[0])
    largest = max(q.value for q in figures)
    pool = [q for q in pool if family(q) == fam and q.value >= largest]
    for key in _keys(name):
        found = [q for q in pool if _labelled(ctx, q, key)]
        if found:
            return found[-1] if len({q.value for q in found}) == 1 else None
    return None


def _labelled(ctx: Context, q: Quantity, key: str) -> bool:
    """Does the label of ``q`` hold ``key``, not negated and not of an earlier period?"""
    label = ctx.label_across_brackets(q)
    if key not in label or any(n + key in label for n in NEGATIONS):
        return False
    return not any(w in label for w in EARLIER)
