# SPDX-License-Identifier: MIT
"""What `ClaimSet.corroboration` answers, and its explanation in words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

import attrs

from claimtrack._affiliations import Independence
from claimtrack._dates import PartialDate
from claimtrack._derivations import Derivation
from claimtrack._display import html_of
from claimtrack._field_checks import Slotted, mutable_twin
from claimtrack._policy import CorroborationPolicy
from claimtrack._report_parts import (
    CREDIBILITY_LABELS,
    BlockedPath,
    ClaimChange,
    EvidenceStatus,
    OriginGroup,
)
from claimtrack._reviews import Review
from claimtrack._sources import Source
from claimtrack._statements import Statement
from claimtrack._suspicions import Suspicion


__all__ = [
    "CREDIBILITY_LABELS",
    "BlockedPath",
    "ClaimChange",
    "CorroborationReport",
    "EvidenceStatus",
    "OriginGroup",
    "quick_report",
    "status_summary",
]


@attrs.frozen
class CorroborationReport(Slotted):
    """
    Whether a claim is independently corroborated, and why.

    Attributes:
        claim: The claim asked about.
        claims: Every claim of its ``same_as`` class, all counted.
        as_of: The date the answer holds at; None for "everything known".
        policy: The policy used.
        status: The evidence status.
        corroborated: Whether at least the policy's minimum of independent
            groups assert the claim (whatever the denials).
        contested: Whether at least one independent group asserts the
            claim and at least one denies it.
        asserting_groups: Independent groups of asserting origins.
        denying_groups: Independent groups of denying origins.
        naive_source_count: Distinct sources (after ``same_as``) of live
            asserting statements, relays included: what a
            provenance-blind count says.
        credibility: Admiralty information-credibility number, 1-6.
        report_codes: For each asserting origin statement, its Admiralty
            code: the source's reliability letter (F when unrated) and
            *credibility*, e.g. ``"C3"``.
        statements: The live statements considered, by id.
        retracted: Pairs of a statement and the retraction that withdrew it.
        not_yet: Statements dated after *as_of*, left out.
        blocked: Derivations that do not reach an origin.
        combined: Statements that bring the origins of more than one
            group together (a report citing independent sources), nearest
            first. They add no origin either.
        sources: Every source record of the claim set by id, not only
            this claim's (a read-only view shared by every report), so
            that explanations can name any source on a tie's path. The
            claim's own speakers are in `speakers`.
        reviews: The fact-checks of the claim and its ``same_as`` class
            published by *as_of* (or undated), oldest first. They are
            reported beside the evidence and never change the answer.
        derivations: For each statement on a counted chain that copies a
            source or sits in a citing document, the `Derivation` records
            the rule inferred for it (see the concepts page).
        claim_changes: Each `ClaimChange`: where a statement about this
            claim rests on a statement about another claim.
        document_dates: For statements in the report with no date of their
            own, the date of their document, which they count from.
        suspicions: The suspicions that hold (`ClaimSet.suspicions`)
            between records this claim's statements involve.
        groups_if_suspicions_hold: How many (asserting, denying) groups
            there would be were every suspicion that holds declared; None
            when there is none. Under the policy's ``suspicions="count"``
            these are the groups counted.
    """

    claim: str
    claims: tuple[str, ...]
    as_of: PartialDate | None
    policy: CorroborationPolicy
    status: EvidenceStatus
    corroborated: bool
    contested: bool
    asserting_groups: tuple[OriginGroup, ...]
    denying_groups: tuple[OriginGroup, ...]
    naive_source_count: int
    credibility: int
    report_codes: Mapping[str, str]
    statements: tuple[Statement, ...]
    retracted: tuple[tuple[Statement, Statement], ...]
    not_yet: tuple[Statement, ...]
    blocked: tuple[BlockedPath, ...]
    combined: tuple[Statement, ...]
    sources: Mapping[str, Source] = attrs.field(repr=False)
    reviews: tuple[Review, ...] = ()
    derivations: Mapping[str, tuple[Derivation, ...]] = attrs.field(
        factory=dict, repr=False
    )
    claim_changes: tuple[ClaimChange, ...] = ()
    document_dates: Mapping[str, PartialDate] = attrs.field(
        factory=dict, repr=False
    )
    suspicions: tuple[Suspicion, ...] = ()
    groups_if_suspicions_hold: tuple[int, int] | None = None

    @property
    def speakers(self) -> frozenset[str]:
        """The ids of the sources of the live statements considered."""
        return frozenset(statement.source for statement in self.statements)

    def date_of(self, statement: Statement) -> PartialDate | None:
        """When *statement* counts as said: its own date, else its document's."""
        if statement.date is not None:
            return statement.date
        return self.document_dates.get(statement.id)

    @property
    def independent_origin_count(self) -> int:
        """How many independent groups assert the claim."""
        return len(self.asserting_groups)

    def name(self, source: str) -> str:
        """The display name of *source*, with its id when they differ."""
        record = self.sources.get(source)
        if record is None or record.name == source:
            return source
        return f"{record.name} [{source}]"

    @property
    def reason(self) -> str:
        """One line that says why the status is what it is."""
        asserting, denying = self.asserting_groups, self.denying_groups
        if self.status is EvidenceStatus.UNSUPPORTED:
            if self.retracted:
                return "no live origin: what was said has been retracted"
            if self.blocked:
                return (
                    "no live origin: every chain rests on a statement that "
                    "does not count"
                )
            if self.not_yet:
                return f"nothing said yet as of {self.as_of}"
            return "no statement asserts or denies it"
        if self.status is EvidenceStatus.DENIED:
            return f"denied by {self._voices(denying)}; nobody asserts it"
        if self.status is EvidenceStatus.CONTESTED:
            return (
                f"asserted by {self._voices(asserting)}; denied by "
                f"{self._voices(denying)}"
            )
        voices = self._voices(asserting)
        if self.status is EvidenceStatus.SINGLE_ORIGIN:
            group = asserting[0]
            extra = len({c.source for c in group.carriers} - group.sources)
            if extra > 0:
                verb = "passes" if extra == 1 else "pass"
                return (
                    f"one voice: {voices}; "
                    f"{_count(extra, 'other source')} only {verb} it on"
                )
            return f"one voice: {voices}"
        return f"{len(asserting)} independent voices: {voices}"

    def _voices(self, groups: tuple[OriginGroup, ...]) -> str:
        return "; ".join(
            " + ".join(self.name(s) for s in sorted(group.sources))
            for group in groups
        )

    def _repr_html_(self) -> str:
        """What a notebook shows: status, groups, explanation, diagram."""
        return html_of(self)

    def explain(self) -> str:
        """Say in plain text what was counted, what was merged, and why."""
        when = f"as of {self.as_of}" if self.as_of else "on everything known"
        status = self.status.value.replace("_", " ")
        lines = [f"Claim {self.claim!r}: {status} ({when}): {self.reason}."]
        if len(self.claims) > 1:
            others = ", ".join(repr(c) for c in self.claims if c != self.claim)
            lines.append(f"Counted together with same_as claims {others}.")
        lines.append(
            f"A provenance-blind count sees "
            f"{_count(self.naive_source_count, 'asserting source')}; "
            f"independent origin groups: {len(self.asserting_groups)} "
            f"asserting, {len(self.denying_groups)} denying. Credibility "
            f"{self.credibility} ({CREDIBILITY_LABELS[self.credibility]})."
        )
        lines.extend(self._explain_suspicions())
        for title, groups in (
            ("Asserting", self.asserting_groups),
            ("Denying", self.denying_groups),
        ):
            for number, group in enumerate(groups, 1):
                lines.extend(
                    self._explain_group(f"{title} group {number}", group)
                )
        lines.extend(
            f"Combines groups: {statement.id}: "
            f"{self.name(statement.source)} {self._takes_up(statement, {})}"
            f"{_in(statement)}: adds no independent origin"
            for statement in self.combined
        )
        lines.extend(
            f"The claim changes: {change.statement} on {change.claim!r} "
            f"rests on {change.parent} on {change.parent_claim!r}, by "
            f"{self.name(change.parent_source)}."
            for change in self.claim_changes
        )
        lines.extend(
            f"Retracted: {statement.id} by {self.name(statement.source)} "
            f"was withdrawn by {retraction.id}"
            + (
                f" of {self.name(retraction.source)}"
                if retraction.source != statement.source
                else ""
            )
            + f"{_on(retraction.date)}; it no longer counts."
            for statement, retraction in self.retracted
        )
        lines.extend(
            f"Blocked: {blocked.statement} derives from "
            f"{blocked.derives_from}, which {blocked.reason}; that path "
            "reaches no origin."
            for blocked in self.blocked
        )
        lines.extend(
            f"Not yet: {statement.id} by {self.name(statement.source)} "
            f"is dated {self._dated(statement)}, after {self.as_of}."
            for statement in self.not_yet
        )
        if self.reviews:
            lines.append("Reviews:")
            lines.extend(self._explain_review(r) for r in self.reviews)
        return "\n".join(lines)

    def _explain_suspicions(self) -> list[str]:
        if self.groups_if_suspicions_hold is None:
            return []
        asserting, denying = self.groups_if_suspicions_hold
        counted = self.policy.suspicions == "count"
        declared = (
            "Counted with the suspicions below as declared"
            if counted
            else f"On what is declared: {len(self.asserting_groups)} "
            f"asserting, {len(self.denying_groups)} denying groups; if the "
            "suspicions below hold"
        )
        voice = ""
        if not counted and asserting == 1 and len(self.asserting_groups) > 1:
            voice = ": one voice"
        lines = [
            f"{declared}: {asserting} asserting, {denying} denying{voice}."
        ]
        lines.extend(f"  suspicion: {s.describe()}" for s in self.suspicions)
        return lines

    def _dated(self, statement: Statement) -> str:
        if statement.date is not None or statement.document is None:
            return str(statement.date)
        return (
            f"{self.date_of(statement)} (the date of its document "
            f"{statement.document})"
        )

    def _takes_up(
        self, statement: Statement, known: Mapping[str, Statement]
    ) -> str:
        """How *statement* takes up its parents, declared and implied."""
        phrases = []
        if statement.derives_from:
            parents = ", ".join(
                f"{p} by {self.name(known[p].source)}" if p in known else p
                for p in statement.derives_from
            )
            phrases.append(f"{_how(statement)} {parents}")
        phrases.extend(
            derivation.describe()
            for derivation in self.derivations.get(statement.id, ())
        )
        return "; ".join(phrases)

    def _tie(self, tie: Independence, intro: str, indent: str) -> list[str]:
        """A tie in words, and a hint when it runs through a membership."""
        lines = [f"{indent}{intro}{tie.describe(self.name)}"]
        joined = {
            link.object: link.relation
            for link in tie.links
            if link.relation in self.policy.association
        }
        if joined:
            through = " and ".join(
                f"{_ASSOCIATED.get(relation.value, relation.value)} "
                f"{self.name(org)}"
                for org, relation in sorted(joined.items())
            )
            ids = ", ".join(repr(org) for org in sorted(joined))
            lines.append(
                f"{indent}  hint: this tie runs through {through}; if that "
                "does not make one speak for the other, "
                f"CorroborationPolicy(arms_length=[{ids}]) unties them."
            )
        return lines

    def _explain_review(self, review: Review) -> str:
        text = (
            f"  {review.id}: {self.name(review.reviewer)} rated it "
            f"{review.rating.describe()}{_on(review.date)}: verdict "
            f"{review.rating.verdict.value}"
        )
        if len(self.claims) > 1 and review.claim != self.claim:
            text += f" (as claim {review.claim!r})"
        if review.evidence:
            text += "; evidence: " + ", ".join(
                f"{item.record} {item.role.value}" for item in review.evidence
            )
        return text + "."

    def _explain_group(self, title: str, group: OriginGroup) -> list[str]:
        voices = " + ".join(self.name(s) for s in sorted(group.sources))
        lines = [f"{title}: {voices}"]
        known = {s.id: s for s in (*group.origins, *group.carriers)}
        ties_of: dict[str, list[Independence]] = {}
        for tie in group.carrier_ties:
            ties_of.setdefault(tie.a, []).append(tie)
        for origin in group.origins:
            code = self.report_codes.get(origin.id)
            rated = f" (Admiralty code {code})" if code else ""
            elsewhere = ""
            if origin.claim not in self.claims:
                elsewhere = (
                    f" claim {origin.claim!r}, counted as "
                    f"{group.stance.value} here"
                )
            lines.append(
                f"  origin {origin.id}: {self.name(origin.source)} "
                f"{_stance(origin)}{elsewhere}{_in(origin)}{rated}"
            )
        for carrier in group.carriers:
            lines.append(
                f"  {carrier.id}: {self.name(carrier.source)} "
                f"{self._takes_up(carrier, known)}{_in(carrier)}: adds no "
                "independent origin"
            )
            for tie in ties_of.get(carrier.source, ()):
                lines.extend(
                    self._tie(
                        tie,
                        "and in its own voice it would not be "
                        "independent either: ",
                        "    ",
                    )
                )
        for tie in group.ties:
            if tie.a != tie.b:
                lines.extend(self._tie(tie, "one voice: ", "  "))
        return lines


_ASSOCIATED = {
    "member_of": "membership in",
    "funded_by": "funding by",
}


def _how(statement: Statement) -> str:
    return statement.via.value if statement.via else "derives from"


def _stance(statement: Statement) -> str:
    text = statement.stance.value
    if statement.modality:
        text += f" ({statement.modality})"
    return text


def _in(statement: Statement) -> str:
    text = _on(statement.date)
    if statement.document:
        text += f" in {statement.document}"
    return text


def _on(date: PartialDate | None) -> str:
    return f" on {date}" if date is not None else ""


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def status_summary(reports: Sequence[CorroborationReport]) -> str:
    """How many *reports* have each status, in one line."""
    counts = dict.fromkeys(EvidenceStatus, 0)
    for report in reports:
        counts[report.status] += 1
    parts = [
        f"{counts[s]} {s.value.replace('_', ' ')}"
        for s in EvidenceStatus
        if counts[s] or s is EvidenceStatus.CORROBORATED
    ]
    noun = "claim" if len(reports) == 1 else "claims"
    return f"{len(reports)} {noun}: " + ", ".join(parts)


_ReportDraft = mutable_twin(CorroborationReport)


def quick_report(
    *,
    claim: str,
    claims: tuple[str, ...],
    as_of: PartialDate | None,
    policy: CorroborationPolicy,
    status: EvidenceStatus,
    corroborated: bool,
    contested: bool,
    asserting_groups: tuple[OriginGroup, ...],
    denying_groups: tuple[OriginGroup, ...],
    naive_source_count: int,
    credibility: int,
    report_codes: Mapping[str, str],
    statements: tuple[Statement, ...],
    retracted: tuple[tuple[Statement, Statement], ...],
    not_yet: tuple[Statement, ...],
    blocked: tuple[BlockedPath, ...],
    combined: tuple[Statement, ...],
    sources: Mapping[str, Source],
    reviews: tuple[Review, ...],
    derivations: Mapping[str, tuple[Derivation, ...]],
    claim_changes: tuple[ClaimChange, ...],
    document_dates: Mapping[str, PartialDate],
) -> CorroborationReport:
    """
    The `CorroborationReport` of these fields, made without its ``__init__``.

    One is made per claim asked about; the generated ``__init__`` sets
    each of the frozen class's slots by a call. The report made is a
    genuine one, equal to (and hashed as) the one the class makes, with
    no suspicions yet (`ClaimSet` adds them).
    """
    report: Any = object.__new__(_ReportDraft)
    report.claim = claim
    report.claims = claims
    report.as_of = as_of
    report.policy = policy
    report.status = status
    report.corroborated = corroborated
    report.contested = contested
    report.asserting_groups = asserting_groups
    report.denying_groups = denying_groups
    report.naive_source_count = naive_source_count
    report.credibility = credibility
    report.report_codes = report_codes
    report.statements = statements
    report.retracted = retracted
    report.not_yet = not_yet
    report.blocked = blocked
    report.combined = combined
    report.sources = sources
    report.reviews = reviews
    report.derivations = derivations
    report.claim_changes = claim_changes
    report.document_dates = document_dates
    report.suspicions = ()
    report.groups_if_suspicions_hold = None
    report.__class__ = CorroborationReport
    return cast("CorroborationReport", report)
