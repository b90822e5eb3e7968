# SPDX-License-Identifier: MIT
"""Sphinx configuration for the claimtrack documentation."""

from __future__ import annotations

import shutil
import sys

from pathlib import Path

import claimtrack

from claimtrack.graph import to_dot


project = "claimtrack"
author = "The claimtrack developers"
copyright = "2026, The claimtrack developers"
version = release = claimtrack.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.graphviz",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_generated"]
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

# Diagrams are drawn by the library itself at build time, then rendered by
# Graphviz: the system's `dot` if there is one, else the `graphviz-pure`
# command that the docs extra installs from PyPI.
graphviz_output_format = "svg"
graphviz_dot = shutil.which("dot") or str(
    Path(sys.executable).with_name("graphviz-pure")
)


def _draw_diagrams() -> None:
    folder = Path(__file__).parent / "_generated"
    folder.mkdir(exist_ok=True)
    sahel = claimtrack.example()
    (folder / "c3.dot").write_text(to_dot(sahel, "c3"), encoding="utf-8")
    sahel.record_source("monitor", name="Independent monitor", kind="ngo")
    sahel.record_statement(
        "c7-monitor", claim="c7", source="monitor", date="2025-06-06"
    )
    (folder / "c7-corroborated.dot").write_text(
        to_dot(sahel, "c7"), encoding="utf-8"
    )


_draw_diagrams()
