# SPDX-License-Identifier: MIT
"""
W3C PROV export: who said what, derived from what, for provenance tools.

`export_prov` maps a claim set onto the PROV data model as PROV-JSON,
with no dependency. Sources become agents, documents, claims and
statements become entities, and the ties between them become PROV
relations. What PROV cannot say (stance, modality, membership, the
corroboration status) travels as attributes in the ``claimtrack``
namespace. With the ``prov`` package installed, `to_prov_document` reads
that into a ``prov.model.ProvDocument``, and `dumps_prov` writes PROV-N,
PROV-XML, RDF (TriG) or PROV-JSON-LD through ``prov``'s own serialisers.
"""

from __future__ import annotations

import json
import re
import warnings

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final, Literal
from urllib.parse import quote

from claimtrack._dates import DateLike, PartialDate, Precision
from claimtrack._derivations import Derivation
from claimtrack._links import Relation
from claimtrack._statements import Stance, Via
from claimtrack.exceptions import InvalidValueError, MissingExtraError


if TYPE_CHECKING:
    from prov.model import ProvDocument

    from claimtrack._claimset import ClaimSet


__all__ = [
    "PROV_FORMATS",
    "RECORD_NAMESPACE",
    "SCHEMA_NAMESPACE",
    "TERMS_NAMESPACE",
    "dumps_prov",
    "export_prov",
    "to_prov_document",
]

TERMS_NAMESPACE: Final = "urn:claimtrack:terms#"
"""The namespace of claimtrack's own PROV attributes and types."""

RECORD_NAMESPACE: Final = "urn:claimtrack:record:"
"""The default namespace of the exported records' identifiers."""

SCHEMA_NAMESPACE: Final = "https://schema.org/"
"""
The schema.org namespace, prefix ``schema``.

A source's identifiers are its agent's ``schema:sameAs`` attributes,
typed ``xsd:anyURI``: the property ClaimReview markup uses for them.
"""

PROV_FORMATS: Final = ("json", "provn", "xml", "rdf", "jsonld")
"""
The formats `dumps_prov` writes.

``json`` is PROV-JSON, written by claimtrack itself; the others are
written by the ``prov`` package: ``provn`` PROV-N, ``xml`` PROV-XML,
``rdf`` PROV-O as RDF TriG (needs rdflib), ``jsonld`` PROV-JSON-LD.
"""

_ProvFormat = Literal["json", "provn", "xml", "rdf", "jsonld"]

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


def export_prov(
    claim_set: ClaimSet,
    *,
    namespace: str = RECORD_NAMESPACE,
    as_of: DateLike | None = None,
) -> dict[str, Any]:
    """
    The claim set as a W3C PROV-JSON document (a JSON-ready dict).

    - sources are agents, typed ``prov:Person`` (kind ``person``) or
      ``prov:Organization``;
    - documents, claims and statements are entities;
    - each statement (and each document's publisher and authors) gives a
      ``wasAttributedTo``;
    - ``derives_from`` gives ``wasDerivedFrom`` typed ``prov:Quotation``
      (relays, quotes) or ``prov:PrimarySource`` (cites), as does a
      document citing another;
    - control links (per the claim set's policy) give ``actedOnBehalfOf``;
      the other affiliations and the claim cross-references give
      ``wasInfluencedBy`` with a ``claimtrack:relation``, and claims
      ``same_as`` each other are ``alternateOf``;
    - a retraction is an activity associated with its source that
      invalidates the statement it withdraws (``wasInvalidatedBy``).

    Stance, modality, quotes, dates of their own precision, validity of
    links, and each claim's corroboration status (as of *as_of*) are
    ``claimtrack:`` attributes. Relation identifiers are made from the
    claim set's ids, so the same set always gives the same document.

    Args:
        claim_set: The claim set to export.
        namespace: The namespace URI of the records' identifiers.
        as_of: The date the corroboration status is computed at.
    """
    document: dict[str, dict[str, Any]] = {
        "prefix": {"claimtrack": TERMS_NAMESPACE, "ctr": namespace},
        "agent": {},
        "entity": {},
        "activity": {},
        "wasAttributedTo": {},
        "wasDerivedFrom": {},
        "actedOnBehalfOf": {},
        "wasInfluencedBy": {},
        "alternateOf": {},
        "wasAssociatedWith": {},
        "wasGeneratedBy": {},
        "wasInvalidatedBy": {},
    }
    if any(source.identifiers for source in claim_set.sources):
        document["prefix"]["schema"] = SCHEMA_NAMESPACE
    _sources(claim_set, document)
    _documents(claim_set, document)
    _claims(claim_set, document, as_of)
    _statements(claim_set, document)
    _links(claim_set, document)
    return {key: value for key, value in document.items() if value}


def to_prov_document(
    claim_set: ClaimSet,
    *,
    namespace: str = RECORD_NAMESPACE,
    as_of: DateLike | None = None,
) -> ProvDocument:
    """
    The claim set as a ``prov.model.ProvDocument`` (needs ``prov``).

    It is `export_prov`'s document as the ``prov`` package reads it, with
    every record, ready for ``prov``'s serialisers, graphs and plots.

    Args:
        claim_set: The claim set to export.
        namespace: The namespace URI of the records' identifiers.
        as_of: The date the corroboration status is computed at.

    Raises:
        MissingExtraError: If the ``prov`` package is not installed.
    """
    return _read(
        export_prov(claim_set, namespace=namespace, as_of=as_of),
        "to_prov_document",
    )


def dumps_prov(
    claim_set: ClaimSet,
    *,
    format: _ProvFormat = "json",
    namespace: str = RECORD_NAMESPACE,
    as_of: DateLike | None = None,
) -> str:
    """
    The claim set as W3C PROV text, in one of `PROV_FORMATS`.

    ``"json"`` (the default) is `export_prov` as indented PROV-JSON,
    written by claimtrack and needing nothing. The other formats are
    written by the ``prov`` package's own serialisers from
    `to_prov_document`: ``"provn"`` (PROV-N), ``"xml"`` (PROV-XML),
    ``"rdf"`` (PROV-O in RDF TriG, which rdflib reads) and ``"jsonld"``
    (PROV-JSON-LD). Each reads back with
    ``ProvDocument.deserialize(content=text, format=format)`` into the
    same document.

    Args:
        claim_set: The claim set to export.
        format: One of `PROV_FORMATS`.
        namespace: The namespace URI of the records' identifiers.
        as_of: The date the corroboration status is computed at.

    Returns:
        The text, ending with a newline.

    Raises:
        InvalidValueError: If *format* is not one of `PROV_FORMATS`, or
            is ``"xml"`` and a record holds a character XML 1.0 cannot
            carry (a control character such as U+0001), naming the
            record.
        MissingExtraError: If *format* is not ``"json"`` and the ``prov``
            package (or, for ``"rdf"`` and ``"xml"``, rdflib or lxml) is
            not installed.
    """
    if format not in PROV_FORMATS:
        choices = ", ".join(repr(f) for f in PROV_FORMATS)
        raise InvalidValueError("format", format, f"expected one of {choices}")
    if format == "json":
        return (
            json.dumps(
                export_prov(claim_set, namespace=namespace, as_of=as_of),
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    feature = f"dumps_prov(format={format!r})"
    _prov_model(feature)
    from prov.serializers import Registry  # noqa: PLC0415

    Registry.load_serializers()
    if format not in (Registry.serializers or {}):
        # prov registers the rdf and xml serialisers only when rdflib and
        # lxml are importable.
        package = {"rdf": "rdflib", "xml": "lxml"}.get(format, "prov")
        raise MissingExtraError(feature, package, "prov")
    exported = export_prov(claim_set, namespace=namespace, as_of=as_of)
    if format == "xml":
        _check_xml_text(exported)
    document = _read(exported, feature)
    with warnings.catch_warnings():
        # rdflib deprecates calls that prov's RDF writer still makes: the
        # user can do nothing about them.
        warnings.simplefilter("ignore", DeprecationWarning)
        text = document.serialize(format=format)
    assert isinstance(text, str)
    return text if text.endswith("\n") else text + "\n"


# What XML 1.0 cannot carry, even escaped: control characters other than
# tab, line feed and carriage return, surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile(
    r"[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]"
)


def _check_xml_text(exported: dict[str, Any]) -> None:
    """Refuse, naming the record, text that PROV-XML cannot hold."""
    for records in exported.values():
        for key, attributes in records.items():
            values = [key, attributes]
            while values:
                value = values.pop()
                if isinstance(value, dict):
                    values.extend(value.values())
                elif isinstance(value, list):
                    values.extend(value)
                elif isinstance(value, str) and (
                    found := _NOT_XML.search(value)
                ):
                    raise InvalidValueError(
                        "format",
                        "xml",
                        f"{key} holds {found[0]!r}, which XML 1.0 cannot "
                        "carry; write 'json', 'provn', 'rdf' or 'jsonld'",
                    )


def _prov_model(feature: str) -> Any:
    """The ``prov.model`` module, imported now."""
    try:
        import prov.model  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise MissingExtraError(feature, "prov", "prov") from None
    return prov.model


def _read(exported: dict[str, Any], feature: str) -> ProvDocument:
    """*exported* PROV-JSON as the ``prov`` package reads it."""
    document: ProvDocument = _prov_model(feature).ProvDocument.deserialize(
        content=json.dumps(exported, ensure_ascii=False), format="json"
    )
    return document


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
