# SPDX-License-Identifier: MIT
"""Statements: one source asserting, denying or retracting a claim."""

from __future__ import annotations

import enum
import hashlib

from typing import Any, cast

import attrs

from claimtrack._dates import PartialDate, optional_date
from claimtrack._field_checks import (
    Slotted,
    check_id,
    check_optional_text,
    enum_converter,
    mutable_twin,
    plain_id,
    plain_text,
    plain_texts,
    text_tuple,
)
from claimtrack.exceptions import InvalidValueError, RelayCycleError


__all__ = ["Stance", "Statement", "Via", "quick_statement"]


class Stance(enum.StrEnum):
    """What a statement does with its claim."""

    ASSERTS = "asserts"
    """The source says the claim is true."""
    DENIES = "denies"
    """The source says the claim is false."""
    RETRACTS = "retracts"
    """The source withdraws one of its own earlier statements."""


class Via(enum.StrEnum):
    """How a statement takes up the statements it derives from."""

    RELAYS = "relays"
    """Repeats another's statement as news ("the army said...")."""
    CITES = "cites"
    """Refers to another's statement as its basis or evidence."""
    COPIES = "copies"
    """Reproduces another's text without saying so."""
    QUOTES = "quotes"
    """Reproduces another's words verbatim, attributed."""


_to_stance = enum_converter(Stance, "stance")
_to_via = enum_converter(Via, "via")


def _stance(value: Stance | str) -> Stance:
    return _to_stance(value)


def _optional_via(value: Via | str | None) -> Via | None:
    return None if value is None else _to_via(value)


@attrs.frozen(kw_only=True, slots=True)
class Statement(Slotted):
    """
    One source asserting, denying or retracting a claim, at a time.

    A statement that relays, cites, copies or quotes others lists them in
    *derives_from*; a statement that derives from nothing is an origin.

    Attributes:
        id: Unique id in its claim set.
        claim: The id of the claim it is about.
        source: The id of the source that speaks.
        stance: Whether it asserts, denies or retracts.
        date: When it was made, to the precision known.
        document: The id of the document it appears in, if any: a
            statement may be known only because another relays it.
        derives_from: Ids of the statements it relays, cites or copies.
        via: How it takes them up; only with *derives_from*.
        quote: The speaker's words, verbatim, if quoted.
        modality: How it is put ("alleged", "reported", "confirmed"),
            kept exactly as recorded.
        target: For a retraction, the id of the statement it withdraws.
    """

    id: str = attrs.field(validator=check_id)
    claim: str = attrs.field(validator=check_id)
    source: str = attrs.field(validator=check_id)
    stance: Stance = attrs.field(default=Stance.ASSERTS, converter=_stance)
    date: PartialDate | None = attrs.field(
        default=None, converter=optional_date
    )
    document: str | None = attrs.field(
        default=None, validator=check_optional_text
    )
    derives_from: tuple[str, ...] = attrs.field(
        default=(), converter=text_tuple
    )
    via: Via | None = attrs.field(default=None, converter=_optional_via)
    quote: str | None = attrs.field(
        default=None, validator=check_optional_text
    )
    modality: str | None = attrs.field(
        default=None, validator=check_optional_text
    )
    target: str | None = attrs.field(
        default=None, validator=check_optional_text
    )

    def __attrs_post_init__(self) -> None:
        if self.stance is Stance.RETRACTS:
            if self.target is None:
                raise InvalidValueError(
                    "target",
                    None,
                    f"retraction {self.id!r} must name the statement it "
                    "retracts",
                )
            if self.derives_from:
                raise InvalidValueError(
                    "derives_from",
                    list(self.derives_from),
                    f"retraction {self.id!r} is its source's own act and "
                    "cannot derive from other statements",
                )
        elif self.target is not None:
            raise InvalidValueError(
                "target",
                self.target,
                f"only a 'retracts' statement has a target, and "
                f"{self.id!r} {self.stance.value}",
            )
        parents = self.derives_from
        if not parents:
            if self.via is not None:
                raise InvalidValueError(
                    "via",
                    self.via.value,
                    f"statement {self.id!r} has via but derives from nothing",
                )
            return
        if len(parents) > 1 and len(set(parents)) != len(parents):
            raise InvalidValueError(
                "derives_from",
                list(parents),
                f"statement {self.id!r} lists a statement twice",
            )
        if self.id in parents:
            raise RelayCycleError([self.id])

    @property
    def is_origin(self) -> bool:
        """
        Whether it declares no parent (a retraction is no origin).

        Copying links and document citations may still make it derive
        from other statements: `ClaimSet.implied_derivations` lists those.
        """
        return not self.derives_from and self.stance is not Stance.RETRACTS


# A member is its own key too: a `StrEnum` member hashes as its value.
_STANCES: dict[object, Stance] = {member.value: member for member in Stance}
_VIAS: dict[object, Via] = {member.value: member for member in Via}
_RETRACTS = Stance.RETRACTS
_Draft: Any = mutable_twin(Statement)
_new = object.__new__


def quick_statement(
    id: object,
    claim: object,
    source: object,
    stance: object = Stance.ASSERTS,
    date: object = None,
    document: object = None,
    derives_from: object = (),
    via: object = None,
    quote: object = None,
    modality: object = None,
    target: object = None,
) -> Statement | None:
    """
    The `Statement` of these fields, if they are surely valid; else None.

    The same checks as the class's own, for the common case only: plain
    strings, a date already read (a `PartialDate` or None), a stance and
    *via* as members or values, parents in a list or tuple. Anything
    else, valid or not, gives None: then ``Statement(...)`` decides, and
    raises its error. A made statement is a genuine `Statement`, equal
    to (and hashed as) the one ``Statement(...)`` makes.
    """
    # `plain_id` three times over, written out: the commonest check.
    if not (
        type(id) is str
        and type(claim) is str
        and type(source) is str
        and id
        and claim
        and source
        and id == id.strip()
        and claim == claim.strip()
        and source == source.strip()
    ):
        return None
    if not (id.isascii() and claim.isascii() and source.isascii()) and not (
        plain_id(id) and plain_id(claim) and plain_id(source)
    ):
        return None
    if type(stance) is not Stance and type(stance) is not str:
        return None
    made_stance = _STANCES.get(stance)
    if made_stance is None:
        return None
    if date is not None and type(date) is not PartialDate:
        return None
    if not (document is None and quote is None and modality is None) or (
        target is not None and not plain_text(target)
    ):
        for text in (document, quote, modality, target):
            if text is not None and not plain_text(text):
                return None
    parents: tuple[str, ...] | None
    if type(derives_from) is tuple and not derives_from:
        parents = ()
    elif (
        type(derives_from) is list
        and len(derives_from) == 1
        and type(derives_from[0]) is str
        and derives_from[0].isascii()
        and derives_from[0].strip()
    ):
        # `plain_texts` for the commonest list: one plain ASCII id.
        parents = (derives_from[0],)
    else:
        parents = plain_texts(derives_from)
        if parents is None:
            return None
    made_via: Via | None = None
    if via is not None:
        if type(via) is not Via and type(via) is not str:
            return None
        made_via = _VIAS.get(via)
        if made_via is None:
            return None
    # The rules of `__attrs_post_init__`: a breach is left to it.
    if made_stance is _RETRACTS:
        if target is None or parents:
            return None
    elif target is not None:
        return None
    if parents:
        if id in parents or (
            len(parents) > 1 and len(set(parents)) != len(parents)
        ):
            return None
    elif made_via is not None:
        return None
    draft = _new(_Draft)
    draft.id = id
    draft.claim = claim
    draft.source = source
    draft.stance = made_stance
    draft.date = date
    draft.document = document
    draft.derives_from = parents
    draft.via = made_via
    draft.quote = quote
    draft.modality = modality
    draft.target = target
    draft.__class__ = Statement
    return cast("Statement", draft)


def content_id(statement: Statement) -> str:
    """An id made from a statement's content: same content, same id."""
    parts = []
    for field in attrs.fields(Statement)[1:]:
        value = getattr(statement, field.name)
        if isinstance(value, tuple):
            value = ",".join(value)
        parts.append(f"{field.name}={'' if value is None else value}")
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"stmt-{digest[:16]}"


def statement_with_content_id(**fields: Any) -> Statement:
    """
    A `Statement` of *fields* whose id is made from them (`content_id`).

    The statement is built once under a stand-in id that none of its
    parents has, so that its fields are checked and converted, then given
    its own.
    """
    stand_in = "pending"
    parents = text_tuple(fields.get("derives_from", ()))
    while stand_in in parents:
        stand_in += "-"
    draft = Statement(id=stand_in, **fields)
    return attrs.evolve(draft, id=content_id(draft))
