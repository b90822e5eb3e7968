# SPDX-License-Identifier: MIT
"""Sphinx configuration for the claimtrack documentation."""

from __future__ import annotations

import claimtrack


project = "claimtrack"
author = "The claimtrack developers"
copyright = "2026, The claimtrack developers"
version = release = claimtrack.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["deflist"]
myst_heading_anchors = 3

# Docstrings: Google style, `single backticks` link where they can.
default_role = "py:obj"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_class_signature = "separated"

doctest_global_setup = "import claimtrack as ct"

html_theme = "furo"
html_title = f"claimtrack {release}"
