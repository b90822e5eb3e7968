# SPDX-License-Identifier: MIT
"""Sources: the speakers behind statements, and their reliability letters."""

from __future__ import annotations

import re
import unicodedata

from collections.abc import Iterable
from typing import Any, cast
from urllib.parse import urlsplit

import attrs

from claimtrack._field_checks import (
    Slotted,
    check_id,
    check_optional_text,
    check_text,
    mutable_twin,
    plain_id,
    plain_text,
    plain_texts,
    text_tuple,
)
from claimtrack.exceptions import InvalidValueError


__all__ = [
    "COMMON_SOURCE_KINDS",
    "RELIABILITY_LETTERS",
    "Source",
    "identifier_key",
    "is_web_uri",
    "quick_source",
    "uri_problem",
]

COMMON_SOURCE_KINDS = frozenset(
    {
        "alliance",
        "armed_force",
        "armed_group",
        "company",
        "government",
        "investigation",
        "ministry",
        "news_outlet",
        "ngo",
        "person",
        "state",
        "wire_agency",
    }
)
"""
Documented common values of `Source.kind`.

The vocabulary is open: any non-empty string is accepted, these are the
values claimtrack's examples and exports know about.
"""

RELIABILITY_LETTERS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
"""The Admiralty (NATO) source-reliability letters and their meanings."""


def _check_reliability(instance: object, attribute: Any, value: Any) -> None:
    if value is not None and (
        type(value) is not str or value not in RELIABILITY_LETTERS
    ):
        raise InvalidValueError(
            "reliability",
            value,
            "expected an Admiralty letter A, B, C, D, E or F (upper case)",
        )


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# Characters RFC 3986 and RFC 3987 never allow as they are in a URI or an
# IRI; everything else (non-ASCII letters included) is kept as written.
_NEVER_IN_URIS = frozenset('<>"{}|\\^`')
_WEB_SCHEMES = frozenset({"http", "https"})
_EXAMPLE = "https://www.wikidata.org/wiki/Q7283"


def uri_problem(value: str) -> str | None:
    """Why *value* is not an absolute URI, or None when it is one."""
    for char in value:
        if (
            char in _NEVER_IN_URIS
            or char.isspace()
            or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp")
        ):
            return f"{char!r} cannot appear in a URI (percent-encode it)"
    scheme, colon, rest = value.partition(":")
    if not colon or not _SCHEME.fullmatch(scheme) or not rest:
        return (
            "expected an absolute URI: a scheme, a colon and the rest, "
            f"such as {_EXAMPLE!r}"
        )
    if _BAD_PERCENT.search(value):
        return "'%' must start a percent-encoded byte such as '%20'"
    if scheme.casefold() in _WEB_SCHEMES:
        try:
            parts = urlsplit(value)
            _ = parts.port  # raises ValueError for a port out of range
        except ValueError:
            return "not a readable http(s) URL"
        if not parts.hostname:
            return f"an {scheme} URL needs a host: {scheme}://host/..."
    return None


def _identifier_tuple(values: Any) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        return (values,)
    if isinstance(values, Iterable) and not isinstance(values, (bytes, dict)):
        return tuple(values)
    raise InvalidValueError(
        "identifiers", values, "expected a list of absolute URIs"
    )


def _check_identifiers(instance: object, attribute: Any, value: Any) -> None:
    seen: dict[str, str] = {}
    for identifier in value:
        if type(identifier) is not str:
            raise InvalidValueError(
                "identifiers", identifier, "expected a URI (a string)"
            )
        problem = uri_problem(identifier)
        if _WIKIDATA_ITEM.fullmatch(identifier):
            problem = (
                "a bare Wikidata id; write the item's URI, "
                f"'https://www.wikidata.org/wiki/{identifier.upper()}'"
            )
        if problem is not None:
            raise InvalidValueError("identifiers", identifier, problem)
        key = identifier_key(identifier)
        assert key is not None
        if key in seen:
            raise InvalidValueError(
                "identifiers",
                identifier,
                f"the same identifier as {seen[key]!r}, listed before it",
            )
        seen[key] = identifier


_WIKIDATA_ITEM = re.compile(r"[Qq]([1-9][0-9]*)")
_WIKIDATA_URI = re.compile(
    r"https?://(?:www\.|m\.)?wikidata\.org/(?:wiki|entity)/(Q[1-9][0-9]*)",
    re.IGNORECASE,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def identifier_key(text: str) -> str | None:
    """
    The form under which an identifier is compared, or None for non-URIs.

    Two identifiers with the same key are the same identifier:

    - a Wikidata item's page, its entity URI and its bare id are one:
      ``https://www.wikidata.org/wiki/Q7283``,
      ``http://www.wikidata.org/entity/Q7283`` and ``Q7283`` all have
      the key ``wikidata:Q7283``;
    - in http(s) URLs, ``http`` and ``https``, a leading ``www.``, the
      case of the host, a default port and a trailing ``/`` do not
      count;
    - in URNs, the case of ``urn:`` and of the namespace does not count;
    - in any other URI only the case of the scheme does not.

    Everything else (the path, the query, the fragment) is compared as
    written.
    """
    text = text.strip()
    bare = _WIKIDATA_ITEM.fullmatch(text)
    if bare is not None:
        return f"wikidata:Q{bare[1]}"
    if uri_problem(text) is not None:
        return None
    wikidata = _WIKIDATA_URI.fullmatch(text.rstrip("/"))
    if wikidata is not None:
        return f"wikidata:{wikidata[1].upper()}"
    scheme, _, rest = text.partition(":")
    scheme = scheme.casefold()
    if scheme in _WEB_SCHEMES:
        parts = urlsplit(text)
        host = (parts.hostname or "").removeprefix("www.")
        if parts.username is not None:
            host = f"{parts.username}@{host}"
        if parts.port is not None and parts.port != _DEFAULT_PORTS[scheme]:
            host = f"{host}:{parts.port}"
        path = parts.path.rstrip("/")
        query = f"?{parts.query}" if parts.query else ""
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return f"https://{host}{path}{query}{fragment}"
    if scheme == "urn":
        namespace, colon, specific = rest.partition(":")
        return f"urn:{namespace.casefold()}{colon}{specific}"
    return f"{scheme}:{rest}"


def is_web_uri(identifier: str) -> bool:
    """Whether *identifier* is an http(s) URL: the only kind to link to."""
    scheme, colon, _ = identifier.partition(":")
    return (
        bool(colon)
        and scheme.casefold() in _WEB_SCHEMES
        and uri_problem(identifier) is None
    )


@attrs.frozen(kw_only=True, slots=True)
class Source(Slotted):
    """
    A speaker: a person, organisation, state, alliance, outlet or inquiry.

    Attributes:
        id: Unique id in its claim set.
        name: The name to show.
        kind: What sort of speaker this is; an open vocabulary whose
            common values are listed in `COMMON_SOURCE_KINDS`.
        aliases: Other names the source goes by ("FAMa").
        reliability: Admiralty source-reliability letter A-F, if rated.
        identifiers: URIs that name the source elsewhere: a Wikidata
            item, an official site, a social media account. Each is an
            absolute URI of any scheme (``https:``, ``urn:``, ...), kept
            in order and never shown as a link unless it is http(s) (see
            `web_identifiers`). Two spellings of one identifier (``http``
            and ``https``, with and without ``www.`` or a final ``/``, a
            Wikidata item's page and entity URI) are refused.
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    kind: str | None = attrs.field(default=None, validator=check_optional_text)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=text_tuple)
    reliability: str | None = attrs.field(
        default=None, validator=_check_reliability
    )
    identifiers: tuple[str, ...] = attrs.field(
        default=(), converter=_identifier_tuple, validator=_check_identifiers
    )

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)

    @property
    def web_identifiers(self) -> tuple[str, ...]:
        """
        The identifiers that are http(s) URLs, in order.

        Only these may be shown as links: an identifier of another scheme
        (``urn:``, ``mailto:``, or ``javascript:`` from careless data) is
        kept as data and never made clickable.
        """
        return tuple(i for i in self.identifiers if is_web_uri(i))


_Draft: Any = mutable_twin(Source)
_new = object.__new__


def quick_source(
    id: object,
    name: object,
    kind: object = None,
    aliases: object = (),
    reliability: object = None,
    identifiers: object = (),
) -> Source | None:
    """
    The `Source` of these fields, if they are surely valid; else None.

    As `quick_statement`, for a source without identifiers (whose checks
    are left to the class); None lets ``Source(...)`` decide and raise.
    """
    if not (plain_id(id) and plain_text(name)):
        return None
    if kind is not None and not plain_text(kind):
        return None
    if reliability is not None and (
        type(reliability) is not str or reliability not in RELIABILITY_LETTERS
    ):
        return None
    if not (type(identifiers) is tuple or type(identifiers) is list) or (
        identifiers
    ):
        return None
    made_aliases = (
        () if type(aliases) is tuple and not aliases else plain_texts(aliases)
    )
    if made_aliases is None:
        return None
    draft = _new(_Draft)
    draft.id = id
    draft.name = name
    draft.kind = kind
    draft.aliases = made_aliases
    draft.reliability = reliability
    draft.identifiers = ()
    draft.__class__ = Source
    return cast("Source", draft)
