# SPDX-License-Identifier: MIT
"""
What Google documents for ClaimReview markup, as one rule set.

`check_claimreviews` applies it to any ClaimReview JSON, and the exporter
applies the same rules to what it writes: it refuses what is required and
missing, and warns about what Google advises against.
"""

from __future__ import annotations

import enum
import math
import re

from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs

from claimtrack._claimreview_reading import claimreview_nodes
from claimtrack.exceptions import ClaimReviewError


__all__ = [
    "ADVISED_CLAIM_LENGTH",
    "EXPORT_HINTS",
    "ClaimReviewIssue",
    "Severity",
    "check_claimreviews",
    "check_markup",
]


ADVISED_CLAIM_LENGTH: Final = 75
"""
The most characters Google advises for ``claimReviewed``.

Longer claims wrap on phones; `export_claimreviews` warns about them
with a `ClaimReviewWarning`, and writes them all the same. claimtrack
holds a rating's label (``reviewRating.alternateName``, which Google
wants to be "a short word or phrase") to the same length.
"""


class Severity(enum.StrEnum):
    """How much a `ClaimReviewIssue` matters to Google."""

    REQUIRED = "required"
    """Google refuses the markup without it."""
    RECOMMENDED = "recommended"
    """
    Google recommends the property, or documents a constraint on a
    recommended property that the value breaks.
    """
    ADVICE = "advice"
    """Google accepts the value but advises against it."""


@attrs.frozen
class ClaimReviewIssue:
    """
    One thing in a ClaimReview object that Google's documentation flags.

    Attributes:
        path: Where the ClaimReview object is, as a JSON path (``$[2]``,
            ``$.dataFeedElement[0].item[0]``).
        url: The review's ``url``, when it has one.
        property: The property concerned, dotted from the ClaimReview
            object: ``url``, ``reviewRating.alternateName``.
        severity: ``required``, ``recommended`` or ``advice``.
        message: What is wrong with the property, to follow its name.
    """

    path: str
    url: str | None
    property: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = f"{self.path} ({self.url})" if self.url else self.path
        return (
            f"{where}: {self.severity.value}: {self.property} {self.message}"
        )


@attrs.frozen
class _Presence:
    """A property that must, or should, be there."""

    property: str
    severity: Severity
    why: str


_PRESENCE: Final = (
    _Presence(
        "claimReviewed",
        Severity.REQUIRED,
        "Google requires the text of the claim reviewed",
    ),
    _Presence(
        "url",
        Severity.REQUIRED,
        "Google requires the address of the page that publishes the "
        "fact-check",
    ),
    _Presence(
        "author.name",
        Severity.REQUIRED,
        "Google requires the name of the organisation that published the "
        "fact-check",
    ),
    _Presence(
        "reviewRating.alternateName",
        Severity.REQUIRED,
        "Google requires the rating as readers see it, such as 'False'",
    ),
    _Presence(
        "datePublished",
        Severity.RECOMMENDED,
        "Google recommends the date the fact-check was published",
    ),
    _Presence(
        "reviewRating.name",
        Severity.RECOMMENDED,
        "Google recommends the rating's name as well as its alternateName",
    ),
    _Presence(
        "itemReviewed",
        Severity.RECOMMENDED,
        "Google recommends the claim as a Claim object: who made it, "
        "when, where",
    ),
    _Presence(
        "itemReviewed.author",
        Severity.RECOMMENDED,
        "Google recommends the person or organisation that made the claim",
    ),
    _Presence(
        "itemReviewed.datePublished",
        Severity.RECOMMENDED,
        "Google recommends the date the claim was made",
    ),
    _Presence(
        "itemReviewed.appearance",
        Severity.RECOMMENDED,
        "Google recommends the works the claim appeared in",
    ),
    _Presence(
        "itemReviewed.firstAppearance",
        Severity.RECOMMENDED,
        "Google recommends the work the claim first appeared in",
    ),
)

EXPORT_HINTS: Final[Mapping[str, str]] = {
    "claimReviewed": "give the claim a text",
    "url": "give the review a url",
    "author.name": "give the reviewer a name",
    "reviewRating.alternateName": "give the rating a label",
}
"""How a claimtrack user supplies each required property, for exports."""

_SCALE: Final = ("ratingValue", "bestRating", "worstRating")
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return next((item for item in value if _present(item)), None)
    return value


def _present(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return value not in (None, [], {})


def _get(node: Mapping[str, Any], dotted: str) -> Any:
    """The value at *dotted* in *node*, first items of lists taken."""
    value: Any = node
    for key in dotted.split("."):
        value = _first(value)
        value = value.get(key) if isinstance(value, Mapping) else None
    return _first(value)


def _number(value: Any) -> float | None:
    """A rating number as Google reads it: a number, or digits and '.'."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
        number = float(value)
        return number if math.isfinite(number) else None
    return None


def _scale(
    node: Mapping[str, Any], path: str, url: str | None
) -> Iterator[ClaimReviewIssue]:
    """The rating's numbers: all three or none, numbers, in order."""
    values = {name: _get(node, f"reviewRating.{name}") for name in _SCALE}
    given = [name for name in _SCALE if _present(values[name])]
    if not given:
        return
    numbers: dict[str, float] = {}
    for name in _SCALE:
        dotted = f"reviewRating.{name}"
        if name not in given:
            yield ClaimReviewIssue(
                path,
                url,
                dotted,
                Severity.RECOMMENDED,
                "is missing; Google recommends a numeric rating with its "
                "whole scale: ratingValue, bestRating and worstRating",
            )
            continue
        number = _number(values[name])
        if number is None:
            yield ClaimReviewIssue(
                path,
                url,
                dotted,
                Severity.RECOMMENDED,
                f"is not a number ({values[name]!r}); Google requires "
                "rating numbers written with digits and '.' for decimals",
            )
            continue
        numbers[name] = number
    if len(numbers) < len(_SCALE):
        return
    value, best, worst = (numbers[name] for name in _SCALE)
    if best <= worst:
        yield ClaimReviewIssue(
            path,
            url,
            "reviewRating.bestRating",
            Severity.RECOMMENDED,
            f"is {_show(best)}, not greater than worstRating "
            f"{_show(worst)}; Google requires bestRating > worstRating",
        )
    elif not worst <= value <= best:
        yield ClaimReviewIssue(
            path,
            url,
            "reviewRating.ratingValue",
            Severity.RECOMMENDED,
            f"is {_show(value)}, outside the scale from worstRating "
            f"{_show(worst)} to bestRating {_show(best)}; Google requires "
            "a value on the scale",
        )


def _show(number: float) -> str:
    return str(int(number)) if number.is_integer() else str(number)


def _advice(
    node: Mapping[str, Any], path: str, url: str | None
) -> Iterator[ClaimReviewIssue]:
    claim = _get(node, "claimReviewed")
    if isinstance(claim, str) and len(claim) > ADVISED_CLAIM_LENGTH:
        yield ClaimReviewIssue(
            path,
            url,
            "claimReviewed",
            Severity.ADVICE,
            f"has {len(claim)} characters; Google advises at most "
            f"{ADVISED_CLAIM_LENGTH} (longer claims wrap on phones)",
        )
    label = _get(node, "reviewRating.alternateName")
    if isinstance(label, str) and len(label) > ADVISED_CLAIM_LENGTH:
        yield ClaimReviewIssue(
            path,
            url,
            "reviewRating.alternateName",
            Severity.ADVICE,
            f"has {len(label)} characters; Google wants a short word or "
            f"phrase (claimtrack advises at most {ADVISED_CLAIM_LENGTH})",
        )


def check_markup(
    node: Mapping[str, Any], path: str
) -> Iterator[ClaimReviewIssue]:
    """
    Every issue of one ClaimReview object at *path*, in rule order.

    Required properties come first, then recommended ones and the
    rating's scale, then advice.
    """
    raw_url = _get(node, "url")
    url = raw_url.strip() if isinstance(raw_url, str) else None
    no_item = not _present(_get(node, "itemReviewed"))
    for rule in _PRESENCE:
        if no_item and rule.property.startswith("itemReviewed."):
            continue
        if not _present(_get(node, rule.property)):
            yield ClaimReviewIssue(
                path,
                url or None,
                rule.property,
                rule.severity,
                f"is missing; {rule.why}",
            )
    yield from _scale(node, path, url or None)
    yield from _advice(node, path, url or None)


def check_claimreviews(data: Any) -> tuple[ClaimReviewIssue, ...]:
    """
    What Google's documentation flags in parsed ClaimReview JSON.

    *data* may hold ClaimReview objects anywhere, as `import_claimreviews`
    finds them: one object, a list, an ``@graph``, a Data Commons
    ``DataFeed`` such as ``export_claimreviews(..., form="datafeed")``
    writes. Each ClaimReview object is checked against Google's
    documentation of fact-check markup:

    - **required** (Google refuses the markup without them):
      ``claimReviewed``, ``url``, ``author.name`` and
      ``reviewRating.alternateName``;
    - **recommended**: ``datePublished``, ``reviewRating.name``, and
      ``itemReviewed`` with its ``author``, ``datePublished``,
      ``appearance`` and ``firstAppearance``; and a numeric rating
      complete (``ratingValue``, ``bestRating`` and ``worstRating``
      all given when one is), made of numbers, with ``bestRating``
      greater than ``worstRating`` and ``ratingValue`` between them;
    - **advice**: ``claimReviewed`` and the rating's ``alternateName``
      no longer than `ADVISED_CLAIM_LENGTH` (75) characters.

    Args:
        data: Parsed JSON (`json.load`'s result).

    Returns:
        Every `ClaimReviewIssue`, object by object in document order;
        empty when nothing is flagged (or *data* is an empty list or
        feed).

    Raises:
        ClaimReviewError: If *data* is not a JSON object or list, or
            holds no ClaimReview object although it is not empty.
    """
    if not isinstance(data, (list, Mapping)):
        raise ClaimReviewError(
            "$",
            "expected parsed JSON: an object or a list (use json.load on "
            "the text first)",
        )
    nodes = list(claimreview_nodes(data))
    empty_feed = isinstance(data, Mapping) and "dataFeedElement" in data
    if not nodes and data and not empty_feed:
        raise ClaimReviewError(
            "$",
            'no ClaimReview found (expected objects with "@type": '
            '"ClaimReview")',
        )
    return tuple(
        issue for path, node in nodes for issue in check_markup(node, path)
    )
