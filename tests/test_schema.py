"""The published JSON Schema of the output, checked against the real output of every face
that writes JSON: the command line (reports, statistics, errors), the library's
``envelope`` and the Dask runner.

The schema allows keys it does not name, because a key may be added within a version;
the tests validate against a strict copy too (every object closed), so a key added to
the output without its line in the schema fails here rather than going undocumented.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from consistency import check_text, contract
from consistency.cli import main
from consistency.findings import SCHEMA_VERSION
from consistency.report.json import envelope
from fixtures.make_fixtures import render_docx, render_html, render_pdf

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "corpus" / "seeds").glob("004_*.txt"))
#: an invented draft: a wrong total (C101) marked as accepted, a wrong share (C201)
DRAFT = (
    "全年共受理申请805件,其中咨询类410件,求助类260件,另外125件。consistency: ignore\n"
    "全市政务服务事项共1150项,其中“网上办”事项1046项、占比91.95%。\n"
)


def _strict(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with every object that names its properties closed to others."""
    closed = copy.deepcopy(schema)

    def close(node: Any) -> None:
        if isinstance(node, dict):
            if "properties" in node and "additionalProperties" not in node:
                node["additionalProperties"] = False
            for key, value in node.items():
                if key != "examples":
                    close(value)
        elif isinstance(node, list):
            for value in node:
                close(value)

    close(closed)
    return closed


@pytest.fixture(scope="module")
def validators() -> list[jsonschema.Draft202012Validator]:
    published = contract.schema()
    jsonschema.Draft202012Validator.check_schema(published)
    return [jsonschema.Draft202012Validator(s) for s in (published, _strict(published))]


def _valid(validators: list[jsonschema.Draft202012Validator], document: Any) -> None:
    for validator in validators:
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The draft as text, Word (paragraphs and a table), a web page and a PDF, plus the
    seed report and a file that cannot be read."""
    folder = tmp_path_factory.mktemp("drafts")
    (folder / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (folder / "draft.docx").write_bytes(render_docx(DRAFT))
    (folder / "draft.html").write_bytes(render_html(DRAFT).encode("gbk"))
    (folder / "draft.pdf").write_bytes(render_pdf(DRAFT))
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def test_the_schema_names_the_version_the_output_carries() -> None:
    assert contract.schema()["properties"]["version"] == {
        "const": SCHEMA_VERSION,
        "description": "The version of this contract.",
    }


def test_the_worked_example_of_the_schema_is_valid(validators) -> None:
    (example,) = contract.schema()["examples"]
    _valid(validators, example)


def test_the_command_line_json_of_every_format_read_validates(
    validators, drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, document = _cli(capsys, "check", str(drafts), "--format", "json")
    assert code == 2  # the empty file
    _valid(validators, document)
    by_name = {Path(f["path"]).name: f for f in document["files"]}
    assert set(by_name) == {"draft.txt", "draft.docx", "draft.html", "draft.pdf", "seed.txt"}
    findings = [x for f in document["files"] for x in f["findings"]]
    # the places each source gives: a Word paragraph and a PDF page
    assert any("paragraph" in x for x in findings) and any("page" in x for x in findings)
    assert by_name["draft.txt"]["suppressed"] and document["errors"][0]["path"].endswith(
        "empty.txt"
    )


def test_the_statistics_json_validates(
    validators, drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, document = _cli(capsys, "check", str(drafts), "--statistics", "--format", "json")
    assert code == 2 and document["statistics"] and "files" not in document
    _valid(validators, document)


def test_the_library_envelope_validates(validators) -> None:
    reports = [check_text(DRAFT, path="a.txt"), check_text("无数字。")]
    _valid(validators, envelope(reports, [("missing.txt", "no such file")]))


def test_the_dask_runner_output_validates(validators) -> None:
    import dask  # a test dependency (the [dask] extra)

    from consistency.distributed import check_texts

    with dask.config.set(scheduler="synchronous"):
        document = check_texts([("a.txt", DRAFT), ("b.txt", 7)])  # type: ignore[list-item]
    assert [e["path"] for e in document["errors"]] == ["b.txt"]
    _valid(validators, document)


def test_a_key_the_schema_does_not_name_fails_the_strict_check(validators) -> None:
    document = envelope([check_text(DRAFT, path="a.txt")])
    document["files"][0]["findings"][0]["undocumented"] = 1
    validators[0].validate(document)  # readers of a version ignore keys they do not know
    with pytest.raises(jsonschema.ValidationError, match="undocumented"):
        validators[1].validate(document)


def test_the_schema_is_printed_by_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == contract.schema()


def test_the_schema_ships_in_the_package() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data/*"' in pyproject  # package data: src/consistency/data/output.schema.json
    assert (ROOT / "src" / "consistency" / "data" / contract.SCHEMA_FILE).is_file()
