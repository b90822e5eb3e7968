# SPDX-License-Identifier: MIT
"""Every error claimtrack raises, under one base class `ClaimtrackError`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from claimtrack._problems import (
    ClaimReviewProblem,
    Conflict,
    FormatProblem,
    TableProblem,
)


__all__ = [
    "AffiliationCycleError",
    "ClaimReviewError",
    "ClaimReviewExportError",
    "ClaimReviewProblem",
    "ClaimReviewWarning",
    "ClaimtrackError",
    "Conflict",
    "DuplicateIdError",
    "FormatError",
    "FormatProblem",
    "InvalidIntervalError",
    "InvalidRetractionError",
    "InvalidValueError",
    "MergeConflictError",
    "MissingExtraError",
    "PathError",
    "RelayCycleError",
    "TableError",
    "TableProblem",
    "TemporalInconsistencyError",
    "UnknownReferenceError",
]

P = TypeVar("P")


class ClaimtrackError(Exception):
    """
    Superclass of all claimtrack exceptions.

    Catch this to handle any bad input claimtrack rejects. It is never
    raised directly. Whenever one of its subclasses is raised by a
    `ClaimSet` method, the claim set is left exactly as it was.
    """

    def __reduce__(self) -> tuple[object, ...]:
        # Subclasses take keyword-only fields, which the default pickling
        # (calling the class with `args`) would drop.
        return (_restore, (type(self), self.args, self.__dict__))


def _restore(
    cls: type[ClaimtrackError],
    args: tuple[object, ...],
    state: dict[str, object],
) -> ClaimtrackError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class UnknownReferenceError(ClaimtrackError, LookupError):
    """
    A record refers to an id that is not recorded, or not of the right kind.

    Attributes:
        kind: What kind of record was expected ("source", "claim", ...).
        record_id: The id that could not be resolved.
        found: The kind of record that *record_id* names instead, if any.
        referrer: The id of the record whose field held *record_id*.
    """

    def __init__(
        self,
        kind: str,
        record_id: str,
        *,
        found: str | None = None,
        referrer: str | None = None,
    ) -> None:
        self.kind = kind
        self.record_id = record_id
        self.found = found
        self.referrer = referrer
        super().__init__(kind, record_id)

    def __str__(self) -> str:
        where = f" (referred to by {self.referrer!r})" if self.referrer else ""
        if self.found is not None:
            return (
                f"{self.record_id!r} is a {self.found}, not a "
                f"{self.kind}{where}"
            )
        return f"unknown {self.kind} {self.record_id!r}{where}"


class DuplicateIdError(ClaimtrackError, ValueError):
    """
    An id is already taken by a different record in the same claim set.

    Recording a record identical to the one already there is not an error:
    it does nothing.

    Attributes:
        record_id: The id recorded twice.
        existing: A short description of the record that holds the id.
        new: A short description of the record that was refused.
    """

    def __init__(self, record_id: str, *, existing: str, new: str) -> None:
        self.record_id = record_id
        self.existing = existing
        self.new = new
        super().__init__(record_id)

    def __str__(self) -> str:
        return (
            f"id {self.record_id!r} is already used by {self.existing}; "
            f"refusing {self.new}"
        )


class RelayCycleError(ClaimtrackError, ValueError):
    """
    Statements derive from each other in a circle.

    One cycle is named (a shortest one through the first statement of
    the batch on a cycle) and the others are counted, so the message
    stays short whatever the input: a long cycle is shown by its first
    and last statements.

    Attributes:
        cycle: The ids of exactly the statements on the cycle, in
            derivation order, each deriving from the next and the last
            from the first.
        others: How many other derivations (a statement's entry in
            ``derives_from``) lie on a cycle too.

    .. versionchanged:: Unreleased
       *others*; long cycles are shortened in the message.
    """

    def __init__(self, cycle: Sequence[str], others: int = 0) -> None:
        self.cycle = tuple(cycle)
        self.others = others
        super().__init__(self.cycle, self.others)

    def __str__(self) -> str:
        shown = " -> ".join(_shown((*self.cycle, self.cycle[0])))
        text = f"statements derive from each other in a cycle: {shown}"
        if self.others:
            noun = "derivation lies" if self.others == 1 else "derivations lie"
            text += f" ({self.others} other {noun} on cycles)"
        return text


_SHOWN, _LONGEST_ID = 12, 80
"""How many ids of a long cycle a message shows, and of each id how much."""


def _shown(ids: Sequence[str]) -> list[str]:
    """*ids* for a message: a long list by its ends, long ids clipped."""
    shown = [
        repr(i if len(i) <= _LONGEST_ID else i[: _LONGEST_ID - 1] + "…")
        for i in ids
    ]
    if len(shown) > _SHOWN:
        hidden = len(shown) - _SHOWN
        shown[_SHOWN // 2 : -_SHOWN // 2] = [f"({hidden} more)"]
    return shown


class AffiliationCycleError(ClaimtrackError, ValueError):
    """
    Hierarchical affiliation links form a cycle that holds at one time.

    Attributes:
        cycle: The source ids on the cycle, each under the next and the
            last under the first.
        links: The ids of the links that make the cycle.
    """

    def __init__(self, cycle: Sequence[str], links: Sequence[str]) -> None:
        self.cycle = tuple(cycle)
        self.links = tuple(links)
        super().__init__(self.cycle, self.links)

    def __str__(self) -> str:
        ring = " -> ".join(_shown((*self.cycle, self.cycle[0])))
        links = ", ".join(_shown(self.links))
        return f"affiliations form a cycle at one time: {ring} (links {links})"


class TemporalInconsistencyError(ClaimtrackError, ValueError):
    """
    A record points forward in time.

    A statement derives from, or retracts, a statement dated after it; or
    a document cites a document published after it. Dates are effective
    dates: a statement without its own date counts from its document's.

    Attributes:
        statement: The id of the earlier record that points forward.
        later: The id of the record it cannot yet have known.
        kind: What the two records are: ``"statement"`` or
            ``"document"``.
    """

    def __init__(
        self,
        statement: str,
        later: str,
        detail: str,
        *,
        kind: str = "statement",
    ) -> None:
        self.statement = statement
        self.later = later
        self.detail = detail
        self.kind = kind
        super().__init__(statement, later, detail)

    def __str__(self) -> str:
        return (
            f"{self.kind} {self.statement!r} cannot use {self.kind} "
            f"{self.later!r}: {self.detail}"
        )


class InvalidRetractionError(ClaimtrackError, ValueError):
    """
    A retraction withdraws a statement it may not withdraw.

    Only a statement's own source (or a record linked to it by
    ``same_as``) may retract it, and only statements that are not
    themselves retractions.

    Attributes:
        retraction: The id of the refused retraction.
        target: The id of the statement it tried to withdraw.
    """

    def __init__(self, retraction: str, target: str, reason: str) -> None:
        self.retraction = retraction
        self.target = target
        self.reason = reason
        super().__init__(retraction, target, reason)

    def __str__(self) -> str:
        return (
            f"statement {self.retraction!r} cannot retract "
            f"{self.target!r}: {self.reason}"
        )


class InvalidValueError(ClaimtrackError, ValueError):
    """
    A field holds a value claimtrack does not accept.

    For example an unknown stance or relation, a reliability letter
    outside A-F, or a date that cannot be parsed.

    Attributes:
        field: The name of the offending field.
        value: The refused value.
        reason: Why it was refused, with a hint where one helps.
    """

    def __init__(self, field: str, value: object, reason: str) -> None:
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(field, value, reason)

    def __str__(self) -> str:
        return f"invalid {self.field} {self.value!r}: {self.reason}"


class InvalidIntervalError(InvalidValueError):
    """
    A link's validity interval ends before (or where) it begins.

    Attributes:
        link: The id of the refused link.
    """

    def __init__(self, link: str, valid_from: str, valid_to: str) -> None:
        self.link = link
        super().__init__(
            "interval",
            (valid_from, valid_to),
            f"link {link!r} would hold from {valid_from} until "
            f"{valid_to}, which is empty or reversed",
        )


class _ProblemsError(ClaimtrackError, ValueError, Generic[P]):
    """Input that cannot be loaded, with every problem found in it."""

    def __init__(self, problems: Sequence[P]) -> None:
        self.problems: tuple[P, ...] = tuple(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems:"]
        lines.extend(str(problem) for problem in self.problems)
        return "\n".join(lines)


class FormatError(_ProblemsError[FormatProblem]):
    """
    A claimtrack JSON document cannot be loaded.

    Loading is all or nothing, and reports every problem it finds, each
    with its JSON path, rather than stopping at the first.

    Attributes:
        problems: Every problem found, in document order.
    """


class ClaimReviewError(ClaimtrackError, ValueError):
    """
    A schema.org ClaimReview record cannot be imported, or exported.

    The importer is lenient about the shapes publishers use, and strict
    about what a review cannot do without: the text of the claim and a
    rating (a label or a number). Refused exports raise the subclass
    `ClaimReviewExportError`.

    Attributes:
        path: Where the record is in the data, as a JSON path
            (``$[2]``, ``$.@graph[7]``).
        reason: What is missing or wrong.
        url: The review's URL, when it has one.
    """

    def __init__(
        self, path: str, reason: str, *, url: str | None = None
    ) -> None:
        self.path = path
        self.reason = reason
        self.url = url
        super().__init__(path, reason)

    def __str__(self) -> str:
        # Lone surrogates from a feed are escaped: the text stays printable.
        where = f" ({self.url})" if self.url else ""
        text = f"ClaimReview at {self.path}{where}: {self.reason}"
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


class ClaimReviewExportError(ClaimReviewError):
    """
    Reviews lack what Google requires of ClaimReview markup; none written.

    `claimtrack.claimreview.export_claimreviews` raises it, unless told
    ``strict=False``, when any review would be written without a property
    Google requires. It lists every such property of every review, not
    only the first.

    Attributes:
        problems: Every missing property, as `ClaimReviewProblem`, in
            export order. The inherited *path*, *reason* and *url* are
            those of the first.
    """

    def __init__(
        self, problems: Sequence[ClaimReviewProblem], *, url: str | None = None
    ) -> None:
        self.problems = tuple(problems)
        if self.problems:
            first = self.problems[0]
            path = f"$[{first.position}]"
            reason = f"no {first.property} ({first.reason})"
        else:
            path, reason = "$", "incomplete (no problem named)"
        super().__init__(path, reason, url=url)
        self.args = (self.problems,)

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return (
                f"{self.problems[0]}; nothing exported; strict=False "
                "exports it anyway"
            )
        reviews = len({problem.review for problem in self.problems})
        lines = [
            (
                f"{len(self.problems)} properties Google requires are "
                f"missing from {reviews} review(s); nothing exported; "
                "strict=False exports them anyway:"
            )
        ]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)


class ClaimReviewWarning(UserWarning):
    """
    Exported ClaimReview that Google accepts but advises against.

    `claimtrack.claimreview.export_claimreviews` issues it, for instance,
    for a ``claimReviewed`` longer than the 75 characters Google advises
    (longer ones wrap on phones). Filter it with the `warnings` module,
    or turn it into an error there.
    """


class MergeConflictError(ClaimtrackError, ValueError):
    """
    Two claim sets hold different records under the same id.

    Attributes:
        conflicts: Every conflicting id with how the two versions differ.
    """

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = tuple(conflicts)
        super().__init__(self.conflicts)

    def __str__(self) -> str:
        ids = "\n".join(f"  {conflict}" for conflict in self.conflicts)
        return (
            f"{len(self.conflicts)} id(s) name different records in the "
            f"two claim sets:\n{ids}"
        )


class TableError(_ProblemsError[TableProblem]):
    """
    CSV tables (a folder or a one-sheet form) cannot be loaded.

    Loading is all or nothing, and reports every problem it finds, each
    with its file, row and column, rather than stopping at the first.

    Attributes:
        problems: Every problem found, file by file, in row order.
    """


class MissingExtraError(ClaimtrackError, ImportError):
    """
    A feature needs an optional dependency that is not installed.

    Attributes:
        feature: What needs it (``to_dataframes``).
        package: The missing package (``pandas``).
        extra: The claimtrack extra that installs it (``pandas``).
    """

    def __init__(self, feature: str, package: str, extra: str) -> None:
        self.feature = feature
        self.package = package
        self.extra = extra
        super().__init__(feature, package, extra)
        self.name = package

    def __str__(self) -> str:
        return (
            f"{self.feature} needs {self.package}: "
            f"pip install 'claimtrack[{self.extra}]'"
        )


class PathError(ClaimtrackError, ValueError):
    """
    A path that claimtrack refuses to write (or, for ``load``, to read).

    ``save`` and the command line's ``-o`` write regular files only: a
    folder, a FIFO, a device or a socket as the target (after following
    symbolic links), a loop of links, an empty path or one holding a NUL
    character is refused before anything is written.

    Attributes:
        path: The path as given.
        reason: Why it was refused.
        action: ``"write"``, or ``"read"`` for a path given to ``load``.
    """

    def __init__(
        self, path: str, reason: str, *, action: str = "write"
    ) -> None:
        self.path = path
        self.reason = reason
        self.action = action
        super().__init__(path, reason)

    def __str__(self) -> str:
        return f"cannot {self.action} {self.path!r}: {self.reason}"
