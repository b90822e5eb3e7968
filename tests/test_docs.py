# SPDX-License-Identifier: MIT
"""The documentation's examples run and say what the library does."""

from __future__ import annotations

import doctest
import re

from pathlib import Path

import pytest


ROOT = Path(__file__).parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_doctests(page: Path) -> None:
    """Every >>> example in the page gives the output shown."""
    result = doctest.testfile(
        str(page),
        module_relative=False,
        optionflags=doctest.ELLIPSIS,
        encoding="utf-8",
    )

    assert result.failed == 0


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_python_blocks_run(page: Path) -> None:
    """Every python code block in the page runs without error."""
    for block in PYTHON_BLOCK.findall(page.read_text(encoding="utf-8")):
        exec(compile(block, str(page), "exec"), {})  # noqa: S102


def test_every_public_name_is_in_the_api_reference() -> None:
    """The API reference page documents every name in claimtrack.__all__."""
    import claimtrack  # noqa: PLC0415

    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    documented = set(
        re.findall(r"^\.\. (?:auto)?\w+:: (\w+)", page, re.MULTILINE)
    )

    assert set(claimtrack.__all__) - documented == set()


def test_every_public_name_has_a_docstring() -> None:
    """Every public class and function says what it is for."""
    import claimtrack  # noqa: PLC0415

    undocumented = [
        name
        for name in claimtrack.__all__
        if callable(obj := getattr(claimtrack, name))
        and isinstance(obj, type | type(test_doctests))
        and not (obj.__doc__ or "").strip()
    ]

    assert undocumented == []
