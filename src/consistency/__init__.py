"""consistency: proves, or refutes, the internal arithmetic of Chinese government reports.

>>> from consistency import check_text
>>> report = check_text("报送633人,其中495人通过,138人不予通过。")
>>> [f.code for f in report.findings]
[]
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .claim import Claim
from .engine import check_document, check_file, check_text
from .findings import Finding, Report
from .quantities import Quantity
from .quantities import scan as parse_quantities

try:
    __version__ = version("consistency")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = [
    "Claim",
    "Finding",
    "Quantity",
    "Report",
    "check_document",
    "check_file",
    "check_text",
    "parse_quantities",
    "__version__",
]
