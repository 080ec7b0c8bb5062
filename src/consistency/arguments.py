"""The command line's grammar: the argparse parser, in the language of the user.

``--help``, the usage line and argparse's own complaints (a missing argument, an
unknown choice) are worded in :mod:`consistency.vocabulary`, Chinese by default. The
language is known before the parser is built (:func:`interface_lang`): ``--lang``
anywhere on the line, else ``CONSISTENCY_LANG``, else ``lang`` in the configuration
found from the working directory, else Chinese.

Building the parser imports nothing of the checker, so ``consistency --help`` starts as
fast as ``rules`` and ``explain`` do.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from . import vocabulary as V
from ._about import __version__

__all__ = ["FORMATS", "LANG_VARIABLE", "Parser", "build", "interface_lang"]

#: the output formats of ``check --format``, in the order ``--help`` lists them
FORMATS = ("text", "json", "csv", "sarif", "github", "html")
#: the environment variable that sets the language when ``--lang`` is not given
LANG_VARIABLE = "CONSISTENCY_LANG"


def interface_lang(argv: Sequence[str]) -> str:
    """The language of the interface for this command line (see the module docstring)."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in V.LANGS:
            return value
    env = os.environ.get(LANG_VARIABLE)
    if env in V.LANGS:
        return env
    return _configured_lang()


def _configured_lang() -> str:
    from .config import load_config
    from .errors import ConsistencyError

    try:
        return load_config().lang
    except ConsistencyError:  # a broken configuration is reported by the command that reads it
        return V.DEFAULT


class Parser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` speaking ``lang``: its headings, its help
    option and its error messages."""

    def __init__(self, *args: Any, lang: str = V.DEFAULT, **kwargs: Any) -> None:
        self.lang = lang
        kwargs.setdefault("formatter_class", _formatter(lang))
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = V.say("cli.positionals", lang)
        self._optionals.title = V.say("cli.options", lang)
        self.add_argument("-h", "--help", action="help", help=V.say("cli.help", lang))

    def error(self, message: str) -> NoReturn:
        """Usage and the problem, in the parser's language, then exit 2."""
        self.print_usage(sys.stderr)
        word = V.say("cli.error", self.lang)
        self.exit(2, f"{self.prog}: {word}: {V.problem(message, self.lang)}\n")


def _formatter(lang: str) -> type[argparse.HelpFormatter]:
    usage_prefix = V.say("cli.usage", lang)

    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any = None) -> None:
            super().add_usage(usage, actions, groups, usage_prefix if prefix is None else prefix)

    return Formatter


def build(lang: str) -> Parser:
    """The parser of ``consistency`` in ``lang``; each command sets ``run`` to its name."""
    say = V.say
    parser = Parser(prog="consistency", description=say("cli.description", lang), lang=lang)
    parser.add_argument(
        "--version",
        action="version",
        version=f"consistency {__version__}",
        help=say("cli.version", lang),
    )
    _lang_option(parser, lang, default=None)
    sub = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", title=say("cli.commands", lang)
    )

    def command(name: str) -> Parser:
        p: Parser = sub.add_parser(name, help=say(f"cli.{name}", lang), lang=lang)
        p.set_defaults(run=name)
        _lang_option(p, lang, default=argparse.SUPPRESS)
        return p

    check = command("check")
    check.add_argument("paths", nargs="+", metavar="PATH", help=say("cli.paths", lang))
    check.add_argument("--format", choices=FORMATS, default="text", help=say("cli.format", lang))
    check.add_argument("--output", "-o", metavar="FILE", help=say("cli.output", lang))
    check.add_argument(
        "--fail-on", choices=tuple(V.SEVERITY), help=say("cli.fail_on", lang)
    )
    check.add_argument("--select", action="append", metavar="CODES", help=say("cli.select", lang))
    check.add_argument("--ignore", action="append", metavar="CODES", help=say("cli.ignore", lang))
    check.add_argument("--config", metavar="FILE", help=say("cli.config", lang))
    check.add_argument("--baseline", metavar="FILE", help=say("cli.baseline", lang))
    check.add_argument("--write-baseline", metavar="FILE", help=say("cli.write_baseline", lang))
    check.add_argument(
        "--prune-baseline", action="store_true", help=say("cli.prune_baseline", lang)
    )
    check.add_argument("--annotate", metavar="OUT.docx", help=say("cli.annotate", lang))
    check.add_argument(
        "--follow-symlinks", action="store_true", help=say("cli.follow_symlinks", lang)
    )
    check.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N", help=say("cli.jobs", lang)
    )
    check.add_argument(
        "--timeout", type=float, metavar="SECONDS", help=say("cli.timeout", lang)
    )
    check.add_argument("--statistics", action="store_true", help=say("cli.statistics", lang))

    quantities = command("quantities")
    quantities.add_argument("paths", nargs="+", metavar="PATH", help=say("cli.paths", lang))
    quantities.add_argument(
        "--follow-symlinks", action="store_true", help=say("cli.follow_symlinks", lang)
    )
    command("rules")
    command("schema")
    command("explain").add_argument("code", help=say("cli.code", lang))
    return parser


def _lang_option(parser: Parser, lang: str, *, default: object) -> None:
    # on the main parser and on each command, so that --lang may stand anywhere; a
    # command's own default must not undo a --lang given before the command's name
    parser.add_argument(
        "--lang", choices=V.LANGS, default=default, help=V.say("cli.lang", lang)
    )
