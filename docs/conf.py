"""Sphinx configuration for the electoral_rules documentation.

Build (warnings are errors) and run every example of the pages::

    python -m sphinx -W --keep-going -b html docs docs/_build/html
    python -m sphinx -W -b doctest docs docs/_build/doctest

Pages are Markdown (MyST). The doctest builder runs the ``{doctest}`` blocks of the pages;
the examples in docstrings are run by pytest (``--doctest-modules``), not a second time here.
No network is used: intersphinx is off.

The notebooks of ``examples/`` become the pages of the "Notebooks" section: they are copied
into ``docs/notebooks/`` (not kept in git) and rendered by myst-nb with the outputs stored in
them, without executing anything; ``tests/test_notebooks.py`` checks that those outputs are
what a fresh execution gives.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import electoral_rules  # noqa: E402


def _copy_notebooks(source: Path, target: Path) -> None:
    """Mirror ``source/*.ipynb`` in ``target`` (rewriting only what changed, so that Sphinx
    rebuilds only those pages), removing the copies of notebooks that no longer exist."""
    target.mkdir(exist_ok=True)
    wanted = {path.name: path for path in source.glob("*.ipynb")}
    for stale in target.glob("*.ipynb"):
        if stale.name not in wanted:
            stale.unlink()
    for name, path in wanted.items():
        copy = target / name
        if not copy.exists() or copy.read_bytes() != path.read_bytes():
            shutil.copyfile(path, copy)


_copy_notebooks(ROOT / "examples", Path(__file__).resolve().parent / "notebooks")

project = "electoral_rules"
author = "electoral_rules contributors"
copyright = "electoral_rules contributors, MIT licence"
version = release = electoral_rules.__version__
language = "en"

extensions = [
    "myst_nb",  # MyST Markdown pages (myst-parser) and notebook pages
    "sphinx.ext.autodoc",
    "sphinx_autodoc_typehints",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []
nitpicky = False

# -- MyST ----------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- notebooks (myst-nb): show the stored outputs, never execute; a warning printed by a
# notebook (stderr) fails the -W build instead of being shown on the page.
nb_execution_mode = "off"
nb_output_stderr = "warn"
nb_merge_streams = True

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
