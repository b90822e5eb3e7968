# SPDX-License-Identifier: MIT
"""Verdicts: a fact-checker's rating normalised to true, mixture, false, other."""

from __future__ import annotations

import enum
import math
import types

from collections.abc import Mapping
from fractions import Fraction

from claimtrack._field_checks import enum_converter
from claimtrack._text import label_key
from claimtrack.exceptions import InvalidValueError


__all__ = [
    "RATING_LABELS",
    "Verdict",
    "add_rating_labels",
    "label_key",
    "verdict_of",
]


class Verdict(enum.StrEnum):
    """
    A fact-checker's rating normalised to four values, as ClaimsKG does.

    The normalised verdict lets ratings from different scales and
    languages be compared; the reviewer's own label is always kept
    beside it.
    """

    TRUE = "true"
    """The claim is accurate ("True", "Correct", "Verdadero")."""
    MIXTURE = "mixture"
    """Partly true, partly false ("Half true", "Mostly false")."""
    FALSE = "false"
    """The claim is inaccurate ("False", "Falso", "Faux", "Falsch")."""
    OTHER = "other"
    """Anything else: misleading, unproven, satire, or not understood."""


_BUILT_IN: dict[Verdict, tuple[str, ...]] = {
    Verdict.TRUE: (
        # English
        "true",
        "correct",
        "accurate",
        # Spanish
        "verdadero",
        "verdad",
        "cierto",
        "correcto",
        # Portuguese
        "verdadeiro",
        "verdade",
        "correto",
        # French
        "vrai",
        "c est vrai",
        # German
        "wahr",
        "richtig",
        "stimmt",
        # Arabic (Fatabyyano) and Chinese (Taiwan FactCheck Center)
        "صحيح",
        "正確",
    ),
    Verdict.MIXTURE: (
        # English
        "mixture",
        "mixed",
        "half true",
        "mostly true",
        "mostly correct",
        "mostly false",
        "partly true",
        "partly false",
        "partially true",
        "partially false",
        "barely true",
        # Spanish
        "verdad a medias",
        "medio verdadero",
        "mayormente verdadero",
        "mayormente falso",
        "parcialmente verdadero",
        "parcialmente falso",
        "parcialmente cierto",
        # Portuguese
        "meia verdade",
        "parcialmente verdadeiro",
        "parcialmente correto",
        # French
        "plutot vrai",
        "plutot faux",
        "partiellement vrai",
        "partiellement faux",
        "en partie vrai",
        "en partie faux",
        # German
        "teilweise wahr",
        "teilweise richtig",
        "teilweise falsch",
        "halb wahr",
        "grosstenteils richtig",
        "grosstenteils falsch",
        # Chinese (Taiwan FactCheck Center)
        "部分錯誤",
    ),
    Verdict.FALSE: (
        # English
        "false",
        "incorrect",
        "inaccurate",
        "wrong",
        "untrue",
        "not true",
        "fake",
        "fabricated",
        "pants on fire",
        # Spanish
        "falso",
        "falsa",
        "bulo",
        # Portuguese: "falso" and "falsa" as in Spanish
        # French
        "faux",
        "fausse",
        "c est faux",
        # German
        "falsch",
        "unwahr",
        "stimmt nicht",
        "frei erfunden",
        # Arabic (Fatabyyano) and Chinese (Taiwan FactCheck Center)
        "زائف",
        "錯誤",
    ),
    Verdict.OTHER: (
        # Ratings about something other than truth: kept explicit so that
        # nobody adds them to another verdict by mistake.
        "other",
        "misleading",
        "missing context",
        "lacks context",
        "unproven",
        "unverified",
        "satire",
        "enganoso",
        "enganosa",
        "sin evidencia",
        "sem contexto",
        "trompeur",
        "manque de contexte",
        "irrefuhrend",
        "fehlender kontext",
        "unbelegt",
        "證據不足",
    ),
}

_LABELS: dict[str, Verdict] = {
    label_key(label): verdict
    for verdict, labels in _BUILT_IN.items()
    for label in labels
}

RATING_LABELS: Mapping[str, Verdict] = types.MappingProxyType(_LABELS)
"""
The table of rating labels and their verdicts, keyed by `label_key`.

It holds common labels in English, Spanish, Portuguese, French and
German, and a few Arabic and Chinese ones. It is read-only: extend it
with `add_rating_labels`, or pass extra labels to the functions that
take them. Only whole labels match: "FALSO: the images were taken
elsewhere" is not "Falso", and maps to `Verdict.OTHER`.
"""


_to_verdict = enum_converter(Verdict, "verdict")


def _keyed(labels: Mapping[str, Verdict | str]) -> dict[str, Verdict]:
    if not isinstance(labels, Mapping):
        raise InvalidValueError(
            "labels", labels, "expected a mapping of labels to verdicts"
        )
    keyed: dict[str, Verdict] = {}
    for label, verdict in labels.items():
        key = label_key(label) if type(label) is str else ""
        if not key:
            raise InvalidValueError(
                "label", label, "expected a label with a letter or digit"
            )
        keyed[key] = _to_verdict(verdict)
    return keyed


def add_rating_labels(labels: Mapping[str, Verdict | str]) -> None:
    """
    Add labels to `RATING_LABELS`, or change what they map to.

    The change holds for the whole process, for every rating made after
    it; ratings already made keep their verdict.

    Args:
        labels: Each label (matched as `label_key` says) with its verdict,
            e.g. ``{"really false": "false", "Pinocchio": "false"}``.

    Raises:
        InvalidValueError: If a label is empty or a verdict unknown;
            then nothing is added.
    """
    _LABELS.update(_keyed(labels))


def _position_verdict(
    value: float, best: float, worst: float
) -> Verdict | None:
    """The verdict for *value*'s place on the scale, if it is on it."""
    # An int of any size is a fraction; only a float can be inf or nan.
    if not all(
        type(x) is int or math.isfinite(x) for x in (value, best, worst)
    ):
        return None
    span = Fraction(best) - Fraction(worst)
    if span == 0:
        return None
    position = (Fraction(value) - Fraction(worst)) / span
    if position < 0 or position > 1:
        return None
    if position < Fraction(1, 3):
        return Verdict.FALSE
    if position > Fraction(2, 3):
        return Verdict.TRUE
    return Verdict.MIXTURE


def verdict_of(
    label: str | None = None,
    *,
    value: float | None = None,
    best: float | None = None,
    worst: float | None = None,
    labels: Mapping[str, Verdict | str] | None = None,
) -> Verdict:
    """
    Normalise a rating to a `Verdict`.

    This is the one rule: a `Rating` made without a verdict, a rating
    read from claimtrack JSON without one, and every rating
    `claimtrack.claimreview.import_claimreviews` reads get their verdict
    from it. In order:

    1. **The label**, when it is a known one: matched whole
       (`label_key`) against *labels* first, then `RATING_LABELS`. A
       known label decides, whatever the numbers say, even when it maps
       to `Verdict.OTHER` ("Misleading", "Unproven"): the label is the
       reviewer's verdict, the numbers only place it on a scale.
    2. **The scale.** Else, when *value*, *best* and *worst* are all
       given, *best* differs from *worst* and *value* lies between them,
       the verdict comes from where *value* sits: in the lower third
       (nearer *worst*) `Verdict.FALSE`, in the upper third
       `Verdict.TRUE`, otherwise (both bounds of the middle third
       included) `Verdict.MIXTURE`. On the common 1-5 scale, 1 and 2 are
       false, 3 is mixture, 4 and 5 are true. A missing *best* or
       *worst* is not assumed to be 5 or 1: publishers who leave them
       out use other scales.
    3. Else `Verdict.OTHER`: an unknown label is never guessed at.

    Args:
        label: The reviewer's label, as published.
        value: The numeric rating.
        best: The best value of the scale.
        worst: The worst value of the scale.
        labels: Extra labels and their verdicts, for this call only.

    Raises:
        InvalidValueError: If *label* is not a string, a number is not an
            int or a float, or *labels* holds an empty label or an
            unknown verdict.
    """
    if label is not None and type(label) is not str:
        raise InvalidValueError("label", label, "expected a string or None")
    for name, number in (("value", value), ("best", best), ("worst", worst)):
        if number is not None and type(number) not in (int, float):
            raise InvalidValueError(name, number, "expected a number or None")
    extra = None if labels is None else _keyed(labels)
    if label is not None:
        key = label_key(label)
        known = extra.get(key) if extra is not None else None
        if known is None:
            known = _LABELS.get(key)
        if known is not None:
            return known
    if value is not None and best is not None and worst is not None:
        found = _position_verdict(value, best, worst)
        if found is not None:
            return found
    return Verdict.OTHER
