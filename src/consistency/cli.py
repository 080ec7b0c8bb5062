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
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import console
from . import vocabulary as V
from ._about import BUG_REPORTS, __version__
from .errors import ConsistencyError, InputError, InternalError

if TYPE_CHECKING:  # the checker is imported by the commands that check, not at start-up
    from .baseline import Baseline
    from .config import Config
    from .document import Document
    from .findings import Report
    from .runner import Runner, Task

__all__ = ["main"]

STDIN = "-"
_STDIN_NAME = "<stdin>"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Nothing of the checker is imported before a command needs it: ``--version``,
    ``--help``, ``rules`` and ``explain`` start in a fraction of the time ``check`` does.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        console.prepare(stream)
    if argv in (["--version"], ["-V"]):
        print(f"consistency {__version__}")
        return 0
    from .arguments import build, interface_lang

    lang = interface_lang(argv)
    args = build(lang).parse_args(argv)
    try:
        return int(_COMMANDS[args.run](args, lang))
    except ConsistencyError as error:
        problem = _visible(V.problem(error.problem, lang))
        where = f"{_shown(error.path)}: " if error.path else ""
        print(f"consistency: {where}{problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `consistency check … | head`: the reader left, not our fault
        # point stdout at nothing, so the interpreter's final flush does not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:  # noqa: BLE001 - the last line of defence, by design
        detail = _visible(f"{type(error).__name__}: {error}")
        print(
            "consistency: " + V.say("cli.internal", lang, detail=detail, address=BUG_REPORTS),
            file=sys.stderr,
        )
        if os.environ.get("CONSISTENCY_DEBUG"):
            traceback.print_exc()
        return 3


def _visible(text: str) -> str:
    from .report.sanitise import visible

    return visible(text)


def _shown(path: str) -> str:
    from .report.sanitise import shown_path

    return shown_path(path)


# --- check -------------------------------------------------------------------------


def _check(args: argparse.Namespace, lang: str) -> int:
    from .baseline import Baseline
    from .files import expand
    from .report import Tally
    from .report.page import Page
    from .runner import Runner
    from .writing import atomic_write

    config = _config(args)
    if args.statistics and args.format not in ("text", "json", "csv"):
        raise ConsistencyError("command line", "--statistics goes with --format text, json or csv")
    baseline = Baseline.load(args.baseline) if args.baseline else None
    paths, bad = expand(args.paths, follow_links=args.follow_symlinks)
    if args.annotate and not (len(paths) == 1 and paths[0].lower().endswith(".docx")):
        raise ConsistencyError(args.annotate, "--annotate needs exactly one .docx file to check")
    if args.prune_baseline and not args.write_baseline:
        raise ConsistencyError("command line", "--prune-baseline goes with --write-baseline")
    _refuse_overwrites(args, paths, config)
    accepted = _old_baseline(args.write_baseline) if args.write_baseline else None
    for path, problem in bad:
        _complain(path, problem, lang)
    # every format goes out file by file (report by report): a run holds no report long
    kept: list[Report] = []
    found: list[Baseline] = []
    checked: list[str] = []
    tally = Tally()
    failed = False
    progress = console.Progress(len(paths), V.say("cli.progress", lang))
    with ExitStack() as stack:
        out = stack.enter_context(atomic_write(args.output)) if args.output else sys.stdout
        # a run that writes a baseline writes nothing else
        page = (
            Page(
                args.format, config, out, statistics=args.statistics,
                to_file=bool(args.output), single=paths[0] if len(paths) == 1 else None,
            )
            if accepted is None
            else None
        )
        runner = Runner(args.jobs, config, timeout=args.timeout)
        done = 0
        outcomes = zip(paths, runner.run([_task(p) for p in paths]))
        for path, checked_or_not in progress.track(outcomes):
            done += 1
            outcome = _problem(checked_or_not)
            if isinstance(outcome, str):
                bad.append((path, outcome))
                _complain(path, outcome, lang)
                continue
            report = outcome
            for note in report.document.notes:  # read only in part: checked, but said so
                bad.append((path, note))
                _complain(path, note, lang)
            if accepted is not None:
                found.append(Baseline.from_reports([report], accepted.root))
                checked.append(report.path or path)
                continue
            if baseline is not None:
                applied = baseline.apply([report])
                report = applied.reports[0]
                for e in applied.stale:
                    stale = V.say(
                        "cli.stale", lang, path=e.path, code=e.code, stated=e.stated, claim=e.claim
                    )
                    _complain(args.baseline, stale, lang)
            failed = failed or any(config.fails(f.severity) for f in report.findings)
            tally.add(report)
            assert page is not None  # (a baseline run went on above)
            page.add(report)
            if args.annotate:
                kept.append(report)  # the one Word file, annotated once the output is done
        for path in paths[done:]:  # left unchecked by a signal: named, output still whole
            bad.append((path, "not checked: the run was interrupted"))
            _complain(path, "not checked: the run was interrupted", lang)
        if accepted is not None:
            written = accepted.merged(found, checked, prune=args.prune_baseline)
            written.write(args.write_baseline)
            _complain(args.write_baseline, _accepted_line(accepted, written, found, lang), lang)
            return _stopped(runner) or (2 if bad else 0)
        assert page is not None
        page.close(tally, bad)
    if args.annotate and kept:
        from .report.docx import annotate  # python-docx is imported only when asked for

        written_comments = annotate(paths[0], kept[0], args.annotate, lang=config.lang)
        _complain(args.annotate, V.say("cli.comments", lang, n=written_comments), lang)
    return _stopped(runner) or (2 if bad else 1 if failed else 0)


def _stopped(runner: Runner) -> int:
    """128 + the signal that stopped the run (130 for Ctrl-C), or 0 when none did."""
    return 128 + runner.stopped if runner.stopped else 0


def _refuse_overwrites(args: argparse.Namespace, paths: list[str], config: Config) -> None:
    """Exit 2 before anything is read when an output would overwrite an input of the run.

    ``--write-baseline`` may name the ``--baseline`` read: rewriting it is how it is kept
    up to date (and the rewrite merges, see :mod:`consistency.baseline`).
    """
    from .writing import refuse_inputs_as_outputs

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
    from .baseline import Baseline

    if os.path.exists(path):
        return Baseline.load(path)
    return Baseline((), str(Path(path).resolve().parent))


def _accepted_line(old: Baseline, new: Baseline, found: list[Baseline], lang: str) -> str:
    """What a ``--write-baseline`` run did, in one line."""
    now = sum(len(b.entries) for b in found)
    kept = len(new.entries) - now  # every finding of this run is in the new baseline
    dropped = (Counter(old.entries) - Counter(new.entries)).total()
    return V.say(
        "cli.accepted",
        lang,
        total=len(new.entries),
        now=now,
        kept=V.say("cli.accepted_kept", lang, n=kept) if kept else "",
        dropped=V.say("cli.accepted_dropped", lang, n=dropped) if dropped else "",
    )


def _complain(path: str, problem: str, lang: str) -> None:
    """One line on stderr for a file that could not be checked, as soon as it is known
    (in the user's language, control characters made visible, see ``report.sanitise``)."""
    print(f"{_shown(path)}: {_visible(V.problem(problem, lang))}", file=sys.stderr, flush=True)


def _config(args: argparse.Namespace) -> Config:
    from .arguments import LANG_VARIABLE
    from .config import load_config, parse_codes, parse_severity

    config = load_config(args.config)
    changes: dict[str, Any] = {}
    for key in ("select", "ignore"):
        values = getattr(args, key)
        if values:
            codes = [c for v in values for c in v.split(",") if c.strip()]
            changes[key] = parse_codes(codes, "command line", f"--{key}")
    if args.fail_on:
        changes["fail_on"] = parse_severity(args.fail_on, "command line", "--fail-on")
    lang = args.lang or os.environ.get(LANG_VARIABLE)
    if lang:
        if lang not in V.LANGS:
            raise ConsistencyError(LANG_VARIABLE, f"{lang!r} is not one of zh, en")
        changes["lang"] = lang
    if args.jobs < 0:
        raise ConsistencyError("command line", "--jobs: must be 0 (one per CPU) or more")
    if args.timeout is not None and not args.timeout > 0:
        raise ConsistencyError("command line", "--timeout: must be a number of seconds above 0")
    return replace(config, **changes)


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
    from .loaders import load_stream

    return load_stream(sys.stdin.buffer, _STDIN_NAME)


# --- quantities, rules, explain ------------------------------------------------------


def _quantities(args: argparse.Namespace, lang: str) -> int:
    from .files import expand
    from .loaders import load
    from .quantities import scan

    paths, bad = expand(args.paths, follow_links=args.follow_symlinks)
    for path, problem in bad:
        _complain(path, problem, lang)
    for path in paths:
        try:
            document = _load_stdin() if path == STDIN else load(path)
        except InputError as error:
            bad.append((path, error.problem))
            _complain(path, error.problem, lang)
            continue
        for q in scan(document.text):
            loc = document.location(q.start)
            value = ("~" if q.approx else "") + _num(q.value)
            bounds = f"[{_num(q.low)}, {_num(q.high)}]"
            print(
                f"{_shown(path)}:{loc.line}:{loc.column}  {_visible(q.text)}  {value}  "
                f"{bounds}  {_visible(q.unit or '-')}"
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


def _rules(args: argparse.Namespace, lang: str) -> int:
    from .rulebook import rules_text

    print(rules_text(lang), end="")
    return 0


def _explain(args: argparse.Namespace, lang: str) -> int:
    from . import messages
    from .rulebook import explain_text

    code = args.code.strip().upper()
    if code not in messages.CATALOGUE:
        raise ConsistencyError(args.code, "unknown code (see `consistency rules`)")
    print(explain_text(code, lang), end="")
    return 0


def _schema(args: argparse.Namespace, lang: str) -> int:
    from .contract import schema_text

    print(schema_text(), end="")
    return 0


#: command name → what runs it, with the parsed arguments and the interface language
_COMMANDS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "check": _check,
    "quantities": _quantities,
    "rules": _rules,
    "schema": _schema,
    "explain": _explain,
}
