# SPDX-License-Identifier: MIT
"""Hypothesis strategies: one place for every generated record and set."""

from __future__ import annotations

import datetime as dt
import json

from typing import Any

import attrs

from hypothesis import strategies as st

import claimtrack as ct


RELIABILITY = st.none() | st.sampled_from("ABCDEF")
SOURCE_KINDS = st.none() | st.sampled_from(sorted(ct.COMMON_SOURCE_KINDS))
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
    min_size=1,
    max_size=20,
).filter(str.strip)
CONTROL = ("part_of", "controlled_by", "owned_by", "speaks_for", "employed_by")
ASSOCIATION = ("member_of", "funded_by")


@st.composite
def partial_dates(draw: st.DrawFn) -> ct.PartialDate:
    """A date of year, month or day precision between 2019 and 2025."""
    year = draw(st.integers(2019, 2025))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return ct.PartialDate.parse(f"{year}")
    month = draw(st.integers(1, 12))
    if precision == "month":
        return ct.PartialDate.parse(f"{year}-{month:02d}")
    day = draw(st.integers(1, 28))
    return ct.PartialDate.parse(f"{year}-{month:02d}-{day:02d}")


optional_dates = st.none() | partial_dates()
times = st.sampled_from(
    [
        "2020-06-23T20:02:00",
        "2022-09-01T22:06:09-03:00",
        "2019-06-20T12:12:40Z",
    ]
).map(ct.PartialDate.parse)
RATING_NUMBERS = st.none() | st.integers(-10, 10) | st.floats(-10, 10)
RATING_WORDS = st.sampled_from(
    ["False", "Falso.", "Mostly false", "Half true", "Engañoso", "Vrai"]
)


@st.composite
def ratings(draw: st.DrawFn) -> ct.Rating:
    """A rating: a label, a number or both, on any scale, any verdict."""
    label = draw(st.none() | RATING_WORDS | TEXT)
    value = draw(RATING_NUMBERS)
    if label is None and value is None:
        value = draw(st.integers(1, 5))
    verdict = draw(st.none() | st.sampled_from(list(ct.Verdict)))
    return ct.Rating(
        label=label,
        value=value,
        best=draw(RATING_NUMBERS),
        worst=draw(RATING_NUMBERS),
        **({} if verdict is None else {"verdict": verdict}),
    )


def _not_later(
    earlier: ct.PartialDate | None, later: ct.PartialDate | None
) -> bool:
    if earlier is None or later is None:
        return True
    return ct.compare_dates(earlier, later) != 1


@st.composite
def validity(draw: st.DrawFn) -> tuple[Any, Any]:
    """A validity interval: open, half-open or closed, never empty."""
    start, end = draw(optional_dates), draw(optional_dates)
    if start is not None and end is not None:
        order = ct.compare_dates(start, end)
        if order in (0, 1):
            return start, None
    return start, end


@st.composite
def record_lists(
    draw: st.DrawFn,
    *,
    max_sources: int = 8,
    max_claims: int = 5,
    max_statements: int = 14,
    max_reviews: int = 3,
) -> list[ct.Record]:
    """
    The records of an arbitrary valid claim set, in a valid order.

    Hierarchical affiliations only point from a later source to an
    earlier one, so they cannot form a cycle; ``same_as`` twins carry no
    affiliation of their own; documents cite earlier ones; statements sit
    in documents (dated by them when undated) and only derive from
    earlier, not-later-dated ones, on any claim; retractions withdraw their own source's
    statements; reviews check statements about their own claim and cite
    statements and documents as evidence.
    """
    records: list[ct.Record] = []
    n_sources = draw(st.integers(1, max_sources))
    sources = [f"src{i}" for i in range(n_sources)]
    records.extend(
        ct.Source(
            id=source,
            name=draw(TEXT),
            kind=draw(SOURCE_KINDS),
            aliases=draw(st.lists(TEXT, max_size=2)),
            reliability=draw(RELIABILITY),
        )
        for source in sources
    )
    link_ids: set[str] = set()

    def add_link(subject: str, relation: str, obj: str, dates: Any) -> None:
        start, end = dates
        link = ct.Link(
            id=f"link{len(link_ids)}",
            subject=subject,
            relation=relation,
            object=obj,
            valid_from=start,
            valid_to=end,
        )
        link_ids.add(link.id)
        records.append(link)

    for index, source in enumerate(sources[1:], 1):
        for _ in range(draw(st.integers(0, 2))):
            relation = draw(st.sampled_from(CONTROL + ASSOCIATION))
            parent = sources[draw(st.integers(0, index - 1))]
            add_link(source, relation, parent, draw(validity()))
    for _ in range(draw(st.integers(0, 2))):
        a, b = (
            draw(st.permutations(sources))[:2]
            if n_sources > 1
            else (
                sources[0],
                sources[0],
            )
        )
        if a != b:
            relation = draw(st.sampled_from(["funded_by", "copies_from"]))
            add_link(a, relation, b, draw(validity()))
    twins = draw(st.integers(0, 2))
    speakers = list(sources)
    for twin in range(twins):
        twin_id = f"twin{twin}"
        records.append(ct.Source(id=twin_id, name=draw(TEXT)))
        add_link(
            twin_id,
            "same_as",
            draw(st.sampled_from(sources)),
            (None, None),
        )
        speakers.append(twin_id)

    n_claims = draw(st.integers(1, max_claims))
    claims = [f"claim{i}" for i in range(n_claims)]
    records.extend(
        ct.Claim(
            id=claim,
            text=draw(TEXT),
            places=draw(
                st.lists(st.sampled_from(["Kidal", "Ménaka"]), max_size=1)
            ),
            tags=draw(st.lists(st.sampled_from(["a", "b"]), max_size=1)),
        )
        for claim in claims
    )
    if n_claims > 1:
        for _ in range(draw(st.integers(0, 2))):
            a, b = draw(st.permutations(claims))[:2]
            relation = draw(
                st.sampled_from(["same_as", "contradicts", "related"])
            )
            add_link(a, relation, b, (None, None))

    # Documents come first, each citing earlier ones not published after
    # it; a statement in a document without a date of its own counts from
    # the document's date.
    documents: list[ct.Document] = []
    for i in range(draw(st.integers(0, 3))):
        date = draw(optional_dates)
        earlier = [d.id for d in documents if _not_later(d.date, date)]
        documents.append(
            ct.Document(
                id=f"doc{i}",
                date=date,
                url=draw(st.none() | st.just(f"https://example.org/doc{i}")),
                title=draw(st.none() | TEXT),
                cites=draw(st.lists(st.sampled_from(earlier), unique=True))
                if earlier
                else [],
            )
        )
    records.extend(documents)
    dated = {d.id: d.date for d in documents}
    effective: dict[str, ct.PartialDate | None] = {}

    statements: list[ct.Statement] = []
    for number in range(draw(st.integers(0, max_statements))):
        claim = draw(st.sampled_from(claims))
        source = draw(st.sampled_from(speakers))
        document = (
            draw(st.none() | st.sampled_from(list(dated))) if dated else None
        )
        own = draw(optional_dates)
        date = own if own is not None or document is None else dated[document]
        retractable = [
            s
            for s in statements
            if s.source == source
            and s.claim == claim
            and s.stance is not ct.Stance.RETRACTS
            and _not_later(effective[s.id], date)
        ]
        if retractable and draw(st.integers(0, 5)) == 0:
            statement = ct.Statement(
                id=f"st{number}",
                claim=claim,
                source=source,
                stance="retracts",
                date=own,
                document=document,
                target=draw(st.sampled_from(retractable)).id,
            )
        else:
            candidates = [
                s.id
                for s in statements
                if s.stance is not ct.Stance.RETRACTS
                and _not_later(effective[s.id], date)
            ]
            parents = (
                draw(
                    st.lists(
                        st.sampled_from(candidates), max_size=2, unique=True
                    )
                )
                if candidates
                else []
            )
            statement = ct.Statement(
                id=f"st{number}",
                claim=claim,
                source=source,
                stance=draw(st.sampled_from(["asserts", "asserts", "denies"])),
                date=own,
                document=document,
                derives_from=parents,
                via=draw(st.sampled_from(list(ct.Via))) if parents else None,
                modality=draw(
                    st.none() | st.sampled_from(["alleged", "reported"])
                ),
            )
        statements.append(statement)
        effective[statement.id] = date
    records.extend(statements)
    cited = [s.id for s in statements] + [d.id for d in documents]
    for number in range(draw(st.integers(0, max_reviews))):
        claim = draw(st.sampled_from(claims))
        checked = [
            s.id
            for s in statements
            if s.claim == claim and s.stance is not ct.Stance.RETRACTS
        ]
        evidence = (
            draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(cited),
                        st.sampled_from(["supports", "refutes"]),
                    ),
                    max_size=2,
                    unique_by=lambda item: item[0],
                )
            )
            if cited
            else []
        )
        records.append(
            ct.Review(
                id=f"rv{number}",
                claim=claim,
                reviewer=draw(st.sampled_from(speakers)),
                rating=draw(ratings()),
                date=draw(optional_dates | times),
                url=draw(st.none() | st.just(f"https://example.org/{number}")),
                title=draw(st.none() | TEXT),
                summary=draw(st.none() | TEXT),
                evidence=evidence,
                reviewed=draw(
                    st.lists(st.sampled_from(checked), max_size=2, unique=True)
                )
                if checked
                else [],
            )
        )
    return records


@st.composite
def claim_sets(draw: st.DrawFn, **limits: int) -> ct.ClaimSet:
    """An arbitrary valid `ClaimSet`."""
    cs = ct.ClaimSet()
    cs.record_many(draw(record_lists(**limits)))
    return cs


_DAMAGEABLE = frozenset(
    {
        *("id", "claim", "source", "document", "derives_from", "target"),
        *("publisher", "authors", "cites", "subject", "object"),
        *("reviewer", "reviewed"),
    }
)


@st.composite
def next_records(draw: st.DrawFn) -> tuple[ct.ClaimSet, ct.Record]:
    """
    A valid claim set and one more record for it, valid or not.

    The record is the next of a valid record list, often damaged in one
    field: an id already taken, a reference to a record of any kind (or
    to none), a date moved anywhere.
    """
    records = draw(record_lists())
    statements = [
        i for i, r in enumerate(records) if isinstance(r, ct.Statement)
    ]
    split = draw(
        st.sampled_from(statements or [0]) | st.integers(0, len(records) - 1)
    )
    cs = ct.ClaimSet()
    cs.record_many(records[:split])
    candidate = records[split]
    ids = st.sampled_from([*(r.id for r in records[:split]), "ghost"])
    fields = [
        field
        for field in attrs.fields(type(candidate))
        if field.name in _DAMAGEABLE or field.name.endswith("date")
    ]
    dates = [field for field in fields if field.name.endswith("date")]
    field = draw(
        st.none() | st.sampled_from(fields) | st.sampled_from(dates or fields)
    )
    if field is None:
        return cs, candidate
    value = getattr(candidate, field.name)
    if isinstance(value, ct.PartialDate) or field.name.endswith("date"):
        new: object = draw(optional_dates)
    elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        new = (*value, draw(ids))
    elif isinstance(value, str) or value is None:
        new = draw(ids)
    else:
        return cs, candidate
    try:
        return cs, attrs.evolve(candidate, **{field.name: new})
    except ct.ClaimtrackError:  # the record itself refuses the value
        return cs, candidate


def summary(report: ct.CorroborationReport) -> tuple[object, ...]:
    """What a report answers, without the order-free explanation."""
    return (
        report.status,
        report.corroborated,
        tuple(
            sorted(tuple(sorted(g.sources)) for g in report.asserting_groups)
        ),
        tuple(sorted(tuple(sorted(g.sources)) for g in report.denying_groups)),
        report.naive_source_count,
        report.credibility,
        dict(report.report_codes),
    )


@st.composite
def policies(draw: st.DrawFn) -> ct.CorroborationPolicy:
    """A valid corroboration policy: each relation plays at most one role."""
    roles = draw(
        st.lists(
            st.sampled_from(["control", "association", "copying", None]),
            min_size=len(CONTROL + ASSOCIATION) + 1,
            max_size=len(CONTROL + ASSOCIATION) + 1,
        )
    )
    relations = [*CONTROL, *ASSOCIATION, "copies_from"]
    chosen: dict[str, list[str]] = {
        "control": [],
        "association": [],
        "copying": [],
    }
    for relation, role in zip(relations, roles, strict=True):
        if role is not None:
            chosen[role].append(relation)
    return ct.CorroborationPolicy(
        **chosen,
        one_voice=draw(
            st.lists(st.sampled_from(["src0", "src1"]), max_size=2)
        ),
        arms_length=draw(
            st.lists(st.sampled_from(["src2", "src3"]), max_size=2)
        ),
        minimum=draw(st.integers(1, 4)),
    )


@st.composite
def claim_sets_with_policy(draw: st.DrawFn) -> ct.ClaimSet:
    """An arbitrary valid `ClaimSet`, sometimes with its own policy."""
    policy = draw(st.none() | policies())
    cs = ct.ClaimSet() if policy is None else ct.ClaimSet(policy=policy)
    cs.record_many(draw(record_lists()))
    return cs


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=5,
)


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """A valid claimtrack document, then damaged in one to three places."""
    cs = draw(claim_sets_with_policy())
    document = ct.serialization.to_document(cs)
    ids = [record.id for record in cs] or ["nothing"]
    for _ in range(draw(st.integers(1, 3))):
        # Walk down to a random container, then damage one of its slots.
        container: Any = document
        while True:
            keys = (
                list(container)
                if isinstance(container, dict)
                else list(range(len(container)))
            )
            if not keys:
                break
            key = draw(st.sampled_from(keys))
            child = container[key]
            if (
                isinstance(child, (dict, list))
                and child
                and draw(st.booleans())
            ):
                container = child
                continue
            action = draw(
                st.sampled_from(
                    ["drop", "replace", "swap_id", "add_key", "duplicate"]
                )
            )
            if action == "drop":
                del container[key]
            elif action == "replace":
                container[key] = draw(JSON_VALUES)
            elif action == "swap_id":
                container[key] = draw(st.sampled_from(ids))
            elif action == "add_key" and isinstance(container, dict):
                container[draw(st.text(min_size=1, max_size=5))] = draw(
                    JSON_VALUES
                )
            elif action == "duplicate" and isinstance(container, list):
                container.append(container[key])
            break
    return document


_PASSAGES = (
    "the ministry said the convoy was destroyed near the river crossing at dawn",
    "officials confirmed that twelve people were wounded and taken to hospital",
    "witnesses described a column of smoke rising above the market for hours",
    "the army said its units repelled an attack on the camp late on tuesday",
    "a spokesman declined to comment on the number of fighters killed in the raid",
)


@st.composite
def claim_sets_with_texts(draw: st.DrawFn) -> ct.ClaimSet:
    """
    A valid `ClaimSet` whose documents have texts made of shared passages.

    Texts repeat each other's passages often enough for reused text to
    be suspected, and a statement sits in each document.
    """
    cs = draw(claim_sets(max_statements=6))
    claims = [c.id for c in cs.claims]
    sources = [s.id for s in cs.sources]
    for n in range(draw(st.integers(2, 5))):
        passages = draw(
            st.lists(st.sampled_from(_PASSAGES), min_size=1, max_size=4)
        )
        document = f"text{n}"
        cs.record_document(
            document,
            publisher=draw(st.sampled_from(sources)),
            date=draw(optional_dates),
            text=". ".join(passages) + ".",
        )
        cs.record_statement(
            f"in-{document}",
            claim=draw(st.sampled_from(claims)),
            source=draw(st.sampled_from(sources)),
            document=document,
        )
    return cs


_IDENTIFIER_FORMS = (
    "https://www.wikidata.org/wiki/Q{n}",
    "https://example.org/people/{n}",
    "http://example.org/wiki/Ünïcode_{n}?lang=fr#top",
    "https://x.com/account_{n}",
    "urn:isni:{n:016d}",
    "mailto:desk{n}@example.org",
    "javascript:alert({n})",
)


@st.composite
def identifier_lists(draw: st.DrawFn) -> list[str]:
    """
    Identifiers for one source: absolute URIs of several schemes.

    Each embeds a number of its own, so no two of one list are the same
    identifier however they are compared; non-http(s) ones (``urn:``,
    ``mailto:``, ``javascript:``) are included on purpose.
    """
    numbers = draw(st.lists(st.integers(1, 10**9), unique=True, max_size=4))
    return [
        draw(st.sampled_from(_IDENTIFIER_FORMS)).format(n=n) for n in numbers
    ]


@st.composite
def claim_sets_with_identifiers(draw: st.DrawFn) -> ct.ClaimSet:
    """A valid `ClaimSet` whose sources carry identifiers."""
    records = [
        attrs.evolve(record, identifiers=draw(identifier_lists()))
        if isinstance(record, ct.Source)
        else record
        for record in draw(record_lists())
    ]
    cs = ct.ClaimSet()
    cs.record_many(records)
    return cs


# -- graphs --------------------------------------------------------------------


@st.composite
def small_digraphs(draw: st.DrawFn) -> dict[int, list[int]]:
    """A directed graph of up to 12 numbered nodes, as successor lists."""
    size = draw(st.integers(1, 12))
    return {
        node: draw(st.lists(st.integers(0, size - 1), max_size=4, unique=True))
        for node in range(size)
    }


# -- hostile input ---------------------------------------------------------------

HOSTILE_VALUES = st.one_of(
    st.none(),
    # Fresh containers each draw: a strategy below may fill one it drew,
    # and a shared object would change what later draws return.
    st.builds(list),
    st.builds(dict),
    st.booleans(),
    st.integers(),
    st.just(10**400),
    st.just(-(10**30)),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            "",
            " ",
            "x",
            "a\ud800",
            "\udfff",
            " 2025-06 ",
            "2025-06",
            "2025-06-04",
            "2025-06-04T10",
            "2025-06-04T10:30Z",
            "2025-06-04T10:30:00,5",
            "2025-06-04T10:30:00.1234567890123",
            "2025-06-04T10:30:00.123456+05:30",
            "2025-06-04T24:00",
            "2025-06-04T10:00+24:00",
            "0000",
            "٢٠٢٥",
            "today",
            "<![a]>",
            "<a" * 50,
            "http://[::1/x",
            "http://[oops]/",
            "1" * 400,
            "Mostly false",
        ]
    ),
    st.text(max_size=8),
    st.lists(st.sampled_from(["x", "", "a\ud800", "s1"]), max_size=3),
)
"""Values an attacker would try in any slot of a document or a feed."""


@st.composite
def hostile_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid claimtrack document with one to three fields replaced."""
    cs = draw(claim_sets_with_policy())
    document = ct.serialization.to_document(cs)
    records: list[dict[str, Any]] = [
        record
        for value in document.values()
        if isinstance(value, list)
        for record in value
    ]
    records.extend(
        [record["rating"] for record in records if "rating" in record]
    )
    for _ in range(draw(st.integers(1, 3))):
        if not records:
            break
        record = draw(st.sampled_from(records))
        field = draw(
            st.sampled_from(
                [
                    *record,
                    "event_date",
                    "date",
                    "valid_from",
                    "valid_to",
                    "evidence",
                    "reviewed",
                    "derives_from",
                    "label",
                    "value",
                ]
            )
        )
        record[field] = draw(HOSTILE_VALUES)
    return document


@st.composite
def hostile_claimreviews(draw: st.DrawFn) -> list[Any]:
    """A ClaimReview feed of one to four reviews, each possibly damaged."""
    feed: list[Any] = []
    for index in range(draw(st.integers(1, 4))):
        node: dict[str, Any] = {
            "@type": "ClaimReview",
            "url": f"https://check.example/{index}",
            "claimReviewed": f"Claim number {index}",
            "author": {"@type": "Organization", "name": "Example Check"},
            "reviewRating": {"@type": "Rating", "alternateName": "False"},
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Person", "name": "Someone"},
                "datePublished": "2025-06-04",
                "appearance": [{"url": "https://news.example/a"}],
            },
        }
        for _ in range(draw(st.integers(0, 3))):
            target = draw(
                st.sampled_from(
                    [
                        value
                        for value in (
                            node,
                            node.get("reviewRating"),
                            node.get("itemReviewed"),
                        )
                        if isinstance(value, dict)
                    ]
                )
            )
            field = draw(
                st.sampled_from(
                    [
                        *target,
                        "description",
                        "ratingValue",
                        "bestRating",
                        "worstRating",
                        "datePublished",
                        "sameAs",
                    ]
                )
            )
            target[field] = draw(HOSTILE_VALUES)
        feed.append(node)
    return feed


# -- damaged fields, for the quick constructors' agreement properties ------

_UNHASHABLE = st.sampled_from([["x"], {"x": 1}, {"x"}, []])
DAMAGED_TEXTS = st.one_of(
    st.sampled_from(
        ["x", "s1", "c1", "src", "", " ", " x", "x ", "\tx", "x\n", "\ud800"]
    ),
    st.text(max_size=4),
    st.sampled_from([None, 0, 1.5, b"x", True, ("x",)]),
    _UNHASHABLE,
)
"""Values for a text field: good, padded, empty, surrogate, not text."""

DAMAGED_TEXT_LISTS = st.one_of(
    st.lists(DAMAGED_TEXTS, max_size=3),
    st.lists(DAMAGED_TEXTS, max_size=3).map(tuple),
    st.sampled_from([(), [], None, "x", "", b"x", 3, {"x": 1}, frozenset()]),
)
"""Values for a list-of-text field, in every shape."""


@st.composite
def any_dates(draw: st.DrawFn) -> ct.PartialDate:
    """A date of any precision, times with and without a zone among them."""
    precision = draw(st.sampled_from(["year", "month", "day", "time"]))
    if precision != "time":
        return draw(partial_dates())
    moment = draw(
        st.datetimes(
            min_value=dt.datetime(2019, 1, 1),  # noqa: DTZ001 - naive bounds
            max_value=dt.datetime(2025, 12, 31),  # noqa: DTZ001
            timezones=st.none() | st.timezones(),
        )
    )
    return ct.PartialDate.parse(moment.replace(microsecond=0).isoformat())


DAMAGED_DATES = st.one_of(
    st.none(),
    partial_dates(),
    st.sampled_from(["2024-05-01", "Wednesday", "", 2024, [2024]]),
    st.just(dt.date(2024, 5, 1)),
)
"""Values for a date field: read dates, and what the records still read."""


@st.composite
def damaged_statement_fields(draw: st.DrawFn) -> dict[str, Any]:
    """A statement's fields, each perhaps damaged, some perhaps left out."""
    fields: dict[str, Any] = {
        "id": draw(st.sampled_from(["s1", "s2"]) | DAMAGED_TEXTS),
        "claim": draw(st.just("c1") | DAMAGED_TEXTS),
        "source": draw(st.just("src") | DAMAGED_TEXTS),
        "stance": draw(
            st.sampled_from([*ct.Stance, "asserts", "denies", "retracts"])
            | st.sampled_from(["ASSERTS", "", 1, None])
            | _UNHASHABLE
        ),
        "date": draw(DAMAGED_DATES),
        "document": draw(st.none() | DAMAGED_TEXTS),
        "derives_from": draw(
            st.sampled_from([(), ["s1"], ["s2"], ("p", "p"), ["p", "q"]])
            | DAMAGED_TEXT_LISTS
        ),
        "via": draw(
            st.none()
            | st.sampled_from([*ct.Via, "relays", "cites", "RELAYS", 0])
            | _UNHASHABLE
        ),
        "quote": draw(st.none() | DAMAGED_TEXTS),
        "modality": draw(st.none() | DAMAGED_TEXTS),
        "target": draw(st.none() | st.just("s0") | DAMAGED_TEXTS),
    }
    for name in draw(st.sets(st.sampled_from(sorted(fields)), max_size=2)):
        del fields[name]
    return fields


@st.composite
def damaged_claim_fields(draw: st.DrawFn) -> dict[str, Any]:
    """A claim's fields, each perhaps damaged, some perhaps left out."""
    fields: dict[str, Any] = {
        "id": draw(st.just("c1") | DAMAGED_TEXTS),
        "text": draw(st.just("A claim.") | DAMAGED_TEXTS),
        "places": draw(st.just(()) | DAMAGED_TEXT_LISTS),
        "event_date": draw(DAMAGED_DATES),
        "tags": draw(st.just(()) | DAMAGED_TEXT_LISTS),
    }
    for name in draw(st.sets(st.sampled_from(sorted(fields)), max_size=1)):
        del fields[name]
    return fields


@st.composite
def damaged_source_fields(draw: st.DrawFn) -> dict[str, Any]:
    """A source's fields, each perhaps damaged, some perhaps left out."""
    fields: dict[str, Any] = {
        "id": draw(st.just("src") | DAMAGED_TEXTS),
        "name": draw(st.just("A source") | DAMAGED_TEXTS),
        "kind": draw(st.none() | DAMAGED_TEXTS),
        "aliases": draw(st.just(()) | DAMAGED_TEXT_LISTS),
        "reliability": draw(
            st.none() | st.sampled_from(["A", "F", "G", "a", ""]) | _UNHASHABLE
        ),
        "identifiers": draw(
            st.sampled_from(
                [(), [], None, ["https://example.org/a"], "x", ["x"]]
            )
        ),
    }
    for name in draw(st.sets(st.sampled_from(sorted(fields)), max_size=1)):
        del fields[name]
    return fields


@st.composite
def hierarchies_with_origins(draw: st.DrawFn) -> ct.ClaimSet:
    """
    Many origins of one claim up and down a hierarchy with dated links.

    Sources ``src0`` (the top) to ``srcN``; each source below the top has
    one to three affiliations up to earlier sources (so hierarchical ones
    cannot form a cycle), a few funding and copying links run either way,
    and a ``same_as`` twin may speak for a source. Each of three to ten
    origins asserts or denies claim ``c`` from any source, undated or on
    a date; the set's policy is any valid one.
    """
    n_sources = draw(st.integers(2, 9))
    sources = [f"src{i}" for i in range(n_sources)]
    records: list[ct.Record] = [ct.Source(id=s, name=s) for s in sources]
    records.append(ct.Claim(id="c", text="c"))

    def link(subject: str, relation: str, obj: str) -> None:
        start, end = draw(validity())
        records.append(
            ct.Link(
                id=f"l{len(records)}",
                subject=subject,
                relation=relation,
                object=obj,
                valid_from=start,
                valid_to=end,
            )
        )

    for index, source in enumerate(sources[1:], 1):
        for _ in range(draw(st.integers(1, 3))):
            parent = sources[draw(st.integers(0, index - 1))]
            link(source, draw(st.sampled_from(CONTROL + ASSOCIATION)), parent)
    for _ in range(draw(st.integers(0, 3))):
        a, b = draw(st.permutations(sources))[:2]
        link(a, draw(st.sampled_from(["funded_by", "copies_from"])), b)
    speakers = list(sources)
    if draw(st.booleans()):
        records.append(ct.Source(id="twin", name="twin"))
        records.append(
            ct.Link(
                id="twin=",
                subject="twin",
                relation="same_as",
                object=draw(st.sampled_from(sources)),
            )
        )
        speakers.append("twin")
    records.extend(
        ct.Statement(
            id=f"o{i}",
            claim="c",
            source=draw(st.sampled_from(speakers)),
            stance=draw(st.sampled_from(["asserts", "denies"])),
            date=draw(optional_dates),
        )
        for i in range(draw(st.integers(3, 10)))
    )
    policy = draw(st.none() | policies())
    claim_set = ct.ClaimSet() if policy is None else ct.ClaimSet(policy=policy)
    claim_set.record_many(records)
    return claim_set


_TRICKY_KEYS = st.sampled_from(["a", "b", "id", "a:b", "{", "", 'q"'])
_TRICKY_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from(["x", ":", "{", "}", 'q":', "\\", "a:b{c", "\u00e9:"]),
)


def _written(tree: Any, spaced: bool) -> str:
    """*tree* as JSON text; an object is a list of pairs, keys may repeat."""
    kind, value = tree
    if kind == "scalar":
        return json.dumps(value)
    if kind == "list":
        return "[" + ",".join(_written(item, spaced) for item in value) + "]"
    colon = " : " if spaced else ":"
    return (
        "{"
        + ",".join(
            json.dumps(key) + colon + _written(item, spaced)
            for key, item in value
        )
        + "}"
    )


@st.composite
def json_texts_with_repeats(draw: st.DrawFn) -> str:
    """
    JSON text whose objects may repeat a key, at any depth.

    Strings and keys hold colons, braces and quotes, so that counting
    them in the text alone proves nothing.
    """
    trees = st.recursive(
        _TRICKY_SCALARS.map(lambda value: ("scalar", value)),
        lambda children: (
            st.lists(children, max_size=3).map(lambda items: ("list", items))
            | st.lists(st.tuples(_TRICKY_KEYS, children), max_size=3).map(
                lambda pairs: ("object", pairs)
            )
        ),
        max_leaves=12,
    )
    # Most often a document-like top: an object of lists of objects.
    top = draw(
        st.lists(
            st.tuples(
                _TRICKY_KEYS,
                trees
                | st.lists(
                    st.lists(st.tuples(_TRICKY_KEYS, trees), max_size=3).map(
                        lambda pairs: ("object", pairs)
                    ),
                    max_size=3,
                ).map(lambda items: ("list", items)),
            ),
            max_size=4,
        ).map(lambda pairs: ("object", pairs))
        | trees
    )
    return _written(top, draw(st.booleans()))


@st.composite
def hierarchies_with_relays(draw: st.DrawFn) -> ct.ClaimSet:
    """
    Many origins up a hierarchy of mostly memberships, and relays of them.

    Sources ``src0`` (the top) to ``srcN``; each source below the top has
    one affiliation (sometimes two) up to one of the three sources before
    it, mostly ``member_of`` or ``funded_by`` (so that walks of
    memberships meet); in half the sets a quarter of them are dated, and
    a copying link may run either way. Four to fourteen origins assert or
    deny claim ``c`` from any source, undated or on one of three dates; up
    to four relays (``r0``...) carry an origin's statement from any
    source. The set's policy is the default or any valid one.
    """
    n_sources = draw(st.integers(3, 12))
    sources = [f"src{i}" for i in range(n_sources)]
    records: list[ct.Record] = [ct.Source(id=s, name=s) for s in sources]
    records.append(ct.Claim(id="c", text="c"))
    dates = [None, None, "2020", "2022-05-01"]
    dated = draw(st.booleans())
    relations = st.sampled_from(
        [*ASSOCIATION, *ASSOCIATION, *ASSOCIATION, *CONTROL]
    )

    def link(subject: str, relation: str, obj: str) -> None:
        start, end = None, None
        if dated and draw(st.integers(0, 3)) == 0:
            start, end = draw(validity())
        records.append(
            ct.Link(
                id=f"l{len(records)}",
                subject=subject,
                relation=relation,
                object=obj,
                valid_from=start,
                valid_to=end,
            )
        )

    for index, source in enumerate(sources[1:], 1):
        for _ in range(draw(st.sampled_from([1, 1, 1, 2]))):
            parent = sources[draw(st.integers(max(0, index - 3), index - 1))]
            link(source, draw(relations), parent)
    if draw(st.booleans()):
        a, b = draw(st.permutations(sources))[:2]
        link(a, "copies_from", b)
    origins = draw(st.integers(4, 14))
    records.extend(
        ct.Statement(
            id=f"o{i}",
            claim="c",
            source=draw(st.sampled_from(sources)),
            stance=draw(st.sampled_from(["asserts", "asserts", "denies"])),
            date=draw(st.sampled_from(dates)),
        )
        for i in range(origins)
    )
    records.extend(
        ct.Statement(
            id=f"r{i}",
            claim="c",
            source=draw(st.sampled_from(sources)),
            derives_from=[f"o{draw(st.integers(0, origins - 1))}"],
            via="relays",
        )
        for i in range(draw(st.integers(0, 4)))
    )
    policy = draw(st.none() | st.none() | policies())
    claim_set = ct.ClaimSet() if policy is None else ct.ClaimSet(policy=policy)
    claim_set.record_many(records)
    return claim_set


_TANGLED_DATES = [
    None,
    "2020",
    "2020-06",
    "2020-06-30",
    "2020-07-01",
    "2020-12-31",
    "2021",
    "2020-06-30T23:00:00",
    "2020-06-30T23:00:00-05:00",
    "2020-07-01T01:00:00+05:00",
]


@st.composite
def tangled_hierarchies(draw: st.DrawFn) -> ct.ClaimSet:
    """
    Origins and relays among links in any direction, dated at any precision.

    Sources ``src0`` to ``srcN`` with links of every relation between any
    two of them (a link that would close a cycle holding at one time is
    dropped), bounded by dates of year, month, day or time precision drawn
    from a few that meet on their bounds; ``same_as`` twins (which may be
    linked themselves), origins of claim ``c`` and of a ``same_as`` twin
    claim ``c2`` on those dates, relays and copies of origins, and
    retractions; the set's policy is the default or any valid one.
    """
    n_sources = draw(st.integers(2, 7))
    sources = [f"src{i}" for i in range(n_sources)]
    policy = draw(st.none() | policies())
    claim_set = ct.ClaimSet() if policy is None else ct.ClaimSet(policy=policy)
    claim_set.record_many(
        [
            *(ct.Source(id=s, name=s) for s in sources),
            ct.Claim(id="c", text="c"),
            ct.Claim(id="c2", text="c2"),
        ]
    )
    if draw(st.booleans()):
        claim_set.link("c2", "same_as", "c")
    dates = st.sampled_from(_TANGLED_DATES)
    relations = st.sampled_from([*CONTROL, *ASSOCIATION, "copies_from"])
    for i in range(draw(st.integers(1, 12))):
        subject, obj = draw(st.permutations(sources))[:2]
        start, end = draw(dates), draw(dates)
        if start is not None and end is not None:
            start_at = ct.PartialDate.parse(start)
            if ct.compare_dates(start_at, ct.PartialDate.parse(end)) != -1:
                end = None
        try:
            claim_set.record_many(
                [
                    ct.Link(
                        id=f"l{i}",
                        subject=subject,
                        relation=draw(relations),
                        object=obj,
                        valid_from=start,
                        valid_to=end,
                    )
                ]
            )
        except ct.ClaimtrackError:
            continue
    speakers = list(sources)
    for twin in range(draw(st.integers(0, 2))):
        name = f"twin{twin}"
        claim_set.record_many([ct.Source(id=name, name=name)])
        claim_set.link(name, "same_as", draw(st.sampled_from(speakers)))
        speakers.append(name)
    origins = draw(st.integers(3, 9))
    claim_set.record_many(
        ct.Statement(
            id=f"o{i}",
            claim=draw(st.sampled_from(["c", "c", "c2"])),
            source=draw(st.sampled_from(speakers)),
            stance=draw(st.sampled_from(["asserts", "asserts", "denies"])),
            date=draw(dates),
        )
        for i in range(origins)
    )
    for i in range(draw(st.integers(0, 4))):
        relay = ct.Statement(
            id=f"r{i}",
            claim="c",
            source=draw(st.sampled_from(speakers)),
            date=draw(dates),
            derives_from=[f"o{draw(st.integers(0, origins - 1))}"],
            via=draw(st.sampled_from(["relays", "copies"])),
        )
        try:
            claim_set.record_many([relay])
        except ct.ClaimtrackError:
            continue
    for i in range(draw(st.integers(0, 2))):
        target = f"o{draw(st.integers(0, origins - 1))}"
        try:
            claim_set.record_many(
                [
                    ct.Statement(
                        id=f"x{i}",
                        claim="c",
                        source=claim_set.statement(target).source,
                        stance="retracts",
                        target=target,
                        date=draw(dates),
                    )
                ]
            )
        except ct.ClaimtrackError:
            continue
    return claim_set
