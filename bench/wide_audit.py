"""The blind precision audit over the unlabelled wide corpus (``../shared/corpus-wide``).

The corpus is split in two halves by file number: **A** holds the odd numbers, **B** the
even ones. Rules are tuned by reading the findings on A only; B is kept unseen until
the end and then run once, so that its figures say what users will see.

    python3 bench/wide_audit.py show  --half A              # every error and warning, in context
    python3 bench/wide_audit.py show  --half A --unreviewed  # only those not yet reviewed
    python3 bench/wide_audit.py stats --half A              # per 100,000 characters, share judged false
    python3 bench/wide_audit.py show  --half B --unseal      # B: only once, at the end

Reviews live in ``corpus/wide-review.toml``, one ``[[finding]]`` per reviewed finding::

    [[finding]]
    file = "187_final_accounts_tuquan_2021.txt"
    line = 7
    code = "C301"
    stated = "12%"
    verdict = "true"      # "true": a reviewer would sign it; "false": a false alarm
    why = "2047 / (19860 − 2047) = 11.49%, printed 12%"

A finding is matched to its review by (file, line, code, stated). Not a test: the wide
corpus is not part of the repository, and its figures go to the closing notes and to
docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from consistency.engine import check_file
from consistency.errors import ConsistencyError

ROOT = Path(__file__).resolve().parent.parent
#: the shared folder beside the checkout, or beside the folder of worktrees holding it
DEFAULT_CORPUS = next(
    (p for p in (ROOT.parent / "shared" / "corpus-wide", ROOT.parent.parent / "shared" / "corpus-wide") if p.is_dir()),
    ROOT.parent / "shared" / "corpus-wide",
)
DEFAULT_REVIEW = ROOT / "corpus" / "wide-review.toml"
LOUD = ("error", "warning")


@dataclass(frozen=True)
class Seen:
    """One error or warning finding of one file, with the text around it."""

    file: str
    line: int
    code: str
    severity: str
    stated: str
    computed: str
    message: str
    context: str

    @property
    def key(self) -> tuple[str, int, str, str]:
        return (self.file, self.line, self.code, self.stated)


def half_of(path: Path) -> str:
    """``A`` for odd file numbers, ``B`` for even ones."""
    return "A" if int(path.name[:3]) % 2 == 1 else "B"


def files(corpus: Path, half: str) -> list[Path]:
    return [p for p in sorted(corpus.glob("*.txt")) if half in ("all", half_of(p))]


def run(corpus: Path, half: str) -> tuple[list[Seen], int, list[str]]:
    """Every loud finding of the half, its characters, and the files that crashed."""
    seen: list[Seen] = []
    chars = 0
    crashed: list[str] = []
    for path in files(corpus, half):
        try:
            report = check_file(path)
        except ConsistencyError as exc:
            crashed.append(f"{path.name}: {exc}")
            continue
        except Exception as exc:  # noqa: BLE001 - the audit names every crash and goes on
            crashed.append(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        text = report.text
        chars += len(text)
        for f in report.findings:
            if f.severity.value not in LOUD:
                continue
            a, b = f.claim.start, f.claim.end
            context = text[max(0, a - 80) : b + 40].replace("\n", "⏎")
            seen.append(
                Seen(path.name, f.line, f.code, f.severity.value, f.stated, f.computed, f.message, context)
            )
    return seen, chars, crashed


def reviews(path: Path) -> dict[tuple[str, int, str, str], dict]:
    if not path.exists():
        return {}
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("finding", [])
    out = {}
    for e in entries:
        key = (e["file"], int(e["line"]), e["code"], e["stated"])
        if e.get("verdict") not in ("true", "false"):
            raise SystemExit(f"{path}: {key}: verdict must be \"true\" or \"false\"")
        out[key] = e
    return out


def _show(seen: list[Seen], reviewed: dict, unreviewed_only: bool) -> Iterator[str]:
    for s in seen:
        r = reviewed.get(s.key)
        if unreviewed_only and r is not None:
            continue
        mark = f"[{r['verdict']}: {r.get('why', '')}]" if r else "[unreviewed]"
        yield f"== {s.file}:{s.line} {s.code} {s.severity} stated={s.stated} computed={s.computed} {mark}"
        yield f"   {s.message}"
        yield f"   {s.context}"


def stats(seen: list[Seen], chars: int, reviewed: dict) -> dict[str, object]:
    out: dict[str, object] = {"characters": chars}
    for sev in LOUD:
        mine = [s for s in seen if s.severity == sev]
        verdicts = Counter(reviewed[s.key]["verdict"] if s.key in reviewed else "unreviewed" for s in mine)
        judged = verdicts["true"] + verdicts["false"]
        out[sev] = {
            "count": len(mine),
            "per_100k": round(len(mine) / chars * 1e5, 2) if chars else 0.0,
            "true": verdicts["true"],
            "false": verdicts["false"],
            "unreviewed": verdicts["unreviewed"],
            "share_false": round(verdicts["false"] / judged, 3) if judged else None,
        }
    out["by_code"] = dict(sorted(Counter(s.code for s in seen).items()))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("show", "stats"))
    parser.add_argument("--half", choices=("A", "B", "all"), default="A")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--review", type=Path, default=DEFAULT_REVIEW)
    parser.add_argument("--unreviewed", action="store_true", help="show only unreviewed findings")
    parser.add_argument("--unseal", action="store_true", help="allow showing half B (once, at the end)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"wide_audit: no corpus at {args.corpus} (give --corpus)", file=sys.stderr)
        return 2
    if args.command == "show" and args.half != "A" and not args.unseal:
        print("wide_audit: half B stays unseen until the end: add --unseal to show it", file=sys.stderr)
        return 2
    seen, chars, crashed = run(args.corpus, args.half)
    reviewed = reviews(args.review)
    if args.command == "show":
        for line in _show(seen, reviewed, args.unreviewed):
            print(line)
    else:
        print(json.dumps(stats(seen, chars, reviewed), ensure_ascii=False, indent=2))
    for c in crashed:
        print(f"crashed: {c}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
