# SPDX-License-Identifier: MIT
"""PROV-JSON records: each kind of claimtrack record as PROV says it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from claimtrack._dates import DateLike, PartialDate, Precision
from claimtrack._derivations import Derivation
from claimtrack._links import Relation
from claimtrack._statements import Stance, Via


if TYPE_CHECKING:
    from claimtrack._claimset import ClaimSet


__all__ = ["write_records"]

_QUOTATION_VIAS = frozenset({Via.RELAYS, Via.QUOTES})


def _qname(value: str) -> dict[str, str]:
    return {"$": value, "type": "prov:QUALIFIED_NAME"}


def _record(id: str) -> str:
    # PROV qualified names cannot hold spaces or slashes: keep ids
    # readable, percent-encoding only what a local part cannot carry.
    return "ctr:" + quote(id, safe="-._~")


def _relation(kind: str, *parts: str) -> str:
    return "ctr:" + "/".join([kind, *(quote(p, safe="-._~") for p in parts)])


def _date(date: PartialDate | None) -> dict[str, Any] | None:
    return (
        None if date is None else {"$": date.isoformat(), "type": "xsd:string"}
    )


def _attributes(**values: object) -> dict[str, object]:
    """PROV-JSON attributes, leaving out what is absent."""
    result: dict[str, object] = {}
    for name, value in values.items():
        if value is None or value in ((), []):
            continue
        key = name.replace("__", ":", 1)
        result[key] = list(value) if isinstance(value, tuple) else value
    return result


def write_records(
    claim_set: ClaimSet,
    document: dict[str, dict[str, Any]],
    as_of: PartialDate | DateLike | None,
) -> None:
    """Add every record of *claim_set* to the PROV-JSON *document*."""
    _sources(claim_set, document)
    _documents(claim_set, document)
    _claims(claim_set, document, as_of)
    _statements(claim_set, document)
    _links(claim_set, document)


def _by_id(records: Iterable[Any]) -> list[Any]:
    return sorted(records, key=lambda record: record.id)


def _sources(claim_set: ClaimSet, document: dict[str, dict[str, Any]]) -> None:
    for source in _by_id(claim_set.sources):
        kind = (
            "prov:Person" if source.kind == "person" else "prov:Organization"
        )
        document["agent"][_record(source.id)] = _attributes(
            prov__type=_qname(kind),
            prov__label=source.name,
            claimtrack__kind=source.kind,
            claimtrack__alias=source.aliases,
            claimtrack__reliability=source.reliability,
            schema__sameAs=tuple(
                {"$": identifier, "type": "xsd:anyURI"}
                for identifier in source.identifiers
            ),
        )


def _documents(
    claim_set: ClaimSet, document: dict[str, dict[str, Any]]
) -> None:
    for record in _by_id(claim_set.documents):
        name = _record(record.id)
        document["entity"][name] = _attributes(
            prov__type=_qname("claimtrack:Document"),
            prov__label=record.title,
            claimtrack__kind=record.kind,
            claimtrack__url=None
            if record.url is None
            else {"$": record.url, "type": "xsd:anyURI"},
            claimtrack__date=_date(record.date),
        )
        for agent in (
            *((record.publisher,) if record.publisher else ()),
            *record.authors,
        ):
            document["wasAttributedTo"][
                _relation("attribution", record.id, agent)
            ] = {"prov:entity": name, "prov:agent": _record(agent)}
        for cited in record.cites:
            document["wasDerivedFrom"][
                _relation("derivation", record.id, cited)
            ] = {
                "prov:generatedEntity": name,
                "prov:usedEntity": _record(cited),
                "prov:type": _qname("prov:PrimarySource"),
            }


def _claims(
    claim_set: ClaimSet,
    document: dict[str, dict[str, Any]],
    as_of: DateLike | None,
) -> None:
    reports = {r.claim: r for r in claim_set.reports(as_of=as_of)}
    for claim in _by_id(claim_set.claims):
        report = reports[claim.id]
        document["entity"][_record(claim.id)] = _attributes(
            prov__type=_qname("claimtrack:Claim"),
            prov__label=claim.text,
            claimtrack__place=claim.places,
            claimtrack__tag=claim.tags,
            claimtrack__eventDate=_date(claim.event_date),
            claimtrack__status=report.status.value,
            claimtrack__independentOrigins=len(report.asserting_groups),
            claimtrack__naiveSourceCount=report.naive_source_count,
            claimtrack__credibility=report.credibility,
        )


def _statements(
    claim_set: ClaimSet, document: dict[str, dict[str, Any]]
) -> None:
    implied: dict[str, list[Derivation]] = {}
    for found in claim_set.implied_derivations():
        implied.setdefault(found.statement, []).append(found)
    for statement in _by_id(claim_set.statements):
        name = _record(statement.id)
        document["entity"][name] = _attributes(
            prov__type=_qname("claimtrack:Statement"),
            claimtrack__claim=_qname(_record(statement.claim)),
            claimtrack__stance=statement.stance.value,
            claimtrack__date=_date(statement.date),
            claimtrack__document=None
            if statement.document is None
            else _qname(_record(statement.document)),
            claimtrack__via=statement.via.value if statement.via else None,
            claimtrack__quote=statement.quote,
            claimtrack__modality=statement.modality,
            claimtrack__origin=statement.is_origin
            and statement.id not in implied,
        )
        document["wasAttributedTo"][_relation("attribution", statement.id)] = {
            "prov:entity": name,
            "prov:agent": _record(statement.source),
        }
        for parent in statement.derives_from:
            derivation: dict[str, object] = {
                "prov:generatedEntity": name,
                "prov:usedEntity": _record(parent),
            }
            if statement.via in _QUOTATION_VIAS:
                derivation["prov:type"] = _qname("prov:Quotation")
            elif statement.via is Via.CITES:
                derivation["prov:type"] = _qname("prov:PrimarySource")
            if statement.via is not None:
                derivation["claimtrack:via"] = statement.via.value
            document["wasDerivedFrom"][
                _relation("derivation", statement.id, parent)
            ] = derivation
        # Derivations the rule infers from copying and citations are
        # marked as inferred, with what they were inferred from.
        for inferred in implied.get(statement.id, ()):
            document["wasDerivedFrom"][
                _relation(
                    "implied", inferred.via, statement.id, inferred.parent
                )
            ] = _attributes(
                prov__generatedEntity=name,
                prov__usedEntity=_record(inferred.parent),
                claimtrack__implied=inferred.via,
                claimtrack__document=None
                if inferred.document is None
                else _qname(_record(inferred.document)),
                claimtrack__link=None
                if inferred.link is None
                else inferred.link.id,
            )
        if statement.stance is Stance.RETRACTS:
            _retraction(statement, document)


def _retraction(statement: Any, document: dict[str, dict[str, Any]]) -> None:
    activity = _relation("retraction", statement.id)
    attributes = _attributes(
        prov__type=_qname("claimtrack:Retraction"),
        claimtrack__date=_date(statement.date),
    )
    document["activity"][activity] = attributes
    document["wasAssociatedWith"][_relation("association", statement.id)] = {
        "prov:activity": activity,
        "prov:agent": _record(statement.source),
    }
    document["wasGeneratedBy"][_relation("generation", statement.id)] = {
        "prov:entity": _record(statement.id),
        "prov:activity": activity,
    }
    invalidation: dict[str, Any] = {
        "prov:entity": _record(statement.target),
        "prov:activity": activity,
    }
    if (
        statement.date is not None
        and statement.date.precision is Precision.TIME
    ):
        invalidation["prov:time"] = statement.date.isoformat()
    document["wasInvalidatedBy"][_relation("invalidation", statement.id)] = (
        invalidation
    )


def _links(claim_set: ClaimSet, document: dict[str, dict[str, Any]]) -> None:
    control = claim_set.policy.control
    claim_ids = {claim.id for claim in claim_set.claims}
    for link in _by_id(claim_set.links):
        name = _record(link.id)
        validity = _attributes(
            claimtrack__relation=link.relation.value,
            claimtrack__validFrom=_date(link.valid_from),
            claimtrack__validTo=_date(link.valid_to),
        )
        if link.subject in claim_ids:
            if link.relation is Relation.SAME_AS:
                # PROV gives alternateOf no identifier: a blank key keeps
                # it anonymous, as PROV-O (a plain property) must have it.
                anonymous = "_:" + quote(link.id, safe="-._~")
                document["alternateOf"][anonymous] = {
                    "prov:alternate1": _record(link.subject),
                    "prov:alternate2": _record(link.object),
                }
                continue
        elif link.relation in control:
            document["actedOnBehalfOf"][name] = {
                "prov:delegate": _record(link.subject),
                "prov:responsible": _record(link.object),
                **validity,
            }
            continue
        document["wasInfluencedBy"][name] = {
            "prov:influencee": _record(link.subject),
            "prov:influencer": _record(link.object),
            **validity,
        }
