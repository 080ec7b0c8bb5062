"""The HTML report in a real browser: headless Chromium renders it and takes a screenshot.

Opt-in, because it needs Chromium installed and takes seconds rather than milliseconds::

    apt-get install -y chromium fonts-noto-cjk     # Debian; the fonts draw the Chinese text
    CONSISTENCY_BROWSER=1 python -m pytest tests/test_browser.py -s
    # or: python -m pytest tests/test_browser.py --run-browser -s

Without the opt-in these tests are deselected at collection (tests/conftest.py), not
skipped; once opted in, a missing browser fails the test. The screenshots are
written to ``$CONSISTENCY_SCREENSHOTS`` (default: pytest's temporary directory) and their
paths printed, so a person can look at them: that look is the point of this test.
The browser is started with no network, no first-run set-up and a throw-away profile.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from consistency import check_text
from consistency.config import Config
from consistency.findings import Report
from consistency.report.html import render
from report_samples import sample_report

pytestmark = pytest.mark.browser

SEED = Path(__file__).resolve().parent.parent / "corpus" / "seeds" / "004_ee36a159e2e744f4.txt"
WIDTH, HEIGHT = 1280, 2400


@pytest.fixture
def chromium() -> str:
    for name in (os.environ.get("CONSISTENCY_CHROMIUM", ""), "chromium", "chromium-browser"):
        if name and (found := shutil.which(name)):
            return found
    pytest.fail("Chromium not found: apt-get install -y chromium (or set CONSISTENCY_CHROMIUM)")


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    out = Path(os.environ.get("CONSISTENCY_SCREENSHOTS", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    return out


def _run(chromium: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    flags = (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={profile}",
        f"--window-size={WIDTH},{HEIGHT}",
        "--hide-scrollbars",
    )
    return subprocess.run(
        [chromium, *flags, *args], capture_output=True, text=True, timeout=120, check=False
    )


def _png_size_and_colours(path: Path) -> tuple[int, int, int]:
    """Width, height and the number of distinct byte values of the decoded image data."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    idat, pos = b"", 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


def _seed_report() -> Report:
    return check_text(SEED.read_text(encoding="utf-8"), path="corpus/seeds/" + SEED.name)


@pytest.mark.parametrize(
    ("name", "make", "lang"),
    [
        ("sample-zh", sample_report, "zh"),
        ("sample-en", sample_report, "en"),
        ("seed-004-zh", _seed_report, "zh"),
    ],
    ids=["sample-report-chinese", "sample-report-english", "wuhai-2020-seed-chinese"],
)
def test_chromium_renders_the_report_as_written(
    chromium, shots, tmp_path, name, make, lang
) -> None:
    report = make()
    html = render([report], Config(lang=lang))
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    shot = shots / f"{name}.png"

    done = _run(chromium, tmp_path / "profile-shot", f"--screenshot={shot}", page.as_uri())
    assert shot.is_file(), done.stderr[-2000:]
    width, height, colours = _png_size_and_colours(shot)
    assert (width, height) == (WIDTH, HEIGHT)
    assert colours > 16, "the screenshot is blank"
    print(f"\nscreenshot: {shot}")

    # the browser's own reading of the page: every checked figure is a mark it kept
    dom = _run(chromium, tmp_path / "profile-dom", "--dump-dom", page.as_uri()).stdout
    assert dom.count('<mark class="fig ') == html.count('<mark class="fig ')
    assert "<script" not in dom
    for finding in report.findings:
        shown = finding.message_en.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert shown in dom
