"""The public face of the package: its names, its doctest, and the contracts tools rely on."""

from __future__ import annotations

import doctest
import subprocess
import sys
from fractions import Fraction

import pytest

import consistency
from consistency import check_text, parse_quantities
from consistency.verdicts import Severity


def test_every_public_name_resolves() -> None:
    for name in consistency.__all__:
        assert getattr(consistency, name) is not None


def test_an_unknown_name_is_an_attribute_error_naming_it() -> None:
    try:
        consistency.no_such_name  # noqa: B018
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:  # pragma: no cover - the assertion is the test
        raise AssertionError("no AttributeError")


def test_the_package_docstring_example_runs() -> None:
    assert doctest.testmod(consistency).failed == 0


def test_importing_the_package_does_not_import_the_engine() -> None:
    code = "import sys, consistency; print('consistency.engine' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_parse_quantities_contract_fields() -> None:
    text = "协议涉及金额5040.78万元,占比90.95%。"
    money, share = parse_quantities(text)
    assert text[money.start : money.end] == money.text == "5040.78万元"
    assert (money.value, money.unit, money.decimals) == (Fraction(50407800), "元", 2)
    assert (share.value, share.unit, share.low, share.high) == (
        Fraction(9095, 10000), "%", Fraction(9095, 10000), Fraction(9095, 10000),
    )


def test_check_text_json_contract_keys() -> None:
    d = check_text("市本级政务服务事项共1150项,“网上办”事项1046项、占比90.95%。").to_dict()
    assert set(d) >= {"path", "claims", "findings"}
    claim = d["claims"][0]
    assert set(claim) >= {"kind", "start", "end", "verdict"}
    finding = d["findings"][0]
    assert set(finding) >= {
        "code", "severity", "start", "end", "line", "column", "message", "stated", "computed",
    }
    assert finding["severity"] == "warning" and finding["stated"] == "90.95%"
    # a claim and its finding state the computed value alike, in the stated figure's terms
    assert claim["computed"] == finding["computed"] == "90.9565%"


def test_a_report_counts_findings_by_severity_or_by_its_name() -> None:
    report = check_text("市本级政务服务事项共1150项,“网上办”事项1046项、占比90.95%。")
    assert report.count("warning") == report.count(Severity.WARNING) == 1
    assert report.count("Error") == report.count(Severity.ERROR) == 0
    with pytest.raises(ValueError, match=r"unknown severity 'errors'.*'error', 'warning'"):
        report.count("errors")


def test_a_report_and_its_document_print_short() -> None:
    text = "全年共1150项,“网上办”事项1046项、占比90.95%。\n" * 2000
    report = check_text(text, path="long.txt")
    shown = repr(report)
    assert len(shown) < 200 and "long.txt" in shown and "warning" in shown
    assert repr(report.document) == "<Document long.txt: 64,000 characters, 2001 lines>"
    assert "1150" not in repr(report.document)
