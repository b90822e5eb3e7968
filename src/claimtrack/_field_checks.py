# SPDX-License-Identifier: MIT
"""Converters and validators that every record class shares."""

from __future__ import annotations

import enum
import re

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from claimtrack.exceptions import InvalidValueError


__all__ = [
    "SURROGATE",
    "Slotted",
    "check_id",
    "check_optional_text",
    "check_text",
    "enum_converter",
    "listed",
    "mutable_twin",
    "plain_id",
    "plain_text",
    "plain_texts",
    "refuse_surrogates",
    "text_tuple",
]

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")

SURROGATE = re.compile("[\ud800-\udfff]")
"""
A lone surrogate: a code point that is no character.

Python strings may hold one (from ``"\\ud800"`` in JSON, or a file read
with ``errors="surrogateescape"``), but no UTF-8 text can: a record
holding one could never be saved, hashed or exported.
"""

_NO_SURROGATES = "a lone surrogate is not a character and cannot be saved"


def refuse_surrogates(field: str, value: str) -> None:
    """Refuse *value* for *field* if it holds a lone surrogate."""
    if not value.isascii() and SURROGATE.search(value):
        raise InvalidValueError(field, value, _NO_SURROGATES)


def check_id(instance: object, attribute: Any, value: Any) -> None:
    """Validate that *value* is a usable record id: non-empty, trimmed."""
    if type(value) is not str or not value or value != value.strip():
        raise InvalidValueError(
            attribute.name,
            value,
            "an id must be a non-empty string without surrounding spaces",
        )
    refuse_surrogates(attribute.name, value)


def check_text(instance: object, attribute: Any, value: Any) -> None:
    """Validate that *value* is a non-empty string."""
    if type(value) is not str or not value.strip():
        raise InvalidValueError(
            attribute.name, value, "expected a non-empty string"
        )
    refuse_surrogates(attribute.name, value)


def check_optional_text(instance: object, attribute: Any, value: Any) -> None:
    """Validate that *value* is None or a non-empty string."""
    if value is not None:
        check_text(instance, attribute, value)


def text_tuple(values: Iterable[str] | None) -> tuple[str, ...]:
    """Turn a list of strings (or one string) into a tuple of strings."""
    if values is None or (type(values) is tuple and not values):
        return ()
    if isinstance(values, str):
        values = (values,)
    try:
        result = tuple(values)
    except TypeError:
        raise InvalidValueError(
            "list", values, "expected a list of strings"
        ) from None
    for value in result:
        if type(value) is not str or not value.strip():
            raise InvalidValueError(
                "list item", value, "expected a non-empty string"
            )
        refuse_surrogates("list item", value)
    return result


def enum_converter(cls: type[E], field: str) -> Callable[[object], E]:
    """Make a converter that accepts an *cls* member or its value."""
    by_value: dict[object, E] = {member.value: member for member in cls}
    choices = ", ".join(repr(v) for v in by_value)
    # A member is its own key too (a `StrEnum` member already equals and
    # hashes as its value), so one look-up serves both.
    by_value.update((member, member) for member in cls)

    def convert(value: object) -> E:
        try:
            return by_value[value]
        except (KeyError, TypeError):
            raise InvalidValueError(
                field, value, f"expected one of {choices}"
            ) from None

    return convert


# -- the quick constructors' share ------------------------------------------
#
# A record class may have a quick constructor beside attrs' checked one:
# it repeats the checks for the common case only and answers None for
# anything else, so that the class itself is asked and raises its error.
# These say "surely valid" for one value, and never raise.


def plain_id(value: object) -> bool:
    """Whether *value* surely passes `check_id` (False: let it decide)."""
    return (
        type(value) is str
        and value != ""
        and value == value.strip()
        and (value.isascii() or SURROGATE.search(value) is None)
    )


def plain_text(value: object) -> bool:
    """Whether *value* surely passes `check_text` (False: let it decide)."""
    return (
        type(value) is str
        and value.strip() != ""
        and (value.isascii() or SURROGATE.search(value) is None)
    )


def plain_texts(values: object) -> tuple[str, ...] | None:
    """What `text_tuple` makes of a plain list or tuple, else None."""
    if type(values) is not tuple and type(values) is not list:
        return None
    assert isinstance(values, (tuple, list))  # for the type checker
    for value in values:
        if not plain_text(value):
            return None
    return tuple(values)


class Slotted:
    """
    The base of the records that have quick constructors: a weak reference.

    Holding the ``__weakref__`` slot here, before the fields, lets a plain
    mutable class with the same fields (`mutable_twin`) share the record
    class's memory layout: CPython allows assigning ``__class__`` between
    two such classes, and refuses it when each adds its own weak
    reference slot after its fields.
    """

    __slots__ = ("__weakref__",)


def mutable_twin(cls: type) -> type:
    """
    A plain class whose instances can become instances of *cls*.

    *cls* is a frozen, slotted attrs class derived from `Slotted`. A quick
    constructor fills a bare instance of the twin with ordinary attribute
    stores, far quicker than setting a frozen class's slots one call at a
    time, then assigns *cls* to its ``__class__``: the result is a genuine
    *cls* instance, equal and hashed as one made by attrs, frozen as any.
    """
    fields = vars(cls)["__slots__"]
    twin = type(f"_{cls.__name__}Draft", (Slotted,), {"__slots__": fields})
    # Refuse at import, not at the first record, a layout that differs.
    probe: Any = object.__new__(twin)
    probe.__class__ = cls
    return twin


def listed(values: Iterable[T], field: str) -> list[T]:
    """*values* as a list; `InvalidValueError` naming *field* if not many."""
    try:
        return list(values)
    except TypeError:
        raise InvalidValueError(
            field, values, f"expected an iterable of {field}"
        ) from None
