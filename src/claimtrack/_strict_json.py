# SPDX-License-Identifier: MIT
"""Reading JSON text strictly: UTF-8, one value per key, nothing unsavable."""

from __future__ import annotations

import json
import re

from typing import (
    Any,
)

from claimtrack._field_checks import SURROGATE
from claimtrack.exceptions import FormatError, FormatProblem


__all__ = ["format_error", "read_json"]


def read_json(text: str | bytes) -> Any:
    """
    Parse JSON text strictly.

    Raises:
        FormatError: If *text* is not text or bytes, not UTF-8, not JSON,
            nested too deeply, repeats a key within one object, holds an
            integer too long to read or a lone surrogate (naming its
            JSON path).
    """
    if isinstance(text, memoryview):
        text = text.tobytes()
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as e:
            raise format_error(
                "$", f"not UTF-8 text (byte {e.start})"
            ) from None
    if not isinstance(text, str):
        raise format_error(
            "$",
            f"expected JSON text (a str or bytes), got {type(text).__name__}",
        )
    data = _read_closely(text)
    if _may_hold_surrogate(text):
        where = _surrogate_path(data)
        if where is not None:
            raise format_error(
                where,
                "holds a lone surrogate (a \\ud800-\\udfff escape without "
                "its pair), which is not a character and cannot be saved",
            )
    return data


def _read_closely(text: str) -> Any:
    """*text* parsed, refusing repeated keys, constants and huge numbers."""
    try:
        return json.loads(
            text,
            object_pairs_hook=_unique_keys,
            parse_constant=_no_constants,
            parse_int=_integer,
        )
    except json.JSONDecodeError as e:
        raise format_error(
            "$", f"not JSON: {e.msg} at line {e.lineno} column {e.colno}"
        ) from None
    except RecursionError:
        raise format_error(
            "$", "nested too deeply to be claimtrack JSON"
        ) from None
    except _RefusedError as e:
        raise format_error("$", str(e)) from None


# A lone surrogate comes from an escape, or from text decoded with
# "surrogateescape"; without either, the walk is skipped.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _may_hold_surrogate(text: str) -> bool:
    # Each test is a quick scan of the text: an ASCII text holds no
    # surrogate itself, and the escapes all start with a backslash-u.
    if "\\u" in text and _SURROGATE_ESCAPE.search(text):
        return True
    return not text.isascii() and SURROGATE.search(text) is not None


def _surrogate_path(data: Any) -> str | None:
    """The JSON path of the first lone surrogate in *data*, if any."""
    pending: list[tuple[Any, str]] = [(data, "$")]
    while pending:
        value, where = pending.pop()
        if isinstance(value, str):
            if SURROGATE.search(value):
                return where
        elif isinstance(value, list):
            pending.extend(
                (item, f"{where}[{index}]")
                for index, item in reversed(list(enumerate(value)))
            )
        elif isinstance(value, dict):
            for key in value:
                if SURROGATE.search(key):
                    return f"{where} (a key)"
            pending.extend(
                (item, f"{where}.{key}")
                for key, item in reversed(list(value.items()))
            )
    return None


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        # Longer than sys.get_int_max_str_digits() allows.
        raise _RefusedError(
            f"an integer of {len(text.lstrip('-'))} digits is too long to "
            "be claimtrack JSON"
        ) from None


class _RefusedError(ValueError):
    """JSON that `json.loads` would read, but claimtrack refuses."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RefusedError(f"key {key!r} repeated in an object")
            seen.add(key)
    return result


def _no_constants(name: str) -> None:
    raise _RefusedError(f"{name} is not a JSON number")


def format_error(path: str, message: str) -> FormatError:
    """A `FormatError` with one problem at *path*."""
    return FormatError([FormatProblem(path, message)])
