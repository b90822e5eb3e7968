# SPDX-License-Identifier: MIT
"""Links: dated affiliations between sources, and claim cross-references."""

from __future__ import annotations

import enum

import attrs

from claimtrack._dates import (
    PartialDate,
    before,
    compare_dates,
    not_after,
    optional_date,
)
from claimtrack._field_checks import (
    check_id,
    check_optional_text,
    enum_converter,
)
from claimtrack.exceptions import InvalidIntervalError


__all__ = [
    "ASSOCIATION_RELATIONS",
    "CLAIM_RELATIONS",
    "CONTROL_RELATIONS",
    "HIERARCHICAL_RELATIONS",
    "JUDGEMENT_RELATIONS",
    "SOURCE_RELATIONS",
    "Link",
    "Relation",
    "link_id",
    "to_relation",
]


class Relation(enum.StrEnum):
    """What a link says about its two ends."""

    PART_OF = "part_of"
    """Source: a unit of a larger body. Claim: one part of a larger claim."""
    CONTROLLED_BY = "controlled_by"
    """Source: answers to the other's authority."""
    OWNED_BY = "owned_by"
    """Source: owned by the other (an outlet by a group or a state)."""
    SPEAKS_FOR = "speaks_for"
    """Source: a spokesperson or mouthpiece of the other."""
    EMPLOYED_BY = "employed_by"
    """Source: a person employed by the other."""
    MEMBER_OF = "member_of"
    """Source: a member of an alliance, coalition or association."""
    FUNDED_BY = "funded_by"
    """Source: paid for, in whole or in part, by the other."""
    SAME_AS = "same_as"
    """Two records for one source, or two wordings of one claim."""
    COPIES_FROM = "copies_from"
    """Source: known to copy the other's output."""
    CONTRADICTS = "contradicts"
    """Claim: cannot be true together with the other."""
    SUPPORTS = "supports"
    """Claim: makes the other more likely."""
    COPIES = "copies"
    """
    Statement or document: takes its content from the other without
    saying so (an analyst's conclusion, e.g. an accepted suspicion).
    """
    DISTINCT_FROM = "distinct_from"
    """
    Any two records of one kind: judged not to depend on each other, or
    not to be one claim (a rejected suspicion, never raised again).
    """
    RELATED = "related"
    """Claim: concerns the same matter, with no logical tie asserted."""


CONTROL_RELATIONS = frozenset(
    {
        Relation.PART_OF,
        Relation.CONTROLLED_BY,
        Relation.OWNED_BY,
        Relation.SPEAKS_FOR,
        Relation.EMPLOYED_BY,
    }
)
"""
Source relations of authority or ownership: the subject speaks for the
object. A source's control ancestors may retract its statements.
"""

ASSOCIATION_RELATIONS = frozenset({Relation.MEMBER_OF, Relation.FUNDED_BY})
"""
Source relations of membership and money: the subject belongs to the
object, or is paid by it, without speaking for it.
"""

SOURCE_RELATIONS = (
    CONTROL_RELATIONS
    | ASSOCIATION_RELATIONS
    | {Relation.SAME_AS, Relation.COPIES_FROM}
)
"""Relations that link a source to a source."""

CLAIM_RELATIONS = frozenset(
    {
        Relation.SAME_AS,
        Relation.CONTRADICTS,
        Relation.SUPPORTS,
        Relation.PART_OF,
        Relation.RELATED,
    }
)
"""Relations that link a claim to a claim."""

JUDGEMENT_RELATIONS = frozenset({Relation.COPIES, Relation.DISTINCT_FROM})
"""
Relations an analyst records between statements or documents (and, for
``distinct_from``, between any two records of one kind).
"""

HIERARCHICAL_RELATIONS = CONTROL_RELATIONS | {Relation.MEMBER_OF}
"""
Source relations that put the subject under the object.

These may not form a cycle of links that hold at one time: a unit cannot
be part of itself. Funding and copying may go both ways.
"""

_to_relation = enum_converter(Relation, "relation")


def to_relation(value: Relation | str) -> Relation:
    """
    The `Relation` named by *value*.

    Raises:
        InvalidValueError: If *value* names no relation.
    """
    return _to_relation(value)


def link_id(
    subject: str,
    relation: Relation | str,
    object: str,
    valid_from: PartialDate | None = None,
    valid_to: PartialDate | None = None,
) -> str:
    """The id `ClaimSet.link` gives a link when none is given."""
    text = f"{subject} {to_relation(relation).value} {object}"
    if valid_from is not None:
        text += f" from {valid_from.isoformat()}"
    if valid_to is not None:
        text += f" until {valid_to.isoformat()}"
    return text


@attrs.frozen(kw_only=True, slots=True)
class Link:
    """
    A relation from one record to another, valid over a period.

    Validity is the half-open interval [*valid_from*, *valid_to*); an open
    end is unbounded. Only affiliations between sources carry dates.

    Attributes:
        id: Unique id in its claim set.
        subject: The id of the record the link starts from.
        relation: What the link says.
        object: The id of the record it points to.
        valid_from: The first date it holds, if bounded.
        valid_to: The first date it no longer holds, if bounded.
        note: Why a person recorded it, in their words.
        evidence: What it was concluded from, when it records an accepted
            or rejected suspicion (the suspicion's evidence in words).
    """

    id: str = attrs.field(validator=check_id)
    subject: str = attrs.field(validator=check_id)
    relation: Relation = attrs.field(converter=to_relation)
    object: str = attrs.field(validator=check_id)
    valid_from: PartialDate | None = attrs.field(
        default=None, converter=optional_date
    )
    valid_to: PartialDate | None = attrs.field(
        default=None, converter=optional_date
    )
    note: str | None = attrs.field(default=None, validator=check_optional_text)
    evidence: str | None = attrs.field(
        default=None, validator=check_optional_text
    )

    def __attrs_post_init__(self) -> None:
        if (
            self.valid_from is not None
            and self.valid_to is not None
            and compare_dates(self.valid_to, self.valid_from) in (-1, 0)
        ):
            raise InvalidIntervalError(
                self.id,
                self.valid_from.isoformat(),
                self.valid_to.isoformat(),
            )

    @property
    def is_dated(self) -> bool:
        """Whether either end of its validity is bounded."""
        return self.valid_from is not None or self.valid_to is not None

    def holds_at(
        self, when: PartialDate | None, *, certain: bool = False
    ) -> bool:
        """
        Whether the link holds at *when*.

        Days are the atoms of time. When *when* or a bound is imprecise
        and the answer cannot be decided, the link holds, unless *certain*
        is true. None means "at some unknown time": then it holds unless
        *certain* is true and it is dated.
        """
        if when is None:
            return not (certain and self.is_dated)
        return (
            self.valid_from is None
            or not_after(self.valid_from, when, certain=certain)
        ) and (
            self.valid_to is None
            or before(when, self.valid_to, certain=certain)
        )
