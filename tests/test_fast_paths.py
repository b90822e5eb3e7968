# SPDX-License-Identifier: MIT
"""The quick paths agree with the full ones they stand beside."""

from __future__ import annotations

import json
import pickle
import re
import weakref

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
import claimtrack.serialization  # the strategies read documents through it

from claimtrack import (
    _json_records,
    _quick_filing,
    _recording,
    _store,
    _strict_json,
    _validation,
)
from claimtrack._claims import quick_claim
from claimtrack._dates import is_later
from claimtrack._quick_check import later
from claimtrack._sources import quick_source
from claimtrack._statements import quick_statement

from .strategies import (
    any_dates,
    claim_sets,
    damaged_claim_fields,
    damaged_source_fields,
    damaged_statement_fields,
    mutated_documents,
    small_digraphs,
)


def _outcome(make: Callable[[], object]) -> tuple[str, object]:
    """What *make* gives: its result, or its error's class and message."""
    try:
        return ("made", make())
    except ct.ClaimtrackError as e:
        return (type(e).__name__, str(e))


def _agrees(
    quick: Callable[..., object | None],
    cls: type,
    fields: dict[str, Any],
) -> None:
    """*quick* makes what *cls* makes of *fields*, or leaves it to *cls*."""
    try:
        made = quick(**fields)
    except TypeError:
        # A required field left out, as `_plain_record` expects.
        with pytest.raises(TypeError):
            cls(**fields)
        return
    if made is None:
        return
    kind, full = _outcome(lambda: cls(**fields))
    assert kind == "made", f"quick made {made!r}, the class raised {full!r}"
    assert type(made) is cls
    assert made == full
    assert hash(made) == hash(full)
    assert attrs.asdict(made) == attrs.asdict(full)  # type: ignore[arg-type]


class TestQuickConstructors:
    @given(damaged_statement_fields())
    def test_statement_agrees(self, fields: dict[str, Any]) -> None:
        """A quick statement is the one `Statement` makes, or None."""
        _agrees(quick_statement, ct.Statement, fields)

    @given(damaged_claim_fields())
    def test_claim_agrees(self, fields: dict[str, Any]) -> None:
        """A quick claim is the one `Claim` makes, or None."""
        _agrees(quick_claim, ct.Claim, fields)

    @given(damaged_source_fields())
    def test_source_agrees(self, fields: dict[str, Any]) -> None:
        """A quick source is the one `Source` makes, or None."""
        _agrees(quick_source, ct.Source, fields)

    @pytest.mark.parametrize(
        "fields",
        [
            {"id": ["s1"], "claim": "c1", "source": "src"},
            {"id": "s1", "claim": {"c": 1}, "source": "src"},
            {"id": "s1", "claim": "c1", "source": "src", "stance": []},
            {"id": "s1", "claim": "c1", "source": "src", "stance": {}},
            {"id": "s1", "claim": "c1", "source": "src", "via": ["x"]},
            {
                "id": "s1",
                "claim": "c1",
                "source": "src",
                "derives_from": [["p"]],
            },
        ],
    )
    def test_unhashable_values_fall_back(self, fields: dict[str, Any]) -> None:
        """An unhashable value is left to the class, never crashes."""
        assert quick_statement(**fields) is None
        with pytest.raises(ct.InvalidValueError):
            ct.Statement(**fields)

    def test_unhashable_reliability_falls_back(self) -> None:
        """A source's unhashable reliability is left to the class."""
        assert quick_source("src", "A source", reliability=["A"]) is None

    def test_made_records_are_frozen(self) -> None:
        """A quick record is as frozen as any other."""
        made = quick_statement("s1", "c1", "src")
        assert made is not None
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            made.id = "s2"  # type: ignore[misc]


@contextmanager
def _quick_paths_off() -> Iterator[None]:
    """The full paths alone: every quick constructor says "not sure"."""

    def unsure(*args: object, **kwargs: object) -> None:
        return None

    with (
        mock.patch.object(_recording, "quick_statement", unsure),
        mock.patch.object(_recording, "quick_claim", unsure),
        mock.patch.object(_recording, "quick_source", unsure),
        mock.patch.object(
            _quick_filing, "link_surely_valid", return_value=False
        ),
        mock.patch.dict(
            _json_records._QUICK,
            dict.fromkeys(_json_records._QUICK, unsure),
        ),
        mock.patch.object(_validation, "_staged_at_once", unsure),
        mock.patch.object(_store.Store, "add_many", _add_one_by_one),
    ):
        yield


def _add_one_by_one(store: _store.Store, records: list[ct.Record]) -> None:
    """`Store.add_many` as `Store.add` would do it, record by record."""
    for record in records:
        store.add(record)


def _recorded(action: Callable[[ct.ClaimSet], object]) -> tuple[Any, ...]:
    """What *action* does to a small set: its outcome and the set after."""
    cs = ct.ClaimSet()
    cs.record_source("src", name="A source")
    cs.record_source("other", name="Another")
    cs.record_claim("c1", text="A claim.")
    cs.record_statement("s0", claim="c1", source="src", date="2024-05-01")
    outcome = _outcome(lambda: action(cs))
    return (outcome, cs.to_json())


class TestPublicApiAgrees:
    @given(damaged_statement_fields())
    def test_record_statement(self, fields: dict[str, Any]) -> None:
        """record_statement raises or records the same with or without."""
        fields.setdefault("source", "src")

        def action(cs: ct.ClaimSet) -> object:
            return cs.record_statement(**fields)

        quick = _recorded(action)
        with _quick_paths_off():
            full = _recorded(action)
        assert quick == full

    @given(damaged_claim_fields())
    def test_record_claim(self, fields: dict[str, Any]) -> None:
        """record_claim raises or records the same with or without."""
        fields.setdefault("id", "c2")
        fields.setdefault("text", "Another claim.")

        def action(cs: ct.ClaimSet) -> object:
            return cs.record_claim(**fields)

        quick = _recorded(action)
        with _quick_paths_off():
            full = _recorded(action)
        assert quick == full

    @given(damaged_source_fields())
    def test_record_source(self, fields: dict[str, Any]) -> None:
        """record_source raises or records the same with or without."""
        fields.setdefault("id", "src2")
        fields.setdefault("name", "A third")

        def action(cs: ct.ClaimSet) -> object:
            return cs.record_source(**fields)

        quick = _recorded(action)
        with _quick_paths_off():
            full = _recorded(action)
        assert quick == full

    def test_unhashable_id_is_an_invalid_value(self) -> None:
        """An unhashable id is refused as any bad id is, by its field."""
        cs = ct.ClaimSet()
        with pytest.raises(ct.InvalidValueError, match="id"):
            cs.record_statement(["s1"], claim="c1", source="src")  # type: ignore[arg-type]
        with pytest.raises(ct.InvalidValueError, match="stance"):
            cs.record_statement(
                "s1",
                claim="c1",
                source="src",
                stance={},  # type: ignore[arg-type]
            )
        assert len(cs) == 0


def _recorded_in_shape(
    action: Callable[[ct.ClaimSet], object],
) -> tuple[Any, ...]:
    """As `_recorded`, in a set where the quick path has more to test."""
    cs = ct.ClaimSet()
    cs.record_source("src", name="A source")
    cs.record_source("other", name="Another")
    cs.record_claim("c1", text="A claim.")
    cs.record_claim("c2", text="A claim nobody made yet.")
    cs.record_document("d1", publisher="src", date="2024-05-02")
    cs.record_statement("s0", claim="c1", source="src", date="2024-05-01")
    cs.record_statement("p", claim="c1", source="other", date="2024-06-01")
    cs.record_statement("q", claim="c1", source="other", document="d1")
    cs.record_statement(
        "r0", claim="c1", source="src", stance="retracts", target="s0"
    )
    outcome = _outcome(lambda: action(cs))
    return (outcome, cs.to_json())


class TestRecordStatementQuickPath:
    @given(
        st.booleans(),
        damaged_statement_fields(),
        st.fixed_dictionaries(
            {
                "id": st.sampled_from(["s1", "s0", "p", "c1", "src"]),
                "claim": st.sampled_from(["c1", "c2", "c9", "src", "s0"]),
                "source": st.sampled_from(["src", "other", "nobody", "c1"]),
                "stance": st.sampled_from(["asserts", "denies", "retracts"]),
                "date": st.sampled_from(
                    [None, "2024-04", "2024-05-01", "2024-06-01", "2025"]
                ),
                "derives_from": st.sampled_from(
                    [(), ["s0"], ["p"], ["q"], ["r0"], ["s0", "p"], ["zz"]]
                ),
                "via": st.sampled_from([None, "relays", "cites"]),
                "document": st.sampled_from([None, None, None, "d1", "s0"]),
                "target": st.sampled_from([None, None, None, "s0", "p"]),
            }
        ),
    )
    def test_agrees_in_a_larger_set(
        self,
        damaged: bool,
        damaged_fields: dict[str, Any],
        sound_fields: dict[str, Any],
    ) -> None:
        """
        Recording a statement does the same with the quick path or without.

        Known and unknown claims (with and without statements), sources,
        parents of every kind and date, existing ids, and damaged fields:
        the same outcome, error and message, and the same set after.
        """
        fields = damaged_fields if damaged else sound_fields
        fields.setdefault("source", "src")

        def action(cs: ct.ClaimSet) -> object:
            return cs.record_statement(**fields)

        quick = _recorded_in_shape(action)
        with _quick_paths_off():
            full = _recorded_in_shape(action)
        assert quick == full

    @pytest.mark.parametrize(
        "fields",
        [
            {"id": ["s1"]},
            {"claim": ["c1"]},
            {"source": {"src": 1}},
            {"date": ["2024"]},
            {"derives_from": [["s0"]]},
            {"via": {}},
        ],
    )
    def test_unhashable_values_fall_back(self, fields: dict[str, Any]) -> None:
        """An unhashable value takes the full path: its error, no change."""
        given_fields = {"id": "s1", "claim": "c1", "source": "src", **fields}

        def action(cs: ct.ClaimSet) -> object:
            return cs.record_statement(**given_fields)

        (kind, _), after = _recorded_in_shape(action)
        assert kind == "InvalidValueError"
        assert after == _recorded_in_shape(lambda cs: None)[1]

    def test_an_existing_id(self) -> None:
        """A repeated statement is the one there; a different one is refused."""
        cs = ct.ClaimSet()
        cs.record_source("src", name="A source")
        cs.record_claim("c1", text="A claim.")
        first = cs.record_statement("s1", claim="c1", source="src")
        again = cs.record_statement("s1", claim="c1", source="src")
        assert again is first
        with pytest.raises(ct.DuplicateIdError):
            cs.record_statement("s1", claim="c1", source="src", date="2024")
        with pytest.raises(ct.DuplicateIdError):
            cs.record_statement("c1", claim="c1", source="src")
        assert cs.statements_about("c1") == (first,)

    def test_a_date_read_once_is_the_same_date(self) -> None:
        """A date text met before gives the date `PartialDate.parse` gives."""
        cs = ct.ClaimSet()
        cs.record_source("src", name="A source")
        cs.record_claim("c1", text="A claim.")
        for n in range(3):
            made = cs.record_statement(
                f"s{n}", claim="c1", source="src", date="2024-05-01"
            )
            assert made.date == ct.PartialDate.parse("2024-05-01")

    def test_a_str_subclass_date_leaves_no_date_behind(self) -> None:
        """A date text that claims to equal every text is not remembered."""

        class Liar(str):
            """Text that hashes as another text and equals anything."""

            __slots__ = ()

            def __hash__(self) -> int:
                return hash("1912-12-12")

            def __eq__(self, other: object) -> bool:
                return True

        cs = ct.ClaimSet()
        cs.record_source("src", name="A source")
        cs.record_claim("c1", text="A claim.")
        lied = cs.record_statement(
            "s1", claim="c1", source="src", date=Liar("1911-11-11")
        )
        plain = cs.record_statement(
            "s2", claim="c1", source="src", date="1912-12-12"
        )
        assert str(lied.date) == "1911-11-11"
        assert str(plain.date) == "1912-12-12"
        assert str(ct.PartialDate.parse(Liar("1913-01-01"))) == "1913-01-01"


def _linked_in_shape(
    action: Callable[[ct.ClaimSet], object],
) -> tuple[Any, ...]:
    """As `_recorded`, in a set with affiliations, classes and claims."""
    cs = ct.ClaimSet()
    for source in ("a", "b", "c", "d", "e"):
        cs.record_source(source, name=f"Source {source}")
    for claim in ("c1", "c2", "c3"):
        cs.record_claim(claim, text=f"Claim {claim}.")
    cs.record_statement("s1", claim="c1", source="a", date="2024-05-01")
    cs.link("b", "part_of", "c", id="b-c")
    cs.link("c", "owned_by", "d", id="c-d", valid_from="2020")
    cs.link("a", "same_as", "e", id="a-e")
    cs.link("c1", "same_as", "c2", id="c1-c2")
    outcome = _outcome(lambda: action(cs))
    return (outcome, cs.to_json())


class TestLinkQuickPath:
    @given(
        st.sampled_from(["a", "b", "c", "d", "e", "c1", "c3", "s1", "zz"]),
        st.sampled_from(["a", "b", "c", "d", "e", "c1", "c2", "s1", "zz"]),
        st.sampled_from([*ct.Relation, "nope"]),
        st.sampled_from([None, "2021", "2019-05"]),
        st.sampled_from([None, "2022", "2019"]),
        st.sampled_from([None, "new", "b-c", "c1", "a-e"]),
    )
    def test_agrees_in_a_set_with_affiliations(
        self,
        subject: str,
        obj: str,
        relation: str,
        valid_from: str | None,
        valid_to: str | None,
        id: str | None,
    ) -> None:
        """
        Recording a link does the same with the quick path or without.

        Every relation between sources, claims, a statement and unknown
        ids, dated or not, closing a cycle or not, across ``same_as``
        classes, with new and existing ids: the same outcome, error and
        message, and the same set after.
        """

        def action(cs: ct.ClaimSet) -> object:
            return cs.link(
                subject,
                relation,
                obj,
                valid_from=valid_from,
                valid_to=valid_to,
                id=id,
            )

        quick = _linked_in_shape(action)
        with _quick_paths_off():
            full = _linked_in_shape(action)
        assert quick == full

    @pytest.mark.parametrize(
        ("subject", "relation", "obj", "valid_from"),
        [
            ("d", "part_of", "b", None),  # closes b-c-d
            ("d", "member_of", "b", "2021"),
            ("d", "funded_by", "b", None),  # no cycle: association
            ("c", "part_of", "c", None),
            ("a", "funded_by", "e", None),  # one same_as class
            ("e", "part_of", "a", None),
            ("a", "part_of", "b", None),
            ("a", "copies_from", "b", None),
            ("a", "same_as", "b", None),
            ("a", "distinct_from", "b", None),
            ("c1", "same_as", "c3", "2021"),  # a dated claim relation
            ("c1", "supports", "c3", None),
            ("c1", "part_of", "c1", None),
            ("c1", "owned_by", "c3", None),
            ("c1", "part_of", "a", None),
            ("a", "part_of", "c1", None),
            ("s1", "part_of", "a", None),
            ("a", "part_of", "zz", None),
        ],
    )
    def test_agrees_on_each_rule(
        self, subject: str, relation: str, obj: str, valid_from: str | None
    ) -> None:
        """Each rule a quick link might skip: the same outcome either way."""

        def action(cs: ct.ClaimSet) -> object:
            return cs.link(subject, relation, obj, valid_from=valid_from)

        quick = _linked_in_shape(action)
        with _quick_paths_off():
            full = _linked_in_shape(action)
        assert quick == full

    def test_cycles_are_still_refused(self) -> None:
        """A link closing a cycle goes to the full check and is refused."""
        cs = ct.ClaimSet()
        for source in ("a", "b", "c"):
            cs.record_source(source, name=source)
        cs.link("a", "part_of", "b")
        cs.link("b", "part_of", "c")
        with pytest.raises(ct.AffiliationCycleError):
            cs.link("c", "member_of", "a")
        assert len(cs.links) == 2


class TestQuickRecordsAreRecords:
    def test_weak_references_and_pickling(self) -> None:
        """Quick records are weakly referable and pickle as others do."""
        made = [
            quick_statement("s1", "c1", "src"),
            quick_claim("c1", "A claim."),
            quick_source("src", "A source"),
        ]
        for record in made:
            assert record is not None
            assert weakref.ref(record)() is record
            assert pickle.loads(pickle.dumps(record)) == record  # noqa: S301
            assert not hasattr(record, "__dict__")


class TestFromJsonAgrees:
    @given(mutated_documents())
    def test_damaged_documents(self, document: Any) -> None:
        """A damaged document loads, or fails, the same with or without."""
        text = json.dumps(document)
        quick = _outcome(lambda: ct.ClaimSet.from_json(text).to_json())
        with _quick_paths_off():
            full = _outcome(lambda: ct.ClaimSet.from_json(text).to_json())
        assert quick == full

    @given(claim_sets())
    def test_sound_documents(self, cs: ct.ClaimSet) -> None:
        """A sound document loads to the same set with or without."""
        text = cs.to_json()
        with _quick_paths_off():
            full = ct.ClaimSet.from_json(text)
        assert ct.ClaimSet.from_json(text) == full

    @given(mutated_documents())
    def test_may_refuse_misses_nothing(self, document: Any) -> None:
        """Where the quick scan sees nothing, the full one finds nothing."""
        for key, cls in _json_records.RECORD_LISTS:
            items = document.get(key) if isinstance(document, dict) else None
            for item in items if isinstance(items, list) else ():
                if isinstance(item, dict) and not _json_records.may_refuse(
                    item
                ):
                    assert not _json_records.refused_values(item, "$", cls)


_OLD_SURROGATE_TEST = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")


class TestQuickScans:
    @given(any_dates() | st.none(), any_dates() | st.none())
    def test_later_is_is_later(
        self, a: ct.PartialDate | None, b: ct.PartialDate | None
    ) -> None:
        """The quick date order agrees with `is_later` at every precision."""
        assert later(a, b) == is_later(a, b)

    @given(
        st.text(
            alphabet=st.sampled_from(
                ["\\", "u", "d", "D", "8", "9", "a", "F", "c", "x", "\ud800"]
            )
        )
    )
    def test_surrogate_scan(self, text: str) -> None:
        """The surrogate scan flags exactly what the old pattern flagged."""
        assert _strict_json._may_hold_surrogate(text) == bool(
            _OLD_SURROGATE_TEST.search(text)
        )


class TestDerivationOrder:
    @given(small_digraphs(), st.randoms(use_true_random=False))
    def test_cycle_check_agrees_with_kahn(
        self, graph: dict[int, list[int]], rng: Any
    ) -> None:
        """The in-order shortcut finds a cycle exactly when Kahn's does."""
        statements = [
            ct.Statement(
                id=f"s{node}",
                claim="c1",
                source="src",
                derives_from=[
                    f"s{parent}"
                    for parent in dict.fromkeys(parents)
                    if parent != node
                ],
            )
            for node, parents in graph.items()
        ]
        rng.shuffle(statements)
        new = {statement.id for statement in statements}
        assert _validation._derivations_loop(
            statements
        ) == _validation._waits_on_a_cycle(statements, new)


_TABLES = (
    "records",
    "sources",
    "documents",
    "claims",
    "statements",
    "links",
    "reviews",
    "by_document",
    "retractions",
    "reviews_by_claim",
    "links_by_end",
    "citing",
    "copies",
    "source_links",
    "source_links_in",
    "subordinates",
    "class_subordinates",
    "names",
    "identifiers",
    "places",
    "tags",
)


def _tables(cs: ct.ClaimSet) -> dict[str, object]:
    """Every table and index of *cs*'s store, with the order of records."""
    store = cs._store
    found: dict[str, object] = {name: getattr(store, name) for name in _TABLES}
    found["order"] = list(store.records)
    found["by_claim"] = store._by_claim
    found["same_source"] = {
        source: store.same_source.members(source) for source in store.sources
    }
    found["same_claim"] = {
        claim: store.same_claim.members(claim) for claim in store.claims
    }
    return found


def _findings(records: list[object]) -> object:
    """What an empty set finds in *records*, and what recording them does."""
    found = [
        (f.record, f.field, type(f.error).__name__, str(f.error))
        for f in ct.ClaimSet().validate(records)
    ]

    def record_all() -> object:
        cs = ct.ClaimSet()
        cs.record_many(records)
        return cs.to_json()

    return (found, _outcome(record_all))


class TestBatchesAgree:
    @given(claim_sets(), st.randoms(use_true_random=False))
    def test_filed_alike(self, cs: ct.ClaimSet, rng: Any) -> None:
        """Records filed all at once fill every index as one by one does."""
        records = list(cs._store.records.values())
        rng.shuffle(records)
        quick = ct.ClaimSet()
        quick.record_many(records)
        with _quick_paths_off():
            full = ct.ClaimSet()
            full.record_many(records)
        assert _tables(quick) == _tables(full)

    @given(claim_sets())
    def test_filed_alike_after_a_question(self, cs: ct.ClaimSet) -> None:
        """Statements filed at once keep an index already made up to date."""
        records = list(cs._store.records.values())
        plain = [r for r in records if isinstance(r, (ct.Source, ct.Claim))]
        rest = [r for r in records if r not in plain]

        def build() -> ct.ClaimSet:
            built = ct.ClaimSet()
            built.record_many(plain)
            built._store.statements_about("anything")  # makes the index
            built.record_many(rest)
            return built

        quick = build()
        with _quick_paths_off():
            full = build()
        assert _tables(quick) == _tables(full)

    @given(claim_sets(), st.data())
    def test_damaged_batches(
        self, cs: ct.ClaimSet, data: st.DataObject
    ) -> None:
        """Repeated ids and non-records are found alike either way."""
        records: list[object] = list(cs._store.records.values())
        ids = [record.id for record in cs._store.records.values()]
        repeated = st.sampled_from(records) if records else st.nothing()
        others = st.builds(
            lambda same: ct.Claim(id=same, text="Another claim."),
            st.sampled_from(ids) if ids else st.just("c-new"),
        )
        junk = st.sampled_from(["text", 3, None])
        extra = data.draw(st.lists(repeated | others | junk, max_size=4))
        damaged = data.draw(st.permutations(records + extra))
        quick = _findings(damaged)
        with _quick_paths_off():
            full = _findings(damaged)
        assert quick == full

    def test_an_empty_set_already_asked(self) -> None:
        """An empty set asked a question forgets the answer when filled."""
        source = ct.ClaimSet()
        quote = (
            "The bridge at the northern crossing was destroyed early on "
            "Tuesday morning by heavy shelling."
        )
        source.record_source("a", name="A")
        source.record_source("b", name="B")
        source.record_claim("c", text="A claim.")
        source.record_statement(
            "s1", claim="c", source="a", date="2024-05-01", quote=quote
        )
        source.record_statement(
            "s2", claim="c", source="b", date="2024-05-02", quote=quote
        )
        asked = ct.ClaimSet()
        assert asked.suspicions() == ()
        asked.record_many(source._store.records.values())
        loaded = ct.ClaimSet.from_json(source.to_json())
        assert asked.suspicions() == loaded.suspicions()
        assert len(loaded.suspicions()) == 1
