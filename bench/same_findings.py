"""Proof that an engineering change leaves every claim and finding as it was.

Run as ``python3 bench/same_findings.py save OUT.json`` before a change and
``python3 bench/same_findings.py compare OUT.json`` after it (``OUT.json`` outside the
repository). Every ``.txt`` of ``corpus/`` and of the wide corpus (``../shared/corpus-wide``,
both halves) is checked; per file the script keeps every claim (kind, span, verdict,
code, stated and computed figures, evidence, bindings, reading, details, the outcome's
parameters) and every finding (code, severity, span, message in both languages).

``compare`` prints the number of files whose output differs, and the differences only
for ``corpus/`` and half A of the wide corpus (odd file numbers). Half B (even numbers)
is kept unseen for the team's final measurement: of it, the count is all that is shown.
Exit status 0 when every file is the same, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from consistency.engine import check_path
from consistency.errors import ConsistencyError

ROOT = Path(__file__).resolve().parents[1]
WIDE = ROOT.parent.parent / "shared" / "corpus-wide"


def files(wide: Path) -> list[tuple[str, Path, bool]]:
    """(key, path, shown) for every file: ``shown`` is False for half B of the wide corpus."""
    out = [(f"corpus/{p.relative_to(ROOT / 'corpus')}", p, True)
           for p in sorted((ROOT / "corpus").rglob("*.txt"))]
    for p in sorted(wide.glob("*.txt")):
        number = int(p.name[:3]) if p.name[:3].isdigit() else 0
        out.append((f"wide/{p.name}", p, number % 2 == 1))
    return out


def output(path: Path) -> dict[str, Any]:
    """Everything the checker says about one file, as plain JSON values."""
    try:
        report = check_path(path)
    except ConsistencyError as error:
        return {"error": str(error)}
    data = report.to_dict()
    for claim, row in zip(report.claims, data["claims"], strict=True):
        outcome = claim.outcome
        row["details"] = dict(claim.details)
        row["parts"] = [[q.start, q.end, q.text] for q in claim.parts]
        row["readings"] = [
            [r.label, r.role, [q.start for q in r.plus], [q.start for q in r.minus], str(r.bounds)]
            for r in claim.readings
        ]
        if outcome is not None:
            row["outcome"] = {
                "verdict": outcome.verdict.value,
                "code": outcome.code,
                "mode": outcome.mode.value if outcome.mode else None,
                "computed": str(outcome.computed),
                "params": {k: str(v) for k, v in outcome.params.items()},
            }
    data["figures"] = len(report.quantities)
    return data


def save(target: Path, wide: Path) -> dict[str, Any]:
    """Check every file and write what the checker said to ``target``."""
    result = {key: output(path) for key, path, _ in files(wide)}
    target.write_text(json.dumps(result, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return result


def _diff(before: Any, after: Any, where: str, out: list[str], limit: int = 12) -> None:
    """The paths at which two JSON values differ (at most ``limit`` of them)."""
    if len(out) >= limit or before == after:
        return
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after)):
            _diff(before.get(key), after.get(key), f"{where}.{key}", out, limit)
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for i, (a, b) in enumerate(zip(before, after, strict=True)):
            _diff(a, b, f"{where}[{i}]", out, limit)
    else:
        out.append(f"  {where}: {json.dumps(before, ensure_ascii=False)[:300]}"
                   f"\n  {' ' * len(where)}→ {json.dumps(after, ensure_ascii=False)[:300]}")


def compare(reference: Path, wide: Path) -> int:
    """Check every file again and report how many differ from ``reference``."""
    before = json.loads(reference.read_text(encoding="utf-8"))
    differing = 0
    for key, path, shown in files(wide):
        now = output(path)
        if before.get(key) == now:
            continue
        differing += 1
        if shown:
            lines: list[str] = []
            _diff(before.get(key), now, "", lines)
            print(f"{key}:")
            print("\n".join(lines))
    print(f"{differing} of {len(files(wide))} files differ")
    return 1 if differing else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("store", type=Path, help="the JSON file kept outside the repository")
    parser.add_argument("--wide", type=Path, default=WIDE, help="the wide corpus folder")
    args = parser.parse_args(argv)
    if args.action == "save":
        saved = save(args.store, args.wide)
        print(f"{len(saved)} files saved to {args.store}")
        return 0
    return compare(args.store, args.wide)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
