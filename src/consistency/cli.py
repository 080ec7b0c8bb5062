"""The command line: ``consistency check | quantities | rules | explain``.

A thin face over :mod:`consistency.engine`: it finds the files, loads each, asks the
engine, applies the baseline and hands the reports to a formatter. It computes nothing.

Exit codes: 0 clean; 1 findings at or above the fail level; 2 bad input or usage, or a
file not checked (each such file is one line ``path: problem`` on stderr, a file the
checker failed on names its internal error, and the other files are still checked);
3 a bug in the checker outside any one file.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections import Counter
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import Any, TextIO

from . import __version__, messages
from .baseline import Baseline
from .config import Config, load_config, parse_codes, parse_severity
from .document import Document
from .errors import ConsistencyError, InputError, InternalError
from .files import STDIN, expand
from .findings import Report
from .loaders import REPORT_SUFFIXES, load, load_stream
from .quantities import scan
from .report import FORMATTERS, Tally
from .report.json import Writer as JsonWriter
from .report.sanitise import shown_path, visible
from .report.text import render_report, summary
from .runner import Runner, Task
from .writing import atomic_write, refuse_inputs_as_outputs

__all__ = ["SUFFIXES", "expand", "main"]

#: what a directory is searched for
SUFFIXES = REPORT_SUFFIXES
_STDIN_NAME = "<stdin>"
#: where the rule pages live in a source checkout (see ``explain``)
_RULE_DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except ConsistencyError as error:
        print(f"consistency: {visible(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `consistency check … | head`: the reader left, not our fault
        # point stdout at nothing, so the interpreter's final flush does not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:  # noqa: BLE001 - the last line of defence, by design
        detail = visible(f"{type(error).__name__}: {error}")
        print(
            f"consistency: internal error: {detail}\n"
            "This is a bug in consistency, not in your document. Please report it with the\n"
            "command you ran and, if you can, the file; set CONSISTENCY_DEBUG=1 for details.",
            file=sys.stderr,
        )
        if os.environ.get("CONSISTENCY_DEBUG"):
            traceback.print_exc()
        return 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="consistency",
        description="Prove or refute the internal arithmetic of Chinese government reports.",
    )
    parser.add_argument("--version", action="version", version=f"consistency {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="check reports and print the findings")
    check.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders, globs, - for stdin"
    )
    check.add_argument("--format", choices=tuple(FORMATTERS), default="text", help="default: text")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report here")
    check.add_argument(
        "--fail-on", choices=("error", "warning", "info"), help="exit 1 from this severity up"
    )
    check.add_argument("--select", action="append", metavar="CODES", help="e.g. C1,C201")
    check.add_argument("--ignore", action="append", metavar="CODES", help="codes or families")
    check.add_argument("--config", metavar="FILE", help="pyproject.toml or consistency.toml")
    check.add_argument("--baseline", metavar="FILE", help="accepted findings to leave out")
    check.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="accept every finding found (merged into FILE: entries of other files are kept)",
    )
    check.add_argument(
        "--prune-baseline",
        action="store_true",
        help="with --write-baseline: drop accepted findings no longer found",
    )
    check.add_argument("--annotate", metavar="OUT.docx", help="a Word copy with comments")
    check.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="follow symbolic links out of the folders checked (default: named, not followed)",
    )
    check.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="0: one per CPU")
    check.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="a document still being checked after this long is reported as not checked",
    )
    check.add_argument("--lang", choices=("zh", "en"), help="language of the messages")
    check.set_defaults(run=_check)

    quantities = sub.add_parser("quantities", help="list every quantity read")
    quantities.add_argument("paths", nargs="+", metavar="PATH")
    quantities.add_argument(
        "--follow-symlinks", action="store_true", help="follow links out of the folders named"
    )
    quantities.set_defaults(run=_quantities)

    rules = sub.add_parser("rules", help="list the finding codes")
    rules.set_defaults(run=_rules)

    explain = sub.add_parser("explain", help="print the documentation of a code")
    explain.add_argument("code")
    explain.set_defaults(run=_explain)
    return parser


# --- check -------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    config = _config(args)
    baseline = Baseline.load(args.baseline) if args.baseline else None
    paths, bad = expand(args.paths, follow_links=args.follow_symlinks)
    if args.annotate and not (len(paths) == 1 and paths[0].lower().endswith(".docx")):
        raise ConsistencyError(args.annotate, "--annotate needs exactly one .docx file to check")
    if args.prune_baseline and not args.write_baseline:
        raise ConsistencyError("command line", "--prune-baseline goes with --write-baseline")
    _refuse_overwrites(args, paths, config)
    accepted = _old_baseline(args.write_baseline) if args.write_baseline else None
    for path, problem in bad:
        _complain(path, problem)
    # text, GitHub and JSON output go out file by file: an archive run holds no report long
    stream = args.format in ("text", "github", "json") and not args.write_baseline
    colour = args.format == "text" and not args.output and _colour(sys.stdout)
    kept: list[Report] = []
    found: list[Baseline] = []
    checked: list[str] = []
    tally = Tally()
    failed = False
    with ExitStack() as stack:
        out = stack.enter_context(atomic_write(args.output)) if args.output else sys.stdout
        writer = JsonWriter(out) if stream and args.format == "json" else None
        runner = Runner(args.jobs, config, timeout=args.timeout)
        progress = _Progress(len(paths))
        done = 0
        for path, checked_or_not in zip(paths, runner.run([_task(p) for p in paths])):
            done += 1
            progress.step()
            outcome = _problem(checked_or_not)
            if isinstance(outcome, str):
                bad.append((path, outcome))
                _complain(path, outcome)
                continue
            report = outcome
            for note in report.document.notes:  # read only in part: checked, but said so
                bad.append((path, note))
                _complain(path, note)
            if accepted is not None:
                found.append(Baseline.from_reports([report], accepted.root))
                checked.append(report.path or path)
                continue
            if baseline is not None:
                applied = baseline.apply([report])
                report = applied.reports[0]
                for e in applied.stale:
                    _complain(
                        args.baseline,
                        f"stale entry (no longer found): {e.path} {e.code} {e.stated} «{e.claim}»",
                    )
            failed = failed or any(config.fails(f.severity) for f in report.findings)
            if writer is not None:
                writer.add(report)
            elif stream:
                tally.add(report)
                out.write(_one(args.format, report, config, colour))
                out.flush()
            if not stream or args.annotate:
                kept.append(report)
        progress.close()
        for path in paths[done:]:  # left unchecked by a signal: named, output still whole
            bad.append((path, "not checked: the run was interrupted"))
            _complain(path, "not checked: the run was interrupted")
        if accepted is not None:
            written = accepted.merged(found, checked, prune=args.prune_baseline)
            written.write(args.write_baseline)
            _complain(args.write_baseline, _accepted_line(accepted, written, found))
            return _stopped(runner) or (2 if bad else 0)
        if args.format == "text":
            out.write(summary(tally, color=colour))
        elif writer is not None:
            writer.close(bad)
        elif not stream:
            out.write(FORMATTERS[args.format](kept, config))
    if args.annotate and kept:
        from .report.docx import annotate  # python-docx is imported only when asked for

        _complain(args.annotate, f"{annotate(paths[0], kept[0], args.annotate)} comments")
    return _stopped(runner) or (2 if bad else 1 if failed else 0)


def _stopped(runner: Runner) -> int:
    """128 + the signal that stopped the run (130 for Ctrl-C), or 0 when none did."""
    return 128 + runner.stopped if runner.stopped else 0


def _refuse_overwrites(args: argparse.Namespace, paths: list[str], config: Config) -> None:
    """Exit 2 before anything is read when an output would overwrite an input of the run.

    ``--write-baseline`` may name the ``--baseline`` read: rewriting it is how it is kept
    up to date (and the rewrite merges, see :mod:`consistency.baseline`).
    """
    outputs = [
        (option, path)
        for option, path in (
            ("--output", args.output),
            ("--write-baseline", args.write_baseline),
            ("--annotate", args.annotate),
        )
        if path
    ]
    inputs = [p for p in paths if p != STDIN] + [p for p in (config.source,) if p]
    refuse_inputs_as_outputs(outputs, inputs)
    if args.baseline:
        others = [(o, p) for o, p in outputs if o != "--write-baseline"]
        refuse_inputs_as_outputs(others, [args.baseline])


def _old_baseline(path: str) -> Baseline:
    """The baseline a ``--write-baseline`` run merges into: the file's entries, if any."""
    if os.path.exists(path):
        return Baseline.load(path)
    return Baseline((), str(Path(path).resolve().parent))


def _accepted_line(old: Baseline, new: Baseline, found: list[Baseline]) -> str:
    """What a ``--write-baseline`` run did, in one line."""
    now = sum(len(b.entries) for b in found)
    kept = len(new.entries) - now  # every finding of this run is in the new baseline
    dropped = (Counter(old.entries) - Counter(new.entries)).total()
    line = f"accepted {len(new.entries)} findings ({now} found in this run"
    line += f", {kept} kept from before" if kept else ""
    line += f", {dropped} no longer found dropped" if dropped else ""
    return line + ")"


def _one(fmt: str, report: Report, config: Config, colour: bool) -> str:
    """One report in a format that can be written file by file (text, github)."""
    if fmt == "github":
        return FORMATTERS["github"]([report], config)
    return render_report(report, config, color=colour)


def _complain(path: str, problem: str) -> None:
    """One line on stderr for a file that could not be checked, as soon as it is known
    (control characters of the path or problem made visible, see ``report.sanitise``)."""
    print(f"{shown_path(path)}: {visible(problem)}", file=sys.stderr, flush=True)


def _config(args: argparse.Namespace) -> Config:
    config = load_config(args.config)
    changes: dict[str, Any] = {}
    for key in ("select", "ignore"):
        values = getattr(args, key)
        if values:
            codes = [c for v in values for c in v.split(",") if c.strip()]
            changes[key] = parse_codes(codes, "command line", f"--{key}")
    if args.fail_on:
        changes["fail_on"] = parse_severity(args.fail_on, "command line", "--fail-on")
    if args.lang:
        changes["lang"] = args.lang
    if args.jobs < 0:
        raise ConsistencyError("command line", "--jobs: must be 0 (one per CPU) or more")
    if args.timeout is not None and not args.timeout > 0:
        raise ConsistencyError("command line", "--timeout: must be a number of seconds above 0")
    return replace(config, **changes)


def _colour(stream: TextIO) -> bool:
    """Colour on a terminal only, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _problem(outcome: Report | ConsistencyError) -> Report | str:
    """The report, or the one line that says why the file was not checked."""
    if not isinstance(outcome, ConsistencyError):
        return outcome
    if isinstance(outcome, InternalError) and os.environ.get("CONSISTENCY_DEBUG"):
        print(outcome.detail, file=sys.stderr, end="")
    return outcome.problem


def _task(path: str) -> Task:
    """What the runner checks for ``path``: standard input is read here, once, up front."""
    if path != STDIN:
        return path
    try:
        return _load_stdin()
    except InputError as error:
        return error


def _load_stdin() -> Document:
    return load_stream(sys.stdin.buffer, _STDIN_NAME)


class _Progress:
    """``checked 12/200`` on a terminal's stderr for long runs; silent in pipes and CI."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0
        self.on = total >= 20 and _colour(sys.stderr) and not os.environ.get("CI")

    def step(self) -> None:
        self.done += 1
        if self.on:
            sys.stderr.write(f"\rchecked {self.done}/{self.total}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.on:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()


# --- quantities, rules, explain ------------------------------------------------------


def _quantities(args: argparse.Namespace) -> int:
    paths, bad = expand(args.paths, follow_links=args.follow_symlinks)
    for path, problem in bad:
        _complain(path, problem)
    for path in paths:
        try:
            document = _load_stdin() if path == STDIN else load(path)
        except InputError as error:
            bad.append((path, error.problem))
            _complain(path, error.problem)
            continue
        for q in scan(document.text):
            loc = document.location(q.start)
            value = ("~" if q.approx else "") + _num(q.value)
            bounds = f"[{_num(q.low)}, {_num(q.high)}]"
            print(
                f"{shown_path(path)}:{loc.line}:{loc.column}  {visible(q.text)}  {value}  "
                f"{bounds}  {visible(q.unit or '-')}"
            )
    return 2 if bad else 0


def _num(value: Fraction | None) -> str:
    """An exact rational as a terminating decimal when it is one, else ``p/q``; None → ``?``."""
    if value is None:
        return "?"
    if value.denominator == 1:
        return str(value.numerator)
    d, shift = value.denominator, 0
    while d % 2 == 0 or d % 5 == 0:
        d //= 2 if d % 2 == 0 else 5
        shift += 1
    if d != 1:
        return f"{value.numerator}/{value.denominator}"
    digits = value * 10**shift
    sign = "-" if digits < 0 else ""
    whole = str(abs(digits.numerator)).rjust(shift + 1, "0")
    return f"{sign}{whole[:-shift]}.{whole[-shift:]}".rstrip("0").rstrip(".")


def _rules(args: argparse.Namespace) -> int:
    for m in sorted(messages.CATALOGUE.values(), key=lambda m: m.code):
        print(f"{m.code}  {m.severity.value:<7}  {m.name}")
    return 0


def _explain(args: argparse.Namespace) -> int:
    code = args.code.strip().upper()
    if code not in messages.CATALOGUE:
        raise ConsistencyError(args.code, "unknown code (see `consistency rules`)")
    print(explain_text(code), end="")
    return 0


def explain_text(code: str, docs: Path = _RULE_DOCS) -> str:
    """The rule page ``docs/rules/CODE.md``, or the catalogue's entry when it is not there.

    The pages stay in one canonical place, ``docs/``, rather than a copy inside the
    package that a build step must keep in sync; a source checkout or an editable install
    reads them there, and an installed wheel still explains every code from the catalogue.
    """
    page = docs / f"{code}.md"
    if page.is_file():
        return page.read_text(encoding="utf-8")
    m = messages.lookup(code)
    return (
        f"{m.code} {m.name} ({m.severity.value})\n\n{m.summary}\n\n"
        f"Message: {m.zh}\n         {m.en}\n"
    )
