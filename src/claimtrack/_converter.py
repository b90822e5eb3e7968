# SPDX-License-Identifier: MIT
"""
The one cattrs converter of the JSON format, and every hook it has.

The model classes never import cattrs. The converter is built on cattrs'
preconfigured JSON conventions and made strict: a number is not a string,
a string is not a list, unknown keys are errors.
"""

from __future__ import annotations

import enum

from collections.abc import Callable
from typing import (
    Any,
    TypeVar,
)

import attrs
import cattrs

from cattrs.errors import (
    ForbiddenExtraKeysError,
)
from cattrs.gen import make_dict_unstructure_fn, override
from cattrs.preconf.json import JsonConverter
from cattrs.preconf.json import make_converter as make_json_converter

from claimtrack._dates import PartialDate, parse_written
from claimtrack._links import Relation
from claimtrack._policy import CorroborationPolicy
from claimtrack._records import RECORD_KINDS
from claimtrack._reviews import Evidence, EvidenceRole, Rating
from claimtrack._statements import Stance, Statement, Via
from claimtrack._verdicts import Verdict


__all__ = [
    "WRITTEN_ALWAYS",
    "configure_converter",
    "json_type",
    "make_converter",
]

E = TypeVar("E", Stance, Via, Relation, Verdict, EvidenceRole)
_ENUMS = (Stance, Via, Relation, Verdict, EvidenceRole)


# -- the converter ------------------------------------------------------


def _strict_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise TypeError(f"expected a string, got {json_type(value)}")
    return value


def _strict_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise TypeError(f"expected an integer, got {json_type(value)}")
    return value


def _strict_texts(value: object, _: type) -> tuple[str, ...]:
    if type(value) is not list:
        raise TypeError(f"expected a list, got {json_type(value)}")
    for item in value:
        if type(item) is not str:
            raise TypeError(
                f"expected a list of strings, found {json_type(item)}"
            )
    return tuple(value)


def _is_texts(cls: object) -> bool:
    return cls == tuple[str, ...]


def _strict_number(value: object, _: type) -> float:
    if type(value) not in (int, float):
        raise TypeError(f"expected a number, got {json_type(value)}")
    assert isinstance(value, (int, float))
    return value


def _is_evidence_list(cls: object) -> bool:
    return cls == tuple[Evidence, ...]


def _strict_evidence(
    converter: cattrs.Converter,
) -> Callable[[object, type], tuple[Evidence, ...]]:
    def structure(value: object, _: type) -> tuple[Evidence, ...]:
        if type(value) is not list:
            raise TypeError(f"expected a list, got {json_type(value)}")
        return converter.structure(value, tuple[Evidence, ...])

    return structure


def _strict_date(value: object, _: type) -> PartialDate:
    return parse_written(_strict_str(value, str))


def _strict_enum(cls: type[E]) -> Callable[[object, type], E]:
    by_value = {member.value: member for member in cls}
    choices = ", ".join(repr(v) for v in by_value)

    def structure(value: object, _: type) -> E:
        try:
            return by_value[_strict_str(value, str)]
        except KeyError:
            raise ValueError(f"{value!r} is not one of {choices}") from None

    return structure


def json_type(value: object) -> str:
    """The JSON name of *value*'s type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def configure_converter(converter: cattrs.Converter) -> None:
    """Teach *converter* the claimtrack JSON conventions, strictly."""
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook_func(_is_texts, _strict_texts)
    converter.register_structure_hook(float, _strict_number)
    converter.register_structure_hook(PartialDate, _strict_date)
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_structure_hook(Stance, _strict_enum(Stance))
    converter.register_structure_hook(Via, _strict_enum(Via))
    converter.register_structure_hook(Relation, _strict_enum(Relation))
    converter.register_structure_hook(Verdict, _strict_enum(Verdict))
    converter.register_structure_hook(EvidenceRole, _strict_enum(EvidenceRole))
    for kind in _ENUMS:
        converter.register_unstructure_hook(kind, _enum_value)
    # A plain converter for the items, so that the hook can check the list.
    items = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    items.register_structure_hook(str, _strict_str)
    items.register_structure_hook(EvidenceRole, _strict_enum(EvidenceRole))
    converter.register_structure_hook_func(
        _is_evidence_list, _strict_evidence(items)
    )
    converter.register_unstructure_hook(Rating, _unstructure_rating)
    for cls in (Evidence, *(kind.cls for kind in RECORD_KINDS)):
        unstructure: Callable[[Any], dict[str, Any]]
        if cls is Statement:
            # Written even when it is the default, for readers' sake (and
            # listed in WRITTEN_ALWAYS, for the writer's own layout).
            unstructure = make_dict_unstructure_fn(
                cls,
                converter,
                _cattrs_omit_if_default=True,
                stance=override(omit_if_default=False),
            )
        else:
            unstructure = make_dict_unstructure_fn(
                cls, converter, _cattrs_omit_if_default=True
            )
        converter.register_unstructure_hook(cls, unstructure)
    converter.register_unstructure_hook(
        CorroborationPolicy, _unstructure_policy
    )
    converter.register_structure_hook(CorroborationPolicy, _structure_policy)


WRITTEN_ALWAYS: dict[type, tuple[str, ...]] = {Statement: ("stance",)}
"""Fields written even when they hold their default (see above)."""


def _unstructure_rating(rating: Rating) -> dict[str, Any]:
    # The verdict is written always, last, so that a reader need not work
    # it out and sees the reviewer's own words first.
    written: dict[str, Any] = {
        name: value
        for name in ("label", "value", "best", "worst")
        if (value := getattr(rating, name)) is not None
    }
    written["verdict"] = rating.verdict.value
    return written


def _enum_value(member: enum.Enum) -> str:
    value = member.value
    assert isinstance(value, str)
    return value


def _unstructure_policy(policy: CorroborationPolicy) -> dict[str, Any]:
    written: dict[str, Any] = {
        "control": sorted(r.value for r in policy.control),
        "association": sorted(r.value for r in policy.association),
        "copying": sorted(r.value for r in policy.copying),
        "one_voice": sorted(policy.one_voice),
    }
    # Written only when used, so that files without it stay as they were.
    if policy.arms_length:
        written["arms_length"] = sorted(policy.arms_length)
    written["minimum"] = policy.minimum
    if policy.suspicions != "flag":
        written["suspicions"] = policy.suspicions
    return written


def _structure_policy(value: object, _: type) -> CorroborationPolicy:
    if type(value) is not dict:
        raise TypeError(f"expected an object, got {json_type(value)}")
    unknown = set(value) - {f.name for f in attrs.fields(CorroborationPolicy)}
    if unknown:
        raise ForbiddenExtraKeysError("", CorroborationPolicy, unknown)
    fields: dict[str, Any] = {}
    for name in (
        "control",
        "association",
        "copying",
        "one_voice",
        "arms_length",
    ):
        if name in value:
            fields[name] = _strict_texts(value[name], list)
    if "minimum" in value:
        fields["minimum"] = _strict_int(value["minimum"], int)
    if "suspicions" in value:
        fields["suspicions"] = _strict_str(value["suspicions"], str)
    return CorroborationPolicy(**fields)


def make_converter() -> JsonConverter:
    """
    A new converter for the claimtrack JSON format.

    It is built with cattrs' JSON preconfiguration, refuses unknown keys,
    and collects every error in a record (detailed validation).
    """
    converter = make_json_converter(forbid_extra_keys=True)
    configure_converter(converter)
    return converter


CONVERTER = make_converter()
"""The converter the format reads and writes with."""
