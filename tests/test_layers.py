"""The one-way flow, enforced: a module imports only from its own stage or earlier ones.

file → Document → Quantity → Claim → Verdict → Finding → Report → format. A later stage
may read an earlier one, never the reverse, so that a formatter cannot decide a verdict
and a claim kind cannot depend on how it is shown. The stages are listed here once; a new
module must be placed in one of them, or this test names it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import consistency

PACKAGE = Path(consistency.__file__).parent

#: the stages of the flow, earliest first; names are the first part below ``consistency``
STAGES: tuple[frozenset[str], ...] = tuple(
    frozenset(stage.split())
    for stage in (
        # words, numbers and rules that know nothing of a document
        "_about errors lexicon intervals verdicts messages writing vocabulary console",
        # text: documents as they arrive, and the figures read from them
        "document loaders files numerals units scan_pattern quantities",
        # a claim between figures, and how a value is shown
        "claim display",
        # the claim kinds and the binding layer they share
        "claims",
        # what a check tells the author, and what the configuration lets through
        "findings suppression config contract",
        # one check of one document, and the findings already accepted
        "engine baseline",
        # many documents, and every output format
        "runner distributed report rulebook arguments",
        # the faces: the public API, the command line, the pytest plugin
        "__init__ __main__ cli pytest_plugin",
    )
)


def _stage_of(top: str) -> int:
    for rank, names in enumerate(STAGES):
        if top in names:
            return rank
    raise LookupError(top)


def _top(dotted: str) -> str:
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(source: str, name: str, package: str) -> set[str]:
    """Every ``consistency.*`` module the module ``name`` (in ``package``) imports, at
    any depth of its code (``if TYPE_CHECKING`` blocks aside: annotations do not make a
    dependency)."""
    tree = ast.parse(source)
    skipped = {
        id(node)
        for guard in ast.walk(tree)
        if isinstance(guard, ast.If) and "TYPE_CHECKING" in ast.unparse(guard.test)
        for body in guard.body
        for node in ast.walk(body)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            targets = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            continue
        found.update(t for t in targets if t == "consistency" or t.startswith("consistency."))
    return found


def _later_imports(source: str, name: str, package: str) -> list[str]:
    own = _top(name)
    return sorted(
        target
        for target in _imports(source, name, package)
        if _top(target) != own and _stage_of(_top(target)) > _stage_of(own)
    )


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_stage():
    unplaced = {_top(_module_name(p)) for p in MODULES} - set().union(*STAGES)
    assert not unplaced, f"place these modules in a stage of the flow: {sorted(unplaced)}"


def _read(path: Path) -> tuple[str, str, str]:
    """A module's source, its dotted name and the package its relative imports start in."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    return path.read_text(encoding="utf-8"), name, package


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_flow_one_way(path: Path):
    later = _later_imports(*_read(path))
    assert not later, f"{path.relative_to(PACKAGE)} imports a later stage: {later}"


def _private_reaches(source: str, name: str, package: str) -> list[str]:
    """Private modules (``_name``) of another package that the module imports: a
    package's underscored modules are its own business."""
    own = _top(name)
    return sorted(
        target
        for target in _imports(source, name, package)
        if _top(target) != own
        and any(part.startswith("_") and not part.startswith("__") for part in target.split(".")[2:])
    )


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_private_module_of_another_package(path: Path):
    reached = _private_reaches(*_read(path))
    assert not reached, f"{path.relative_to(PACKAGE)} reaches into another package's private modules: {reached}"


def test_a_private_reach_is_seen():
    source = "from .claims._figures import fmt_interval\n"
    assert _private_reaches(source, "consistency.findings", "consistency") == [
        "consistency.claims._figures"
    ]
    assert _private_reaches("from ._figures import judge\n", "consistency.claims.totals",
                            "consistency.claims") == []


@pytest.mark.parametrize(
    ("source", "name", "package", "expected"),
    [
        # the reverse of the flow, in each spelling of an import
        ("from .engine import check\n", "consistency.intervals", "consistency", ["consistency.engine"]),
        ("from .. import findings\n", "consistency.claims.totals", "consistency.claims",
         ["consistency.findings"]),
        ("def f():\n    import consistency.report\n", "consistency.quantities", "consistency",
         ["consistency.report"]),
        # the flow itself, a module of the same stage, and an annotation only
        ("from ..quantities import Quantity\n", "consistency.claims.totals", "consistency.claims", []),
        ("from .units import factor\n", "consistency.quantities", "consistency", []),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .engine import check\n",
         "consistency.intervals", "consistency", []),
    ],
)
def test_the_check_sees_each_spelling(source, name, package, expected):
    assert _later_imports(source, name, package) == expected
