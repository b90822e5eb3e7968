# SPDX-License-Identifier: MIT
"""A claim set as one typed multigraph, for `claimtrack.graph.to_networkx`."""

from __future__ import annotations

import enum
import json

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast

import attrs

from claimtrack._dates import PartialDate
from claimtrack._links import Link, Relation
from claimtrack._records import KIND_NAMES, Record
from claimtrack._statements import Statement
from claimtrack._xml import xml_safe


if TYPE_CHECKING:
    from claimtrack._claimset import ClaimSet


__all__ = ["build", "node_id"]

Scalar = str | int | float | bool
"""What GraphML can hold: no lists, no None."""


def node_id(kind: str, record_id: str) -> str:
    """The node of a record: its kind, a colon, its id (``source:fama``)."""
    return f"{kind}:{record_id}"


def _fields(value: object) -> tuple[attrs.Attribute[Any], ...]:
    found: tuple[attrs.Attribute[Any], ...] = attrs.fields(
        cast("type[attrs.AttrsInstance]", type(value))
    )
    return found


def _plain(value: object) -> object:
    """*value* as JSON-ready data."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, PartialDate):
        return value.isoformat()
    if attrs.has(type(value)):
        return {
            field.name: _plain(getattr(value, field.name))
            for field in _fields(value)
            if getattr(value, field.name) is not None
        }
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def _scalars(value: object, name: str) -> Iterable[tuple[str, Scalar]]:
    """
    *value* as GraphML-safe attributes named after *name*.

    None and empty lists give nothing; a list or mapping is JSON text; a
    nested record (a review's rating) gives one attribute per field,
    prefixed with *name*. Characters XML cannot hold become U+FFFD.
    """
    if value is None or (isinstance(value, tuple | list) and not value):
        return
    if isinstance(value, enum.Enum | PartialDate):
        yield name, xml_safe(str(_plain(value)))
    elif isinstance(value, str):
        yield name, xml_safe(value)
    elif isinstance(value, bool | int | float):
        yield name, value
    elif attrs.has(type(value)):
        for field in _fields(value):
            yield from _scalars(
                getattr(value, field.name), f"{name}_{field.name}"
            )
    else:
        text = json.dumps(_plain(value), ensure_ascii=False, sort_keys=True)
        yield name, xml_safe(text)


def _label(record: Record) -> str:
    kind = KIND_NAMES[type(record)]
    if kind == "source":
        return str(getattr(record, "name", record.id))
    if kind == "claim":
        return str(getattr(record, "text", record.id))
    if kind == "statement" and isinstance(record, Statement):
        return f"{record.id}: {record.stance.value}"
    if kind == "document":
        return str(getattr(record, "title", None) or record.id)
    return record.id


def _family(claim_set: ClaimSet, link: Link) -> str:
    """What sort of link: an affiliation, a cross-reference, a judgement."""
    if link.relation in (Relation.COPIES, Relation.DISTINCT_FROM):
        return "judgement"
    if KIND_NAMES[type(claim_set[link.subject])] == "source":
        return "affiliation"
    return "cross_reference"


def _wanted(claim_set: ClaimSet, claim: str) -> set[str]:
    """
    Every record what *claim* rests on involves, by id.

    Its ``same_as`` class, the statements about it and every statement
    their chains pass through (declared, implied, retracted and
    retracting), their claims, sources and documents, the documents
    those cite, the reviews of the class and their reviewers, and each
    source's affiliations followed upward (with ``same_as`` both ways).
    """
    claims = set(claim_set.claim_class(claim))
    implied: dict[str, list[str]] = {}
    for derivation in claim_set.implied_derivations():
        implied.setdefault(derivation.statement, []).append(derivation.parent)
    statements: set[str] = set()
    pending = [s.id for s in claim_set.statements_for(claim)]
    while pending:
        statement_id = pending.pop()
        if statement_id in statements:
            continue
        statements.add(statement_id)
        statement = claim_set.statement(statement_id)
        pending += statement.derives_from
        pending += implied.get(statement_id, ())
        pending += (r.id for r in claim_set.retractions_of(statement_id))
        if statement.target is not None:
            pending.append(statement.target)
    wanted = claims | statements
    sources: list[str] = []
    documents: set[str] = set()
    for statement_id in statements:
        statement = claim_set.statement(statement_id)
        wanted.add(statement.claim)
        sources.append(statement.source)
        if statement.document is not None:
            documents.add(statement.document)
    for document_id in list(documents):
        document = claim_set.document(document_id)
        documents.update(document.cites)
        sources += document.authors
        if document.publisher is not None:
            sources.append(document.publisher)
    wanted |= documents
    for claim_id in claims:
        for review in claim_set.reviews_about(claim_id):
            wanted.add(review.id)
            sources.append(review.reviewer)
    seen: set[str] = set()
    while sources:
        source = sources.pop()
        if source in seen:
            continue
        seen.add(source)
        for link in claim_set.links_of(source):
            if link.subject == source or link.relation is Relation.SAME_AS:
                sources += (link.subject, link.object)
    return wanted | seen


def build(
    nx: Any, claim_set: ClaimSet, claim: str | None
) -> Any:  # a networkx.MultiDiGraph
    """The graph `claimtrack.graph.to_networkx` documents."""
    wanted = None if claim is None else _wanted(claim_set, claim)
    graph = nx.MultiDiGraph()
    if claim is not None:
        graph.graph["claim"] = claim
    kinds: dict[str, str] = {}
    for record in claim_set:
        kind = KIND_NAMES[type(record)]
        if kind == "link" or (wanted is not None and record.id not in wanted):
            continue
        kinds[record.id] = kind
        attributes = dict(
            scalar
            for field in attrs.fields(type(record))
            for scalar in _scalars(getattr(record, field.name), field.name)
        )
        attributes.update(record=kind, label=xml_safe(_label(record)))
        graph.add_node(node_id(kind, record.id), **attributes)

    def edge(subject: str, obj: str, key: str, **attributes: Scalar) -> None:
        if subject in kinds and obj in kinds:
            graph.add_edge(
                node_id(kinds[subject], subject),
                node_id(kinds[obj], obj),
                key=key,
                **attributes,
            )

    _annotate(graph, claim_set, kinds)
    for record in claim_set:
        if record.id not in kinds and KIND_NAMES[type(record)] != "link":
            continue
        _edges(claim_set, record, edge)
    for derivation in claim_set.implied_derivations():
        rule: dict[str, Scalar] = {"via": derivation.via, "implied": True}
        if derivation.link is not None:
            rule["link"] = derivation.link.id
        if derivation.document is not None:
            rule["document"] = derivation.document
        edge(
            derivation.statement,
            derivation.parent,
            f"implied_{derivation.via}",
            kind="derives_from",
            **rule,
        )
    return graph


def _edges(claim_set: ClaimSet, record: Record, edge: Any) -> None:
    """The edges that start at *record*, or that *record* is (a link)."""
    kind = KIND_NAMES[type(record)]
    fields = attrs.asdict(record, recurse=False)
    if kind == "link":
        link = record
        assert isinstance(link, Link)
        attributes: dict[str, Scalar] = {
            "kind": "link",
            "relation": link.relation.value,
            "family": _family(claim_set, link),
            "link": link.id,
        }
        for name in ("valid_from", "valid_to", "note", "evidence"):
            attributes.update(_scalars(fields[name], name))
        if link.evidence is not None:
            rejected = link.relation is Relation.DISTINCT_FROM
            attributes["suspicion"] = "rejected" if rejected else "accepted"
        edge(link.subject, link.object, f"link:{link.id}", **attributes)
    elif kind == "statement":
        statement = record
        assert isinstance(statement, Statement)
        edge(
            statement.id,
            statement.claim,
            "about",
            kind="about",
            stance=statement.stance.value,
        )
        edge(statement.id, statement.source, "said_by", kind="said_by")
        if statement.document is not None:
            edge(
                statement.id,
                statement.document,
                "appears_in",
                kind="appears_in",
            )
        for parent in statement.derives_from:
            edge(
                statement.id,
                parent,
                "derives_from",
                kind="derives_from",
                via=statement.via.value if statement.via else "derives from",
                implied=False,
            )
        if statement.target is not None:
            edge(statement.id, statement.target, "retracts", kind="retracts")
    elif kind == "document":
        if fields["publisher"] is not None:
            edge(
                record.id,
                fields["publisher"],
                "published_by",
                kind="published_by",
            )
        for author in fields["authors"]:
            edge(record.id, author, "written_by", kind="written_by")
        for cited in fields["cites"]:
            edge(record.id, cited, "cites", kind="cites")
    elif kind == "review":
        edge(record.id, fields["claim"], "reviews", kind="reviews")
        edge(record.id, fields["reviewer"], "reviewed_by", kind="reviewed_by")
        for item in fields["evidence"]:
            edge(
                record.id,
                item.record,
                "evidence",
                kind="evidence",
                role=item.role.value,
            )
        for checked in fields["reviewed"]:
            edge(record.id, checked, "checks", kind="checks")


def _annotate(
    graph: Any, claim_set: ClaimSet, kinds: Mapping[str, str]
) -> None:
    """Add each claim's corroboration and each statement's effective date."""
    for record_id, kind in kinds.items():
        node = graph.nodes[node_id(kind, record_id)]
        if kind == "statement":
            node["origin"] = claim_set.statement(record_id).is_origin
            when = claim_set.date_of(record_id)
            if when is not None:
                node["effective_date"] = when.isoformat()
    claims = [c for c, kind in kinds.items() if kind == "claim"]
    if len(claims) == len(claim_set.claims):
        reports = claim_set.reports()
    else:
        reports = tuple(claim_set.corroboration(c) for c in claims)
    for report in reports:
        graph.nodes[node_id("claim", report.claim)].update(
            status=report.status.value,
            asserting_groups=len(report.asserting_groups),
            denying_groups=len(report.denying_groups),
            naive_source_count=report.naive_source_count,
            credibility=report.credibility,
        )
