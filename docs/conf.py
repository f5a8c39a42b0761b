"""Sphinx configuration for the electoral_rules documentation.

Build (warnings are errors) and run every example of the pages::

    python -m sphinx -W --keep-going -b html docs docs/_build/html
    python -m sphinx -W -b doctest docs docs/_build/doctest

Pages are Markdown (MyST). The doctest builder runs the ``{doctest}`` blocks of the pages;
the examples in docstrings are run by pytest (``--doctest-modules``), not a second time here.
No network is used: intersphinx is off.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import electoral_rules  # noqa: E402

project = "electoral_rules"
author = "electoral_rules contributors"
copyright = "electoral_rules contributors, MIT licence"
version = release = electoral_rules.__version__
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx_autodoc_typehints",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []
nitpicky = False

# -- MyST ----------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc and type hints (types go in the description, not the signature) ----------------
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_typehints = "description"
autodoc_preserve_defaults = True
typehints_use_signature = False
typehints_use_signature_return = False
always_document_param_types = False
typehints_defaults = "comma"
# Some hints are strings that cannot be evaluated at run time (the ``Share`` alias is
# "Fraction | int | str"; ``Lang`` exists only under TYPE_CHECKING): keep them as written.
suppress_warnings = ["sphinx_autodoc_typehints.forward_reference"]

# -- doctest ---------------------------------------------------------------------------------
import doctest  # noqa: E402

doctest_default_flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1
doctest_test_doctest_blocks = ""  # docstring examples run under pytest --doctest-modules
doctest_global_setup = "import electoral_rules as er\nfrom fractions import Fraction"

# -- HTML ------------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"electoral_rules {release}"
html_static_path = ["_static"]
html_theme_options = {"navigation_with_keys": True}
