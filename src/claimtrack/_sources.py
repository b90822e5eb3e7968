# SPDX-License-Identifier: MIT
"""Sources: the speakers behind statements, and their reliability letters."""

from __future__ import annotations

from typing import Any

import attrs

from claimtrack._fields import (
    check_id,
    check_optional_text,
    check_text,
    text_tuple,
)
from claimtrack.exceptions import InvalidValueError


__all__ = ["COMMON_SOURCE_KINDS", "RELIABILITY_LETTERS", "Source"]

COMMON_SOURCE_KINDS = frozenset(
    {
        "alliance",
        "armed_force",
        "armed_group",
        "company",
        "government",
        "investigation",
        "ministry",
        "news_outlet",
        "ngo",
        "person",
        "state",
        "wire_agency",
    }
)
"""
Documented common values of `Source.kind`.

The vocabulary is open: any non-empty string is accepted, these are the
values claimtrack's examples and exports know about.
"""

RELIABILITY_LETTERS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
"""The Admiralty (NATO) source-reliability letters and their meanings."""


def _check_reliability(instance: object, attribute: Any, value: Any) -> None:
    if value is not None and (
        type(value) is not str or value not in RELIABILITY_LETTERS
    ):
        raise InvalidValueError(
            "reliability",
            value,
            "expected an Admiralty letter A, B, C, D, E or F (upper case)",
        )


@attrs.frozen(kw_only=True, slots=True)
class Source:
    """
    A speaker: a person, organisation, state, alliance, outlet or inquiry.

    Attributes:
        id: Unique id in its claim set.
        name: The name to show.
        kind: What sort of speaker this is; an open vocabulary whose
            common values are listed in `COMMON_SOURCE_KINDS`.
        aliases: Other names the source goes by ("FAMa").
        reliability: Admiralty source-reliability letter A-F, if rated.
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    kind: str | None = attrs.field(default=None, validator=check_optional_text)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=text_tuple)
    reliability: str | None = attrs.field(
        default=None, validator=_check_reliability
    )

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)
