"""What the project is called and where to reach it, in one place.

``pyproject.toml`` reads the version from here at build time; ``consistency --version``
prints it without looking up installed metadata (which would cost more than the rest of
the start-up); SARIF's ``informationUri`` and the internal-error message name the
project page and the bug address from here. Importing this module imports nothing else.
"""

__version__ = "0.1.0"

#: the name on the package index (``consistency`` there is an unrelated project); the
#: import name and the command are ``consistency``
DISTRIBUTION = "consistency-zh"
#: the project's page
HOMEPAGE = "https://pypi.org/project/consistency-zh/"
#: where bugs are reported
BUG_REPORTS = "maintainers@users.noreply.h-seed-128d14cb.example"
