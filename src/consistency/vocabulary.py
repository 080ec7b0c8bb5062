"""The words of the interface, in Chinese and English: one vocabulary for every face.

The catalogue of findings (:mod:`consistency.messages`) says what each finding means;
this module holds everything else a user reads around it, so that the text report, the
HTML page, Word comments, SARIF, CSV, ``--help`` and the error lines on stderr call a
severity, a verdict, a rounding reading or a field by the same name::

    >>> label(SEVERITY, "warning", "zh"), label(FIELD, "stated", "zh")
    ('提醒', '文中数字')
    >>> say("summary.none", "zh", files=counted(3, "file", "zh"))
    '已检查 3 个文件，没有发现。'

Chinese is the default: the reports are Chinese, and so are most of their readers.
Tables are keyed by the values the JSON contract uses (``"error"``, ``"consistent-if"``,
``"half-even"``), so that this module imports nothing and the command line can show its
help without loading the checker.

Errors the library raises carry an English problem (``no such file``); :func:`problem`
gives it in Chinese through :data:`PROBLEMS`, a table of patterns. A problem no pattern
knows is shown as it is, in English, rather than not at all.
"""

from __future__ import annotations

import re

__all__ = [
    "COUNTED",
    "DEFAULT",
    "EVIDENCE",
    "FIELD",
    "LANGS",
    "MODE",
    "PHRASES",
    "PROBLEMS",
    "SEVERITY",
    "VERDICT",
    "counted",
    "label",
    "problem",
    "say",
]

LANGS = ("zh", "en")
DEFAULT = "zh"

#: (Chinese, English) by the value each has in the JSON contract
SEVERITY = {"error": ("错误", "error"), "warning": ("提醒", "warning"), "info": ("说明", "info")}
VERDICT = {
    "inconsistent": ("不一致", "inconsistent"),
    "consistent-if": ("有条件一致", "consistent only if"),
    "undecidable": ("无法判断", "undecidable"),
    "consistent": ("一致", "consistent"),
}
MODE = {
    "half-up": ("四舍五入", "rounding half up"),
    "half-even": ("四舍六入五成双", "rounding half to even"),
    "truncate": ("截尾", "truncation"),
}
EVIDENCE = {
    "named": ("文中指明", "named by the text"),
    "consensus": ("同列一致", "fixed by its list"),
    "position": ("按位置推测", "guessed by position"),
}
FIELD = {
    "path": ("文件", "file"),
    "line": ("行", "line"),
    "column": ("列", "column"),
    "code": ("代码", "code"),
    "name": ("名称", "name"),
    "severity": ("严重程度", "severity"),
    "message": ("说明", "message"),
    "message_en": ("英文说明", "message in English"),
    "stated": ("文中数字", "stated"),
    "computed": ("计算结果", "computed"),
    "mode": ("取舍方式", "rounding"),
    "kind": ("关系类型", "kind"),
    "relation": ("关系", "relation"),
    "evidence": ("依据", "evidence"),
    "page": ("页", "page"),
    "paragraph": ("段", "paragraph"),
    "cell": ("单元格", "cell"),
    "count": ("条数", "count"),
    "summary": ("含义", "meaning"),
}

#: noun → (Chinese, English singular, English plural), each with ``{n}``
COUNTED = {
    "file": ("{n} 个文件", "{n} file", "{n} files"),
    "finding": ("{n} 条发现", "{n} finding", "{n} findings"),
    "claim": ("{n} 处计算关系", "{n} claim", "{n} claims"),
    "error": ("错误 {n}", "{n} error", "{n} errors"),
    "warning": ("提醒 {n}", "{n} warning", "{n} warnings"),
    "info": ("说明 {n}", "{n} info", "{n} info"),
}
#: how a list of counts is joined
JOIN = {"zh": "，", "en": ", "}

#: key → (Chinese, English) templates; both name the same ``{fields}``
PHRASES: dict[str, tuple[str, str]] = {
    # places, as a reader of the Word or PDF original looks for them
    "place.line": ("第{n}行", "line {n}"),
    "place.page": ("第{n}页", "page {n}"),
    "place.paragraph": ("第{n}段", "paragraph {n}"),
    "place.cell": ("表格单元格 {n}", "table cell {n}"),
    # the summary after the findings (text format); counts come from counted()
    "summary.none": ("已检查 {files}，没有发现。", "No findings in {files} checked."),
    "summary.found": (
        "在 {files}中的 {with_findings} 个里共有 {findings}（{counts}）。",
        "Found {findings} in {with_findings} of {files} ({counts}).",
    ),
    "summary.count": ("{label} {n}", "{n} {label}"),
    "summary.claims": ("共核对 {claims}{parts}。", "{claims} checked{parts}."),
    "summary.parts": ("：{parts}", ": {parts}"),
    "summary.suppressed": (
        "另有 {findings}被文中的标记忽略（consistency: ignore）。",
        "{findings} more suppressed by markers in the text (consistency: ignore).",
    ),
    "summary.statistics": ("共 {findings}。", "{findings} in all."),
    # the command line
    "cli.description": (
        "核对中文政府报告内部的算术：合计与分项、占比、增减、完成率、列举项数、前后重复的数字。",
        "Prove or refute the internal arithmetic of Chinese government reports.",
    ),
    "cli.usage": ("用法：", "usage: "),
    "cli.positionals": ("位置参数", "positional arguments"),
    "cli.options": ("选项", "options"),
    "cli.commands": ("命令", "commands"),
    "cli.help": ("显示本帮助并退出", "show this help message and exit"),
    "cli.version": ("显示版本并退出", "show the version and exit"),
    "cli.lang": (
        "界面与消息的语言：zh（默认）或 en",
        "language of the interface and the messages: zh (default) or en",
    ),
    "cli.check": ("检查报告并列出发现", "check reports and print the findings"),
    "cli.paths": ("文件、文件夹、通配符，- 表示标准输入", "files, folders, globs, - for stdin"),
    "cli.format": ("输出格式（默认 text）", "output format (default: text)"),
    "cli.output": ("把报告写入此文件", "write the report here"),
    "cli.fail_on": ("从哪个严重程度起退出码为 1", "exit 1 from this severity up"),
    "cli.select": ("只报告这些代码或代码族，如 C1,C201", "report only these codes, e.g. C1,C201"),
    "cli.ignore": ("不报告这些代码或代码族", "leave out these codes or families"),
    "cli.config": ("配置文件：pyproject.toml 或 consistency.toml", "pyproject.toml or consistency.toml"),
    "cli.baseline": ("已接受的发现（基线），不再报告", "accepted findings to leave out"),
    "cli.write_baseline": (
        "把所有发现记为已接受（并入此文件，其他文件的条目保留）",
        "accept every finding found (merged into FILE: entries of other files are kept)",
    ),
    "cli.prune_baseline": (
        "与 --write-baseline 同用：去掉已不再出现的条目",
        "with --write-baseline: drop accepted findings no longer found",
    ),
    "cli.annotate": ("另存一份带批注的 Word 副本", "a Word copy with comments"),
    "cli.jobs": ("并行进程数，0 为每个 CPU 一个", "processes in parallel; 0: one per CPU"),
    "cli.follow_symlinks": (
        "跟随指向所查文件夹之外的符号链接（默认只列出，不跟随）",
        "follow symbolic links out of the folders checked (default: named, not followed)",
    ),
    "cli.timeout": (
        "单个文档检查超过这么多秒即报告为未检查",
        "a document still being checked after this long is reported as not checked",
    ),
    "cli.statistics": (
        "只列出每个代码的发现条数",
        "print the number of findings per code instead of the findings",
    ),
    "cli.quantities": ("列出读到的每个数字", "list every quantity read"),
    "cli.rules": ("列出全部代码", "list the finding codes"),
    "cli.schema": (
        "显示 --format json 输出的 JSON Schema",
        "print the JSON Schema of the --format json output",
    ),
    "cli.explain": ("显示某个代码的说明", "print the documentation of a code"),
    "cli.code": ("代码，如 C201", "a code such as C201"),
    "cli.error": ("错误", "error"),
    "cli.internal": (
        (
            "内部错误：{detail}\n这是 consistency 自身的缺陷，不是您文档的问题。请把所运行的命令和"
            "（如可能）文件发送至 {address}；设置 CONSISTENCY_DEBUG=1 可看到详细信息。"
        ),
        (
            "internal error: {detail}\nThis is a bug in consistency, not in your document. Please "
            "send the command you ran and, if you can, the file to {address}; set "
            "CONSISTENCY_DEBUG=1 for details."
        ),
    ),
    "cli.stale": (
        "过期条目（已不再出现）：{path} {code} {stated} «{claim}»",
        "stale entry (no longer found): {path} {code} {stated} «{claim}»",
    ),
    "cli.accepted": (
        "已接受 {total} 条发现（本次发现 {now} 条{kept}{dropped}）",
        "accepted {total} findings ({now} found in this run{kept}{dropped})",
    ),
    "cli.accepted_kept": ("，保留以前的 {n} 条", ", {n} kept from before"),
    "cli.accepted_dropped": ("，去掉已不再出现的 {n} 条", ", {n} no longer found dropped"),
    "cli.comments": ("写入 {n} 条批注", "{n} comments"),
    "cli.progress": ("检查中", "checking"),
    "explain.message": ("消息", "Message"),
    # the pytest plugin
    "plugin.stale_section": ("consistency：过期的基线条目", "consistency: stale baseline entries"),
    "plugin.stale_summary": (
        "{path} 中有 {n} 条已接受的发现不再出现；请重写基线以去掉它们：",
        "{n} accepted findings of {path} are no longer found; rewrite the baseline to drop them:",
    ),
    "plugin.stale_head": (
        "已接受但不再出现的发现（过期的基线条目）：",
        "Accepted findings no longer found (stale baseline entries):",
    ),
}

#: (English problem as the library words it, its Chinese); the first full match wins.
#: ``(?P<name>…)`` groups are copied into the Chinese.
PROBLEMS: tuple[tuple[str, str], ...] = (
    # files and folders
    (r"no such file", "文件不存在"),
    (r"no such file or folder", "文件或文件夹不存在"),
    (r"no file matches this pattern", "没有文件与此通配符匹配"),
    (r"no report files \((?P<s>.*)\) in this folder", "此文件夹中没有报告文件（{s}）"),
    (r"is a directory, not a document", "是文件夹，不是文档"),
    (r"not a regular file \(a pipe, socket or device\); not read",
     "不是普通文件（是管道、套接字或设备），未读取"),
    (r"cannot be read: (?P<why>.*)", "无法读取：{why}"),
    (r"cannot read \((?P<why>.*)\)", "无法读取（{why}）"),
    (r"cannot read: (?P<why>.*)", "无法读取：{why}"),
    (r"cannot write \((?P<why>.*)\)", "无法写入（{why}）"),
    (r"cannot write: it is a folder", "无法写入：这是一个文件夹"),
    (r"cannot write: (?P<why>.*)", "无法写入：{why}"),
    (r"the file is empty", "文件是空的"),
    (r"the file holds no text \(only white space\)", "文件中没有文字（只有空白）"),
    (r"too large: (?P<n>\S+) bytes; the limit is (?P<m>\S+) bytes",
     "文件太大：{n} 字节，上限为 {m} 字节"),
    (r"too large: more than (?P<m>\S+) bytes", "文件太大：超过 {m} 字节"),
    (r"binary data \(zero bytes\), not a text file", "是二进制数据（含零字节），不是文本文件"),
    (
        r"binary data \(control character (?P<u>U\+\S+) at character (?P<n>\S+)\), not a text file",
        "是二进制数据（第 {n} 个字符是控制字符 {u}），不是文本文件",
    ),
    (r"undecidable encoding: not UTF-8, UTF-16, GB18030 or Big5",
     "无法判断编码：不是 UTF-8、UTF-16、GB18030 或 Big5"),
    (
        (
            r"undecidable encoding: not UTF-8 or UTF-16, and neither GB18030 nor Big5 reads it as "
            r"ordinary Chinese \(best (?P<enc>\S+) at (?P<score>\S+)\); save it as UTF-8"
        ),
        (
            "无法判断编码：不是 UTF-8 或 UTF-16，按 GB18030 和 Big5 读出的都不像通常的中文"
            "（最好的 {enc} 为 {score}）；请另存为 UTF-8"
        ),
    ),
    (r"not valid (?P<enc>\S+) at byte (?P<n>\S+) although it looks like it",
     "看似 {enc}，但第 {n} 字节处不是有效的 {enc}"),
    # formats
    (r"a legacy Word \.doc file; save it as \.docx", "这是旧版 Word .doc 文件，请另存为 .docx"),
    (r"a WPS file; save it as \.docx", "这是 WPS 文件，请另存为 .docx"),
    (r"a spreadsheet, not a report document", "这是电子表格，不是报告文档"),
    (r"a legacy Office file \(\.doc/\.xls\); save it as \.docx",
     "这是旧版 Office 文件（.doc/.xls），请另存为 .docx"),
    (r"a zip archive, not a Word \(\.docx\) document", "这是 zip 压缩包，不是 Word（.docx）文档"),
    (r"not a (?P<what>\S+) file: its content does not start as one",
     "不是 {what} 文件：内容的开头不像"),
    (r"not a Word document \(no word/document\.xml in the zip\)",
     "不是 Word 文档（压缩包中没有 word/document.xml）"),
    (r"not a readable Word document \((?P<why>.*)\)", "无法读取的 Word 文档（{why}）"),
    (r"the Word document holds no text in its body", "Word 文档正文中没有文字"),
    (r"(?P<n>\S+) zip members; the limit is (?P<m>\S+)",
     "压缩包有 {n} 个成员，上限为 {m} 个"),
    (r"would inflate to (?P<n>\S+) bytes \(a zip bomb\?\); the limit is (?P<m>\S+) bytes",
     "解压后将有 {n} 字节（压缩炸弹？），上限为 {m} 字节"),
    (r"its text part is (?P<n>\S+) bytes; the limit is (?P<m>\S+) bytes",
     "其正文部分有 {n} 字节，上限为 {m} 字节"),
    (r"its part (?P<part>\S+) is (?P<n>\S+) bytes; the limit is (?P<m>\S+) bytes",
     "其中的 {part} 有 {n} 字节，上限为 {m} 字节"),
    (r"reading \.(?P<ext>docx|pdf) needs (?P<pkg>\S+) \(pip install (?P=pkg)\)",
     "读取 .{ext} 需要 {pkg}（pip install {pkg}）"),
    (r"not a readable PDF \((?P<why>.*)\)", "无法读取的 PDF（{why}）"),
    (r"not a readable PDF: (?P<damage>.*)", "无法读取的 PDF：{damage}"),
    (r"read only in part: (?P<damage>.*); text may be missing from the check",
     "只读取了一部分：{damage}；检查中可能缺少部分文字"),
    (r"the PDF is damaged \(its cross-reference table had to be rebuilt\)",
     "PDF 已损坏（其交叉引用表须重建）"),
    (r"the PDF is damaged \((?P<n>\S+) compressed streams? cut short\)",
     "PDF 已损坏（{n} 个压缩流被截断）"),
    (r"the PDF is encrypted; save an unprotected copy", "PDF 已加密，请另存一份不加密的副本"),
    (r"(?P<n>\S+) pages; the limit is (?P<m>\S+) pages", "共 {n} 页，上限为 {m} 页"),
    (r"the PDF has no text layer \(a scan\?\); run OCR on it first",
     "PDF 没有文字层（是扫描件？），请先做文字识别（OCR）"),
    (r"the page holds no readable text outside navigation and scripts",
     "网页中除导航和脚本外没有可读的文字"),
    (r"not checked: internal error (?P<error>.*) \(a bug in consistency, not in the document\)",
     "未检查：内部错误 {error}（是 consistency 的缺陷，不是文档的问题）"),
    # outputs
    (r"(?P<opt>\S+) would overwrite (?P<given>.*), an input of this run; write to another file",
     "{opt} 会覆盖本次的输入 {given}，请写到另一个文件"),
    (r"(?P<a>\S+) and (?P<b>\S+) name the same file", "{a} 和 {b} 指向同一个文件"),
    (r"would overwrite (?P<name>.*), the document annotated",
     "会覆盖被批注的文档 {name}"),
    (r"the report was made from a different text; check this document again first",
     "报告所依据的文字与此文档不同，请先重新检查此文档"),
    # the command line's grammar (argparse's own words)
    (r"the following arguments are required: (?P<a>.*)", "缺少以下参数：{a}"),
    (r"argument (?P<a>\S+): invalid choice: (?P<v>.*) \(choose from (?P<c>.*)\)",
     "参数 {a}：无效的选项 {v}（可选：{c}）"),
    (r"unrecognized arguments: (?P<a>.*)", "无法识别的参数：{a}"),
    (r"argument (?P<a>\S+): expected one argument", "参数 {a}：需要一个值"),
    (r"argument (?P<a>\S+): expected at least one argument", "参数 {a}：至少需要一个值"),
    (r"argument (?P<a>\S+): invalid (?P<t>\S+) value: (?P<v>.*)", "参数 {a}：无效的 {t} 值 {v}"),
    (r"ambiguous option: (?P<o>\S+) could match (?P<m>.*)", "有歧义的选项：{o} 可能是 {m}"),
    # the command line, configuration and baseline
    (r"--annotate needs exactly one \.docx file to check", "--annotate 需要恰好一个要检查的 .docx 文件"),
    (r"--jobs: must be 0 \(one per CPU\) or more", "--jobs：必须为 0（每个 CPU 一个）或更大"),
    (r"--timeout: must be a number of seconds above 0", "--timeout：必须是大于 0 的秒数"),
    (r"not checked: the run was interrupted", "未检查：运行被中断"),
    (r"not checked: still running after --timeout (?P<t>\S+) s",
     "未检查：超过 --timeout {t} 秒仍未检查完"),
    (r"not checked: the process checking it ended \((?P<how>.*)\), twice",
     "未检查：检查它的进程两次意外结束（{how}）"),
    (r"--prune-baseline goes with --write-baseline", "--prune-baseline 须与 --write-baseline 同用"),
    (r"unknown code \(see `consistency rules`\)", "未知代码（见 `consistency rules`）"),
    (r"no such configuration file", "配置文件不存在"),
    (r"not valid TOML: (?P<why>.*)", "不是有效的 TOML：{why}"),
    (r"not a configuration: nested too deeply", "不是配置：嵌套太深"),
    (r"(?P<key>.*): unknown key \(known: (?P<known>.*)\)", "{key}：未知的键（可用：{known}）"),
    (r"(?P<key>.*): expected a code such as 'C101', got (?P<raw>.*)",
     "{key}：应为 'C101' 这样的代码，实为 {raw}"),
    (r"(?P<key>.*): (?P<raw>.*) is not a code or family such as 'C1'",
     "{key}：{raw} 不是 'C1' 这样的代码或代码族"),
    (r"(?P<key>.*): unknown code (?P<raw>.*) \(see `consistency rules`\)",
     "{key}：未知代码 {raw}（见 `consistency rules`）"),
    (r"(?P<key>.*): (?P<value>.*) is not a severity \((?P<known>.*)\)",
     "{key}：{value} 不是严重程度（{known}）"),
    (r"(?P<key>.*): (?P<value>.*) is not one of zh, en", "{key}：{value} 不是 zh 或 en"),
    (r"(?P<value>.*) is not one of zh, en", "{value} 不是 zh 或 en"),
    (r"--statistics goes with --format text, json or csv",
     "--statistics 只能与 --format text、json 或 csv 同用"),
    (r"(?P<key>.*): expected a list, got (?P<t>.*)", "{key}：应为列表，实为 {t}"),
    (r"(?P<key>.*): expected a table, got (?P<t>.*)", "{key}：应为表，实为 {t}"),
    (r"(?P<key>.*): (?P<raw>.*) names an unknown mode \((?P<known>.*)\)",
     "{key}：{raw} 含未知的取舍方式（{known}）"),
    (r"(?P<key>.*): at least one rounding mode must be accepted",
     "{key}：至少要接受一种取舍方式"),
    (r"(?P<key>.*): (?P<names>.*) cannot be both accepted and tolerated",
     "{key}：{names} 不能既接受又容许"),
    (r"no such baseline file", "基线文件不存在"),
    (r"not a baseline file of version (?P<v>\S+)", "不是第 {v} 版的基线文件"),
    (r"not a baseline file: nested too deeply", "不是基线文件：嵌套太深"),
    (r"not a baseline file: (?P<why>.*)", "不是基线文件：{why}"),
    (r"findings: expected a list", "findings：应为列表"),
    (r"findings\[(?P<i>\S+)\]: needs path, code, claim, stated",
     "findings[{i}]：需要 path、code、claim、stated"),
)
_COMPILED = tuple((re.compile(pattern, re.DOTALL), zh) for pattern, zh in PROBLEMS)


def label(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """The word for ``key`` of ``table`` in ``lang``; an unknown key is shown as it is."""
    pair = table.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "zh" else pair[1]


def counted(n: int, noun: str, lang: str) -> str:
    """``n`` of ``noun`` (a key of :data:`COUNTED`): ``3 个文件``, ``1 file``, ``3 files``."""
    zh, one, many = COUNTED[noun]
    return (zh if lang == "zh" else one if n == 1 else many).format(n=n)


def say(key: str, lang: str, **fields: object) -> str:
    """The phrase ``key`` in ``lang`` with its fields filled."""
    zh, en = PHRASES[key]
    return (zh if lang == "zh" else en).format(**fields)


def problem(text: str, lang: str) -> str:
    """An error's problem in ``lang``: Chinese through :data:`PROBLEMS`, else as written."""
    if lang != "zh":
        return text
    for pattern, zh in _COMPILED:
        m = pattern.fullmatch(text)
        if m:  # a group may hold a problem of its own (the damage of a PDF read in part)
            return zh.format(**{k: problem(v or "", lang) for k, v in m.groupdict().items()})
    return text
