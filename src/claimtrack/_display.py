# SPDX-License-Identifier: MIT
"""Rich display in notebooks: which function draws each kind of object."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


__all__ = ["html_of", "register_html"]

_HTML: dict[type, Callable[[Any], str]] = {}


def register_html(cls: type, render: Callable[[Any], str]) -> None:
    """
    Make *render* the HTML that objects of *cls* show in a notebook.

    The HTML module registers its renderers when claimtrack is imported,
    so that records and answers can show themselves without importing
    anything above them.
    """
    _HTML[cls] = render


def html_of(value: object) -> str:
    """The HTML *value* shows in a notebook (escaped text if none)."""
    render = _HTML.get(type(value))
    if render is None:
        text = repr(value).replace("&", "&amp;").replace("<", "&lt;")
        return f"<pre>{text.replace('>', '&gt;')}</pre>"
    return render(value)
