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

from typing import TYPE_CHECKING, Any, Final, Literal

from claimtrack._dates import DateLike
from claimtrack._prov_records import write_records
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
    write_records(claim_set, document, as_of)
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
