"""The output of ``consistency check``: each report written as it comes, then the end.

The command line finds files and asks the engine; this writer holds no report longer
than it takes to write it (JSON, SARIF and HTML too are written report by report), and
escapes what the output stream needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from .. import console

if TYPE_CHECKING:
    from ..config import Config
    from ..findings import Report

__all__ = ["Page"]


class Page:
    """The output of ``check``: each report as it comes, in its format, then the end.

    Text for people goes to the stream as it is (the stream escapes what its encoding
    lacks, see :func:`console.prepare`); JSON, SARIF and HTML are escaped by their own
    rules on a stream that is not Unicode (:func:`console.escaper`), so they stay valid.
    """

    def __init__(
        self,
        fmt: str,
        config: Config,
        out: TextIO,
        *,
        statistics: bool = False,
        to_file: bool = False,
        single: str | None = None,
    ) -> None:
        from . import FORMATTERS, csv, text
        from . import statistics as stats
        from .json import Writer

        self.fmt, self.config, self.out = fmt, config, out
        self.statistics = statistics
        # colour only for people at a terminal, never in a file the run writes
        self.colour = self.fmt == "text" and not to_file and console.colour(out)
        self.escape = console.escaper(self.fmt, out)
        self.formatters, self.text, self.csv, self.stats = FORMATTERS, text, csv, stats
        self.json = Writer(self) if self.fmt == "json" and not self.statistics else None
        # SARIF and HTML are written report by report too (report.sarif, report.html)
        self.document: Any = None
        if self.fmt == "sarif":
            from . import sarif

            self.document = sarif.Writer(self, config)
        elif self.fmt == "html":
            from . import html
            from .sanitise import shown_path

            name = shown_path(single) if single and single != "-" else None
            self.document = html.Writer(self, config, single=name)
        if self.fmt == "csv":
            self.write(csv.start(console.is_unicode(out), config, statistics=self.statistics))

    def write(self, text: str) -> None:
        """Write ``text`` to the output, escaped as the output needs."""
        self.out.write(self.escape(text))

    def add(self, report: Report) -> None:
        """One report, in the formats that are written file by file."""
        if self.statistics:
            return
        if self.json is not None:
            self.json.add(report)
        elif self.document is not None:
            self.document.add(report)
        elif self.fmt == "csv":
            self.write(self.csv.rows(report, self.config))
        elif self.fmt == "github":
            self.write(self.formatters["github"]([report], self.config))
        elif self.fmt == "text":
            self.write(self.text.render_report(report, self.config, color=self.colour))
        self.out.flush()

    def close(self, tally: Any, bad: list[tuple[str, str]]) -> None:
        """The end of the output: the summary, or the end of the document written."""
        if self.statistics:
            self.write(self.stats.render(tally, self.fmt, self.config, errors=bad))
        elif self.fmt == "text":
            self.write(self.text.summary(tally, self.config.lang, color=self.colour))
        elif self.json is not None:
            self.json.close(bad)
        elif self.document is not None:
            self.document.close(bad)
        self.out.flush()
