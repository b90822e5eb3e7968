# SPDX-License-Identifier: MIT
"""The corroboration policy: which ties make two sources one voice."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

import attrs

from claimtrack._field_checks import refuse_surrogates
from claimtrack._links import (
    ASSOCIATION_RELATIONS,
    CONTROL_RELATIONS,
    SOURCE_RELATIONS,
    Relation,
)
from claimtrack.exceptions import InvalidValueError


__all__ = [
    "DEFAULT_POLICY",
    "CorroborationPolicy",
    "checked_policy",
]

T = TypeVar("T")


def _relations(values: Iterable[Relation | str]) -> frozenset[Relation]:
    result = set()
    for value in _iterable(values, "relations"):
        try:
            relation = Relation(value)
        except (ValueError, TypeError):
            raise InvalidValueError(
                "relation", value, "not a claimtrack relation"
            ) from None
        if relation not in SOURCE_RELATIONS or relation is Relation.SAME_AS:
            raise InvalidValueError(
                "relation",
                relation.value,
                "a policy can only use affiliations between sources "
                "(same_as always merges)",
            )
        result.add(relation)
    return frozenset(result)


def _ids(values: Iterable[str], field: str) -> frozenset[str]:
    if isinstance(values, str):
        values = (values,)
    given = _iterable(values, field)
    for value in given:
        # Checked before hashing: only plain strings go into the set.
        if type(value) is not str or not value:
            raise InvalidValueError(
                field, value, "expected source ids (strings)"
            )
        refuse_surrogates(field, value)
    return frozenset(given)


def _one_voice(values: Iterable[str]) -> frozenset[str]:
    return _ids(values, "one_voice")


def _arms_length(values: Iterable[str]) -> frozenset[str]:
    return _ids(values, "arms_length")


def _iterable(values: Iterable[T], field: str) -> list[T]:
    if isinstance(values, str):
        raise InvalidValueError(field, values, "expected a list, not a string")
    try:
        return list(values)
    except TypeError:
        raise InvalidValueError(field, values, "expected a list") from None


@attrs.frozen(kw_only=True, cache_hash=True)
class CorroborationPolicy:
    """
    The rule that decides when two origins speak with one voice.

    Two origin sources are dependent when they are the same source (after
    ``same_as``); when their *control* ancestors meet; when one's control
    ancestors meet an organisation the other belongs to through an
    *association* link (closed upward); or when a *copying* link joins
    them. Members of one organisation are independent of each other but
    dependent on the organisation, unless it is listed in *one_voice*;
    membership in (or funding by) an organisation listed in
    *arms_length* ties no one to it.

    Attributes:
        control: Relations of authority or ownership: the subject speaks
            for the object.
        association: Relations of membership or funding: the subject is
            not independent of the object, but two subjects of one object
            are independent of each other.
        copying: Relations by which the subject repeats the object.
        one_voice: Ids of organisations whose members count as one voice:
            membership in them acts as control.
        arms_length: Ids of organisations that their members and funders
            do not speak for, such as the IAEA or the UN: an association
            link to one of them ties nobody to it. Control links to them
            still count.
        minimum: How many independent asserting groups make a claim
            corroborated.
        suspicions: What suspected dependence (`ClaimSet.suspicions`)
            does to the answer: ``"flag"`` (the default) only reports it
            beside the declared answer; ``"count"`` treats every
            suspicion at or above its threshold as declared.
    """

    control: frozenset[Relation] = attrs.field(
        default=CONTROL_RELATIONS, converter=_relations
    )
    association: frozenset[Relation] = attrs.field(
        default=ASSOCIATION_RELATIONS, converter=_relations
    )
    copying: frozenset[Relation] = attrs.field(
        default=frozenset({Relation.COPIES_FROM}), converter=_relations
    )
    one_voice: frozenset[str] = attrs.field(
        default=frozenset(), converter=_one_voice
    )
    arms_length: frozenset[str] = attrs.field(
        default=frozenset(), converter=_arms_length
    )
    minimum: int = 2
    suspicions: str = "flag"

    def __attrs_post_init__(self) -> None:
        if self.suspicions not in ("flag", "count"):
            raise InvalidValueError(
                "suspicions",
                self.suspicions,
                "expected 'flag' or 'count'",
            )
        overlap = (
            (self.control & self.association)
            | (self.control & self.copying)
            | (self.association & self.copying)
        )
        if overlap:
            names = ", ".join(sorted(r.value for r in overlap))
            raise InvalidValueError(
                "policy", names, "a relation can play only one role"
            )
        both = self.one_voice & self.arms_length
        if both:
            raise InvalidValueError(
                "arms_length",
                ", ".join(sorted(both)),
                "an organisation cannot be both one voice and at arm's length",
            )
        if type(self.minimum) is not int or self.minimum < 1:
            raise InvalidValueError(
                "minimum", self.minimum, "expected a whole number >= 1"
            )

    @property
    def affiliations(self) -> frozenset[Relation]:
        """Every relation the policy follows upward (control, association)."""
        return self.control | self.association


DEFAULT_POLICY = CorroborationPolicy()
"""The default policy described in the concepts documentation."""


def checked_policy(value: object) -> CorroborationPolicy:
    """*value*, if it is a `CorroborationPolicy`; else `InvalidValueError`."""
    if not isinstance(value, CorroborationPolicy):
        raise InvalidValueError(
            "policy", value, "expected a CorroborationPolicy"
        )
    return value
