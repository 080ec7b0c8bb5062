"""Configuration: found from the working directory upward, every mistake named by file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency import messages
from consistency.config import Config, find_config, load_config
from consistency.errors import ConfigError
from consistency.intervals import RoundingMode
from consistency.verdicts import Severity


@pytest.fixture(autouse=True)
def _codes(fake_engine: object) -> None:
    """The stand-in engine's codes (C101, C102) are in the catalogue for these tests."""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_when_no_file_is_found(tmp_path: Path) -> None:
    assert load_config(start=tmp_path) == Config()


def test_pyproject_table_is_found_from_a_subfolder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.consistency]\nignore = ["C102"]\n')
    (tmp_path / "drafts" / "2024").mkdir(parents=True)
    config = load_config(start=tmp_path / "drafts" / "2024")
    assert config.ignore == ("C102",)
    assert config.source == str(tmp_path / "pyproject.toml")


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.consistency]\nlang = "en"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(tmp_path / "sub") == tmp_path / "pyproject.toml"


def test_consistency_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.consistency]\nlang = "en"\n')
    write(tmp_path / "consistency.toml", 'fail-on = "warning"\n')
    config = load_config(start=tmp_path)
    assert (config.lang, config.fail_on) == ("zh", Severity.WARNING)


def test_every_key_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "consistency.toml",
        """
select = ["C1"]
ignore = ["c102"]
fail-on = "warning"
lang = "en"
[severity]
C1 = "warning"
C101 = "info"
[rounding]
accepted = ["half-even"]
tolerated = ["half-up", "truncate"]
[per-file-ignores]
"old/*.txt" = ["C101"]
""",
    )
    config = load_config(path)
    assert config.select == ("C1",) and config.ignore == ("C102",)
    assert config.fail_on is Severity.WARNING and config.lang == "en"
    # a family sets every code of it; a code named on its own wins over its family
    family = {code: Severity.WARNING for code in messages.CATALOGUE if code.startswith("C1")}
    assert config.severity == {**family, "C101": Severity.INFO}
    assert config.severity["C102"] is Severity.WARNING
    assert config.rounding.accepted == (RoundingMode.HALF_EVEN,)
    assert config.rounding.tolerated == (RoundingMode.HALF_UP, RoundingMode.TRUNCATE)
    assert config.per_file_ignores == (("old/*.txt", ("C101",)),)


def test_snake_case_keys_are_accepted_as_well(tmp_path: Path) -> None:
    path = write(tmp_path / "consistency.toml", 'fail_on = "info"\n')
    assert load_config(path).fail_on is Severity.INFO


def test_per_file_ignores_match_paths_relative_to_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "consistency.toml", '[per-file-ignores]\n"old/*.txt" = ["C1"]\n')
    config = load_config(path)
    monkeypatch.chdir(tmp_path.parent)  # globs are relative to the config, not the cwd
    assert config.for_path(tmp_path / "old" / "2019.txt").ignore == ("C1",)
    assert not config.for_path(tmp_path / "old" / "2019.txt").wants("C101")
    assert config.for_path(tmp_path / "new" / "2024.txt").ignore == ()


def test_per_file_ignores_match_a_bare_file_name(tmp_path: Path) -> None:
    config = load_config(
        write(tmp_path / "consistency.toml", '[per-file-ignores]\n"*_trad.txt" = ["C102"]\n')
    )
    assert config.for_path("elsewhere/report_trad.txt").ignore == ("C102",)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('selct = ["C1"]\n', "selct"),
        ('select = ["C000"]\n', "select"),
        ('ignore = ["X1"]\n', "ignore"),
        ("ignore = [1]\n", "ignore"),
        ("select = 3\n", "select"),
        ('fail-on = "fatal"\n', "fail-on"),
        ('lang = "fr"\n', "lang"),
        ('[severity]\nC101 = "loud"\n', "severity.C101"),
        ('[severity]\nC000 = "error"\n', "severity.C000"),
        ('severity = "error"\n', "severity"),
        ('[rounding]\naccepted = ["banker"]\n', "rounding.accepted"),
        ("[rounding]\naccepted = []\n", "rounding.accepted"),
        ('[rounding]\ntolerated = ["half-up"]\n', "rounding"),
        ('[rounding]\nmodes = ["half-up"]\n', "rounding.modes"),
        ('[per-file-ignores]\n"*.txt" = ["C0000"]\n', "per-file-ignores.*.txt"),
    ],
    ids=lambda v: v.replace("\n", " ") if isinstance(v, str) else v,
)
def test_a_mistake_names_the_file_and_the_key(tmp_path: Path, text: str, key: str) -> None:
    path = write(tmp_path / "consistency.toml", text)
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert raised.value.path == str(path)
    assert raised.value.problem.startswith(key + ":")


def test_a_mistake_in_pyproject_names_the_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.consistency]\nlang = "fr"\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml: \[tool.consistency\] lang:"):
        load_config(start=tmp_path)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[tool]\nconsistency = 5\n", "[tool.consistency]: expected a table, got int"),
        ('[tool]\nconsistency = ["C1"]\n', "[tool.consistency]: expected a table, got list"),
        ('tool = "consistency"\n', None),  # no [tool] table: not this tool's configuration
    ],
    ids=["a number", "a list", "tool is a string"],
)
def test_a_pyproject_whose_tool_consistency_is_not_a_table(
    tmp_path: Path, text: str, problem: str | None
) -> None:
    write(tmp_path / "pyproject.toml", text)
    if problem is None:
        assert load_config(start=tmp_path) == Config()
        return
    with pytest.raises(ConfigError) as raised:
        load_config(start=tmp_path)
    assert raised.value.problem == problem


def test_a_configuration_nested_too_deeply_is_a_config_error(tmp_path: Path) -> None:
    path = write(tmp_path / "consistency.toml", "select = " + "[" * 100_000 + "]" * 100_000)
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_config(path)


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    path = write(tmp_path / "consistency.toml", "select = [\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(path)


def test_a_named_file_that_is_missing_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("select", "ignore", "code", "wanted"),
    [
        ((), (), "C201", True),
        (("C2",), (), "C201", True),
        (("C2",), (), "C101", False),
        ((), ("C20",), "C201", False),
        (("C2",), ("C201",), "C201", False),
        (("C2",), ("C201",), "C202", True),
    ],
)
def test_wants_matches_codes_and_family_prefixes(
    select: tuple[str, ...], ignore: tuple[str, ...], code: str, wanted: bool
) -> None:
    assert Config(select=select, ignore=ignore).wants(code) is wanted


@pytest.mark.parametrize(
    ("fail_on", "severity", "fails"),
    [
        (Severity.ERROR, Severity.ERROR, True),
        (Severity.ERROR, Severity.WARNING, False),
        (Severity.WARNING, Severity.WARNING, True),
        (Severity.WARNING, Severity.INFO, False),
        (Severity.INFO, Severity.INFO, True),
    ],
)
def test_fails_from_the_fail_level_up(fail_on: Severity, severity: Severity, fails: bool) -> None:
    assert Config(fail_on=fail_on).fails(severity) is fails
