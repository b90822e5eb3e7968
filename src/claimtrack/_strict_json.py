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
    # Most texts are read once, without a hook per object, and then shown
    # to hold no repeated key; only the others are read pair by pair.
    # Any failure is met again the slow way, which reports what comes
    # first in the text: a repeated key may come before a syntax error.
    try:
        data = json.loads(
            text, parse_constant=_no_constants, parse_int=_integer
        )
    except (ValueError, RecursionError):
        pass
    else:
        if _no_repeated_keys(text, data):
            return data
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


def _no_repeated_keys(text: str, data: Any) -> bool:
    """
    Whether no object of *text*, parsed as *data*, repeats a key.

    True is a proof; False means "not shown", and the text is read again
    with a hook that finds the repeated key. Every key of the text is
    followed by a colon, so the text holds at most as many keys as
    colons; an object of *data* comes from a brace of the text. When the
    objects counted below (the top one, the objects in it and in its
    lists) are as many as the text's braces, they are all the objects of
    *data*; when their keys are as many as the text's colons, no key of
    the text was lost to a repeat. A colon or brace inside a string, or
    objects nested deeper, only make the counts differ: then "not shown".
    """
    if type(data) is not dict:
        return False
    objects = 1
    keys = len(data)
    for value in data.values():
        kind = type(value)
        if kind is dict:
            objects += 1
            keys += len(value)
        elif kind is list:
            dicts = (
                value
                if set(map(type, value)) <= {dict}
                else [item for item in value if type(item) is dict]
            )
            objects += len(dicts)
            keys += sum(map(len, dicts))
    return keys == text.count(":") and objects == text.count("{")


# A lone surrogate comes from an escape, or from text decoded with
# "surrogateescape"; without either, the walk is skipped.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _may_hold_surrogate(text: str) -> bool:
    # Each test is a quick scan of the text: an ASCII text holds no
    # surrogate itself, and the escapes all start with a backslash-u.
    # One byte search ("\\") comes first: most texts hold no escape.
    if "\\" in text and "\\u" in text and _SURROGATE_ESCAPE.search(text):
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
