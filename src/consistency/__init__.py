"""consistency: proves, or refutes, the internal arithmetic of Chinese government reports.

>>> from consistency import check_text
>>> report = check_text("报送633人,其中495人通过;138人不予通过。")
>>> [c.relation for c in report.claims]
['633 = 495 + 138']
>>> report.findings
()

The public names are loaded on first use, so that importing a light part of the
package (the pytest plugin, registered for every pytest run in an environment where
this package is installed) does not import the whole engine.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._about import __version__

__all__ = [
    "Claim",
    "Finding",
    "Quantity",
    "Report",
    "__version__",
    "check_document",
    "check_file",
    "check_text",
    "parse_quantities",
]

#: public name → (module, attribute)
_WHERE = {
    "Claim": ("claim", "Claim"),
    "Finding": ("findings", "Finding"),
    "Report": ("findings", "Report"),
    "Quantity": ("quantities", "Quantity"),
    "check_document": ("engine", "check_document"),
    "check_file": ("engine", "check_file"),
    "check_text": ("engine", "check_text"),
    "parse_quantities": ("quantities", "scan"),
}

if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors
    from .claim import Claim
    from .engine import check_document, check_file, check_text
    from .findings import Finding, Report
    from .quantities import Quantity
    from .quantities import scan as parse_quantities


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module 'consistency' has no attribute {name!r}") from None
    value = getattr(import_module(f".{module}", __name__), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
