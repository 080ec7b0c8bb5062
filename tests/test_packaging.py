"""What a new user installs: the distribution's name, its metadata, its dependencies,
and the two commands of the README that CI runs."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

import pytest

from consistency import __version__, _about
from consistency.config import Config
from consistency.report.sarif import to_sarif

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SRC = ROOT / "src" / "consistency"


def _imports(path: Path) -> set[str]:
    """The top-level names of every module ``path`` imports, wherever the import stands."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_distribution_is_not_named_after_the_unrelated_package_on_the_index() -> None:
    project = PYPROJECT["project"]
    assert project["name"] == _about.DISTRIBUTION == "consistency-zh"
    # the command keeps the short name
    assert project["scripts"] == {"consistency": "consistency.cli:main"}


def test_the_version_has_one_source() -> None:
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "consistency._about.__version__"
    }
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_the_project_names_its_page_its_licence_and_where_bugs_go() -> None:
    project = PYPROJECT["project"]
    assert project["license"] == {"file": "LICENSE"}
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert project["urls"]["Homepage"] == _about.HOMEPAGE
    assert [m["email"] for m in project["maintainers"]] == [_about.BUG_REPORTS]
    assert "/project/consistency/" not in _about.HOMEPAGE


def test_sarif_points_at_this_project_not_the_unrelated_one() -> None:
    driver = to_sarif([], Config())["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == _about.HOMEPAGE


def test_runtime_dependencies_are_the_ones_the_source_imports() -> None:
    """cn2an serves only the tests and a benchmark; every runtime dependency is imported."""
    runtime = {re.split(r"[<>=\[ ]", d)[0].lower() for d in PYPROJECT["project"]["dependencies"]}
    assert "cn2an" not in runtime and "pint" in runtime
    imported = set().union(*(_imports(p) for p in SRC.rglob("*.py")))
    assert "cn2an" not in imported
    # each runtime dependency is imported somewhere (python-docx is `docx`)
    import_names = {"python-docx": "docx"}
    for dist in runtime:
        assert import_names.get(dist, dist) in imported, dist
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert any(d.startswith("cn2an") for d in extras["test"])


@pytest.mark.parametrize(
    ("text", "needs_pint"),
    [("共受理案件12件,其中办结10件,在办2件。", False), ("夏粮产量13659.6万吨(2731.9亿斤)。", True)],
    ids=["no-conversion", "bracketed-conversion"],
)
def test_pint_is_imported_only_to_check_a_conversion(text: str, needs_pint: bool) -> None:
    import subprocess

    code = (
        "import sys, consistency; "
        f"r = consistency.check_text({text!r}); "
        "print('pint' in sys.modules, [c.kind for c in r.claims])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    imported, kinds = done.stdout.split(" ", 1)
    assert imported == str(needs_pint), done.stdout
    assert ("restatement" in kinds) is needs_pint


def _sh_blocks(markdown: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", markdown, re.DOTALL)]


def test_the_readme_has_two_set_up_commands_and_ci_runs_the_test_one() -> None:
    blocks = _sh_blocks((ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(blocks) == 2, blocks
    setup, tests = blocks
    assert "python3 -m venv" in setup and "consistency check corpus/" in setup
    assert "pytest" in tests
    ci = [
        line
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert ci[-1] == tests


@pytest.mark.parametrize("guide", ["guide.zh.md", "guide.en.md"])
def test_the_guides_never_tell_users_to_install_the_unrelated_package(guide: str) -> None:
    text = (ROOT / "docs" / guide).read_text(encoding="utf-8")
    assert not re.search(r"pip install consistency(?![-\w])", text.replace("`", ""))
    assert "python3 -m venv" in text and "pip install -e ." in text
