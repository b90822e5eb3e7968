# SPDX-License-Identifier: MIT
"""Tests for `claimtrack.claimreview`: ClaimReview import and export."""

from __future__ import annotations

import html
import json
import pickle
import warnings

from pathlib import Path
from typing import Any

import pytest

from attrs import evolve as attrs_evolve

import claimtrack as ct

from claimtrack.claimreview import (
    ClaimReviewIssue,
    DataFeedResult,
    ExportResult,
    ImportResult,
    Severity,
    check_claimreviews,
    export_claimreviews,
    import_claimreviews,
)


ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "claimreview"
MAIN = sorted(FIXTURES.glob("*.json"))
ODD = sorted((FIXTURES / "odd").glob("*.json"))
ALL = MAIN + ODD


def load(path: Path) -> Any:
    """A fixture file, parsed."""
    return json.loads(path.read_text(encoding="utf-8"))


def fixture(name: str) -> Any:
    """The fixture called *name*, in the folder or in odd/."""
    found = [path for path in ALL if path.name == name]
    assert len(found) == 1, name
    return load(found[0])


def imported(data: Any, **options: Any) -> tuple[ct.ClaimSet, ImportResult]:
    """A new claim set with *data* imported, and the import's result."""
    cs = ct.ClaimSet()
    return cs, import_claimreviews(cs, data, **options)


def only_review(data: Any) -> tuple[ct.ClaimSet, ct.Review]:
    """Import *data*, which holds one review, and return it."""
    cs, result = imported(data)
    (review,) = result.reviews
    return cs, review


def export(cs: ct.ClaimSet, **options: Any) -> ExportResult | DataFeedResult:
    """
    Export *cs*'s reviews, checking the warnings that come with them.

    Exactly one `ClaimReviewWarning` comes for each claimReviewed, and
    each rating label, longer than 75 characters (many real ones are),
    naming its review.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = export_claimreviews(cs, **options)

    reviews = sorted(cs.reviews, key=lambda r: r.id)
    items = (
        [element["item"][0] for element in result["dataFeedElement"]]
        if isinstance(result, dict)
        else result
    )
    long = [
        review.id
        for review, written in zip(reviews, items, strict=True)
        for text in (
            written["claimReviewed"],
            written["reviewRating"].get("alternateName", ""),
        )
        if len(text) > 75
    ]
    assert [w.category for w in caught] == [ct.ClaimReviewWarning] * len(long)
    assert [str(w.message).split("'")[1] for w in caught] == long
    return result


def review_json(**fields: Any) -> dict[str, Any]:
    """A minimal valid ClaimReview object, with *fields* added or replaced."""
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://check.example/a",
        "claimReviewed": "The moon is made of cheese",
        "author": {"@type": "Organization", "name": "Example Check"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
    }
    node.update(fields)
    return {k: v for k, v in node.items() if v is not None}


def text(value: Any) -> str | None:
    """What the importer should make of a text value: unescaped, trimmed."""
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str):
        return None
    return html.unescape(value).strip() or None


def number(value: Any) -> float | None:
    """A rating number as written in the file ("" and None: none)."""
    if value in ("", None):
        return None
    return float(value)


def date(value: Any) -> ct.PartialDate | None:
    """A date as written in the file, read as claimtrack reads ISO 8601."""
    return None if value in ("", None) else ct.PartialDate.parse(value)


def expected(data: Any) -> dict[str, Any]:
    """The values a fixture's one review should be recorded with."""
    if "claimReview" in data:  # Google Fact Check Tools API
        (review,) = data["claimReview"]
        return {
            "claim": data["text"],
            "reviewer": review["publisher"].get("name")
            or review["publisher"]["site"],
            "label": review["textualRating"],
            "numbers": (None, None, None),
            "url": review["url"],
            "date": date(review["reviewDate"]),
            "title": review["title"],
            "claimant": text(data["claimant"]),
            "claim_date": date(data["claimDate"]),
            "appearances": set(),
        }
    if "content" in data:  # ClaimsKG
        cells = {k: v["value"] for k, v in data["content"].items()}
        return {
            "claim": cells["text"],
            "reviewer": cells["source"],
            "label": cells["ratingName"],
            "numbers": (None, None, None),
            "url": cells["link"],
            "date": date(cells["date"]),
            "title": None,
            "claimant": text(cells["author"]),
            "claim_date": None,
            "appearances": set(),
        }
    nodes = data if isinstance(data, list) else [data]
    nodes = [n for node in nodes for n in node.get("@graph", [node])]
    nodes = [n for node in nodes for n in node.get("item", [node])]
    (node,) = [n for n in nodes if "claimreview" in str(n["@type"]).lower()]
    item = node.get("itemReviewed", {})
    author = item.get("author", {})
    rating = node["reviewRating"]
    claim = node["claimReviewed"]
    appearances = {
        work["url"]
        for work in (
            *item.get("appearance", []),
            item.get("firstAppearance", {}),
            item,
        )
        if work.get("url")
    }
    return {
        "claim": "; ".join(claim) if isinstance(claim, list) else claim,
        "reviewer": text(node["author"]["name"]),
        "label": text(rating.get("alternateName")),
        "numbers": tuple(
            number(rating.get(key))
            for key in ("ratingValue", "bestRating", "worstRating")
        ),
        "url": node["url"],
        "date": date(node.get("datePublished")),
        "title": text(
            node.get("headline") or node.get("name") or node.get("title")
        ),
        "claimant": text(author.get("name")),
        "claim_date": date(item.get("datePublished")),
        "appearances": appearances,
    }


class TestFixtures:
    def test_every_fixture_is_here(self) -> None:
        """The 33 real records and 5 odd ones are found (SOURCES.md)."""
        assert (len(MAIN), len(ODD)) == (33, 5)

    @pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
    def test_recorded_values_match_the_file(self, path: Path) -> None:
        """Each fixture's review is recorded with the values in the file."""
        data = load(path)
        want = expected(data)

        cs, review = only_review(data)

        assert (
            cs.claim(review.claim).text == html.unescape(want["claim"]).strip()
        )
        assert cs.source(review.reviewer).name == want["reviewer"]
        rating = review.rating
        assert rating.label == want["label"]
        assert (rating.value, rating.best, rating.worst) == want["numbers"]
        assert rating.verdict is ct.verdict_of(
            rating.label,
            value=rating.value,
            best=rating.best,
            worst=rating.worst,
        )
        assert review.url == want["url"]
        assert review.date == want["date"]
        assert review.title == want["title"]
        statements = [cs.statement(s) for s in review.reviewed]
        if want["claimant"] is None:
            assert statements == []
        else:
            assert cs.source(statements[0].source).name == want["claimant"]
            assert statements[0].date == want["claim_date"]
            assert all(s.stance is ct.Stance.ASSERTS for s in statements)
        documents = {
            cs.document(s.document).url for s in statements if s.document
        }
        if want["claimant"] is not None:
            assert documents == want["appearances"]

    @pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
    def test_importing_twice_changes_nothing(self, path: Path) -> None:
        """A second import of the same file records nothing new."""
        cs, first = imported(load(path))
        before = cs.copy()

        second = import_claimreviews(cs, load(path))

        assert second.recorded == ()
        assert second.reviews == first.reviews
        assert cs == before

    @pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
    def test_import_export_import_is_stable(self, path: Path) -> None:
        """Importing the export records exactly what the first import did."""
        cs, first = imported(load(path))
        exported = json.loads(json.dumps(export(cs)))

        again, second = imported(exported)

        assert second.recorded == first.recorded
        assert again == cs
        assert export(again) == export(cs)

    @pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
    def test_export_has_what_google_requires(self, path: Path) -> None:
        """Every exported review has Google's required fields."""
        cs, _ = imported(load(path))

        result = export(cs)

        (exported,) = result
        assert result.problems == ()
        assert exported["@type"] == "ClaimReview"
        for key in ("claimReviewed", "url", "author"):
            assert exported[key]
        rating = exported["reviewRating"]
        assert rating["alternateName"] == rating["name"]
        assert rating["alternateName"]
        assert exported["author"]["name"]
        assert exported["itemReviewed"]["@type"] == "Claim"

    @pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
    def test_every_appearance_is_exported(self, path: Path) -> None:
        """Each document the claim appeared in is an appearance, the first too."""
        cs, review = only_review(load(path))
        statements = [cs.statement(s) for s in review.reviewed]
        documents = {
            cs.document(s.document).url for s in statements if s.document
        }

        (exported,) = export(cs)

        item = exported["itemReviewed"]
        appearances = [work["url"] for work in item.get("appearance", [])]
        assert sorted(appearances) == sorted(documents)
        if "firstAppearance" in item:
            assert item["firstAppearance"]["url"] == appearances[0]

    @pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
    def test_claimtrack_json_round_trip(self, path: Path) -> None:
        """An imported set survives the claimtrack JSON format exactly."""
        cs, _ = imported(load(path))

        assert ct.ClaimSet.from_json(cs.to_json()) == cs

    def test_all_fixtures_into_one_set(self) -> None:
        """All fixtures go into one set; a reviewer is one source there."""
        cs = ct.ClaimSet()
        for path in ALL:
            import_claimreviews(cs, load(path))

        assert len(cs.reviews) == len(ALL)
        names = [source.name for source in cs.sources]
        assert names.count("AFP") == names.count("AFP Fact Check") == 1
        reviewers = [cs.source(r.reviewer).name for r in cs.reviews]
        assert reviewers.count("AFP") == 6
        assert reviewers.count("AFP Fact Check") == 1
        assert names.count("Newtral") == 1

    def test_only_whole_names_are_the_same_source(self) -> None:
        """A reviewer is not merged with one whose name merely contains it."""
        cs = ct.ClaimSet()
        cs.record_source("ec-spain", name="Example Check Spain")

        result = import_claimreviews(cs, review_json())

        reviewer = cs.source(result.reviews[0].reviewer)
        assert reviewer.id != "ec-spain"
        assert reviewer.name == "Example Check"

    def test_reviews_leave_corroboration_alone(self) -> None:
        """An imported claim counts only its claimant, whatever the rating."""
        cs, review = only_review(fixture("jsonld_uol_confere_pt.json"))

        report = cs.corroboration(review.claim)

        assert report.status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert [
            cs.source(s).name for s in report.asserting_groups[0].sources
        ] == ["Jair Bolsonaro"]
        assert report.reviews == (review,)
        assert "verdict false" in report.explain()


class TestRealQuirks:
    @pytest.mark.parametrize(
        ("name", "verdict"),
        [
            ("jsonld_afp_factual_es_2021.json", "other"),  # Engañoso, 2 of 1-5
            ("jsonld_afp_india_en.json", "other"),  # Misleading, 3 of 1-5
            ("jsonld_indiatoday_en_2022.json", "mixture"),  # Mostly false, 2/5
            ("jsonld_indiatoday_en_2020.json", "mixture"),  # Half true, 3/5
            ("jsonld_uol_confere_pt.json", "false"),  # Falso, 1 of 1-6
            ("jsonld_boom_hi.json", "other"),  # Misleading, no scale
            ("jsonld_lupa_pt.json", "false"),  # Falso, 4 of 6, no worst
            ("jsonld_newtral_factcheck_es.json", "other"),  # Engañoso
            ("jsonld_comprova_pt.json", "other"),  # a sentence, not a label
            ("jsonld_tfc_taiwan_zh_2022.json", "false"),  # 錯誤
            ("datacommons_feeditem_dpa_de.json", "other"),  # a sentence
            ("claimskg_sparql_result_snopes_en.json", "other"),  # OTHER
            ("jsonld_20minutes_fr_negative_scale.json", "other"),  # slug
            ("jsonld_newschecker_en_empty_rating.json", "false"),  # 2 to 2
        ],
    )
    def test_verdicts(self, name: str, verdict: str) -> None:
        """Real ratings get the verdict the documented rule gives."""
        _, review = only_review(fixture(name))

        assert review.rating.verdict == verdict

    def test_html_entity_in_the_claim(self) -> None:
        """An HTML entity in claimReviewed is resolved."""
        cs, review = only_review(fixture("jsonld_vishvas_en.json"))

        assert "Manmohan Singh's economy" in cs.claim(review.claim).text

    def test_lower_case_type_and_trailing_return(self) -> None:
        """A lower-case itemReviewed type and a label ending in a CR import."""
        cs, review = only_review(
            fixture("jsonld_africacheck_en_lowercase_type.json")
        )

        assert review.rating.label == "Incorrect"
        (statement,) = (cs.statement(s) for s in review.reviewed)
        assert statement.date == ct.PartialDate.parse(
            "2020-06-13T00:00:00+00:00"
        )
        assert cs.document(statement.document).url.startswith(
            "http://www.thepresidency.gov.za/"
        )

    def test_name_list_gives_aliases(self) -> None:
        """A claimant whose name is a list gets the rest as aliases."""
        cs, review = only_review(fixture("jsonld_africacheck_en.json"))

        claimant = cs.source(cs.statement(review.reviewed[0]).source)

        assert claimant.name == "Mzwandile Masina"
        assert claimant.aliases == ("mayor of Ekurhuleni",)
        appearance = cs.document(cs.statement(review.reviewed[0]).document)
        assert appearance.title == "State of the city address"
        assert appearance.date == ct.PartialDate.parse(
            "2020-03-18T14:00:00+02:00"
        )

    def test_relative_review_url(self) -> None:
        """A relative review URL is kept, or resolved against base_url."""
        data = fixture("jsonld_estadao_pt_relative_url.json")

        _, kept = only_review(data)
        _, result = imported(data, base_url="https://www.estadao.com.br/")

        assert kept.url == data["url"]
        assert result.reviews[0].url == (
            "https://www.estadao.com.br" + data["url"]
        )
        assert kept.date is None

    def test_list_claim(self) -> None:
        """A claimReviewed given as a list of one string is that string."""
        data = fixture("jsonld_thequint_en_list_claim.json")

        cs, review = only_review(data)

        assert cs.claim(review.claim).text == data["claimReviewed"][0]
        assert (review.rating.best, review.rating.worst) == (5, 0)

    def test_first_appearance(self) -> None:
        """The firstAppearance is the document of the claimant's statement."""
        data = fixture("jsonld_newschecker_en_empty_rating.json")

        cs, review = only_review(data)

        (statement,) = (cs.statement(s) for s in review.reviewed)
        first = data[0]["itemReviewed"]["firstAppearance"]["url"]
        assert cs.document(statement.document).url == first
        assert review.rating.value is None

    def test_several_appearances(self) -> None:
        """Each appearance is a document with the claimant's statement in it."""
        data = fixture("jsonld_fatabyyano_ar.json")

        cs, review = only_review(data)

        statements = [cs.statement(s) for s in review.reviewed]
        urls = [w["url"] for w in data[0]["itemReviewed"]["appearance"]]
        assert [cs.document(s.document).url for s in statements[1:]] == urls
        assert statements[0].document is None
        assert statements[0].date == ct.PartialDate.parse("2022-08-21")
        assert {s.source for s in statements} == {statements[0].source}

    def test_dates_without_a_zone(self) -> None:
        """'2021-08-24 14:41' is read as a time without a zone."""
        _, review = only_review(fixture("jsonld_afp_faktencheck_de.json"))

        assert review.date is not None
        assert review.date.precision is ct.Precision.TIME
        assert review.date.isoformat() == "2021-08-24T14:41:00"

    def test_double_encoded_url_is_kept(self) -> None:
        """A URL is kept as published, percent signs and all."""
        data = fixture("jsonld_afp_faktencheck_de.json")

        _, review = only_review(data)

        assert review.url == data["@graph"][0]["url"]

    def test_fact_check_tools_publisher_site(self) -> None:
        """A Fact Check Tools publisher with only a site is named by it."""
        cs, review = only_review(
            fixture("factchecktools_api_claim_vishvas_ur.json")
        )

        assert cs.source(review.reviewer).name == "vishvasnews.com"

    def test_person_types_become_the_person_kind(self) -> None:
        """A Person author is a source of kind "person"."""
        cs, review = only_review(fixture("jsonld_boom_en.json"))

        reviewer = cs.source(review.reviewer)
        assert (reviewer.name, reviewer.kind) == (
            "Nivedita Niranjankumar",
            "person",
        )

    def test_description_markup_is_removed(self) -> None:
        """HTML in a description becomes one line of text."""
        _, review = only_review(fixture("jsonld_africacheck_en.json"))

        assert review.summary is not None
        assert "<br" not in review.summary
        assert "\n" not in review.summary
        assert review.summary.startswith("Mzwandile Masina, mayor of the City")


class TestLenient:
    @pytest.mark.parametrize(
        "kind",
        ["ClaimReview", "claimreview", ["ClaimReview"], "schema:ClaimReview"],
    )
    def test_type_spellings(self, kind: Any) -> None:
        """The type may be lower case, a list, or prefixed."""
        _, result = imported(review_json(**{"@type": kind}))

        assert len(result.reviews) == 1

    @pytest.mark.parametrize(
        "author",
        [
            "Example Check",
            ["Example Check"],
            [{"@type": "Organization", "name": ["Example Check", "EC"]}],
            {"name": " Example Check &amp; "},
        ],
    )
    def test_author_shapes(self, author: Any) -> None:
        """An author may be a string, a list, or a name list."""
        cs, review = only_review(review_json(author=author))

        assert cs.source(review.reviewer).name.startswith("Example Check")

    def test_no_author_takes_the_publisher_then_the_host(self) -> None:
        """Without an author, the publisher, else the URL's host, reviews."""
        cs, result = imported(
            [
                review_json(author=None, publisher={"name": "Publisher"}),
                review_json(
                    author=None,
                    url="https://www.check.example/b",
                    claimReviewed="Another claim",
                ),
            ]
        )

        names = [cs.source(r.reviewer).name for r in result.reviews]
        assert names == ["Publisher", "check.example"]
        assert result.notes == (
            "$[0].author: none; the reviewer is the publisher",
            "$[1].author: none; the reviewer is the url's host",
        )

    @pytest.mark.parametrize(
        ("rating", "numbers", "label"),
        [
            (
                {"ratingValue": "2", "bestRating": "5", "worstRating": "1"},
                (2, 5, 1),
                None,
            ),
            (
                {"ratingValue": "2,5", "bestRating": "", "worstRating": ""},
                (2.5, None, None),
                None,
            ),
            (
                {"ratingValue": 1.0, "bestRating": 2, "worstRating": 2},
                (1, 2, 2),
                None,
            ),
            ({"ratingValue": "False"}, (None, None, None), "False"),
            (
                {"ratingValue": "", "alternateName": "Faux"},
                (None, None, None),
                "Faux",
            ),
            ({"name": "Wrong"}, (None, None, None), "Wrong"),
            ({"ratingValue": True, "name": "X"}, (None, None, None), "X"),
            ("False", (None, None, None), "False"),
        ],
    )
    def test_rating_shapes(
        self, rating: Any, numbers: tuple[Any, ...], label: str | None
    ) -> None:
        """Numbers may be strings; a non-number value is a label."""
        _, review = only_review(review_json(reviewRating=rating))

        got = review.rating
        assert (got.value, got.best, got.worst) == numbers
        assert got.label == label

    @pytest.mark.parametrize(
        ("url", "expected"),
        [
            ("factcheck.example.org/a", "https://factcheck.example.org/a"),
            ("//factcheck.example.org/a", "https://factcheck.example.org/a"),
            (
                "https://factcheck.example.org/a",
                "https://factcheck.example.org/a",
            ),
            ("/a", "/a"),
            ("page.html", "page.html"),
        ],
    )
    def test_review_urls(self, url: str, expected: str) -> None:
        """Scheme-less and protocol-relative URLs get https; others stay."""
        _, review = only_review(review_json(url=url))

        assert review.url == expected

    def test_urls_in_a_review_resolve_against_its_url(self) -> None:
        """A relative appearance URL is resolved against the review's."""
        cs, review = only_review(
            review_json(
                url="https://check.example/reviews/1",
                itemReviewed={
                    "@type": "Claim",
                    "author": {"name": "Someone"},
                    "appearance": ["/posts/9", {"url": "other.example/p"}],
                },
            )
        )

        documents = [
            cs.document(cs.statement(s).document).url
            for s in review.reviewed[1:]
        ]
        assert documents == [
            "https://check.example/posts/9",
            "https://other.example/p",
        ]

    def test_unreadable_dates_are_noted(self) -> None:
        """A date that is not ISO 8601 is left out and named in the notes."""
        _, result = imported(review_json(datePublished="last Tuesday"))

        assert result.reviews[0].date is None
        assert result.notes == (
            "$.datePublished: 'last Tuesday' is not an ISO 8601 date; left out",
        )

    def test_containers(self) -> None:
        """Reviews are found in @graph, lists, feeds and API responses."""
        node = review_json()
        feed = {
            "@type": "DataFeed",
            "dataFeedElement": [
                {"@type": "DataFeedItem", "item": [node]},
                {
                    "@type": "DataFeedItem",
                    "item": review_json(claimReviewed="B"),
                },
            ],
        }
        api = {
            "claims": [
                {
                    "text": "C",
                    "claimant": "Someone",
                    "claimReview": [
                        {
                            "publisher": {"name": "Example Check"},
                            "url": "https://check.example/c",
                            "textualRating": "False",
                        }
                    ],
                }
            ],
            "nextPageToken": "abc",
        }
        sparql = {
            "head": {"vars": ["text"]},
            "results": {
                "bindings": [
                    {
                        "text": {"type": "literal", "value": "D"},
                        "ratingName": {"type": "literal", "value": "TRUE"},
                        "source": {"type": "literal", "value": "snopes"},
                        "link": {
                            "type": "uri",
                            "value": "https://s.example/d",
                        },
                    }
                ]
            },
        }
        data = [{"@graph": [{"@type": "WebPage"}, node]}, feed, api, sparql]

        cs, result = imported(data)

        texts = [cs.claim(r.claim).text for r in result.reviews]
        assert texts == ["The moon is made of cheese", "B", "C", "D"]
        assert result.reviews[3].rating.verdict is ct.Verdict.TRUE

    def test_deep_nesting_without_recursion(self) -> None:
        """A review nested 100,000 lists deep is found without recursing."""
        data: Any = review_json()
        for _ in range(100_000):
            data = [data]

        _, result = imported(data)

        assert len(result.reviews) == 1
        assert result.reviews[0].id.startswith("review-")

    def test_empty_data(self) -> None:
        """An empty list or object imports nothing, without error."""
        assert imported([])[1].reviews == ()
        assert imported({})[1].recorded == ()


class TestStrict:
    @pytest.mark.parametrize(
        ("changes", "reason"),
        [
            ({"claimReviewed": None}, "no claim text"),
            ({"claimReviewed": "  "}, "no claim text"),
            ({"claimReviewed": ["", None]}, "no claim text"),
            ({"reviewRating": None}, "no rating"),
            (
                {"reviewRating": {"bestRating": "5", "ratingValue": ""}},
                "no rating",
            ),
            ({"author": None, "url": None}, "no reviewer"),
        ],
    )
    def test_missing_essentials(
        self, changes: dict[str, Any], reason: str
    ) -> None:
        """A review without claim text, rating or reviewer is refused."""
        good = review_json(url="https://check.example/ok", claimReviewed="OK")
        bad = review_json(**changes)
        cs = ct.ClaimSet()

        with pytest.raises(ct.ClaimReviewError) as caught:
            import_claimreviews(cs, [good, bad])

        assert caught.value.path == "$[1]"
        assert caught.value.url == bad.get("url")
        assert reason in caught.value.reason
        assert len(cs) == 0

    def test_collect_skips_and_records_the_rest(self) -> None:
        """With errors="collect", bad records are listed, good ones recorded."""
        good = review_json()
        bad = review_json(claimReviewed=None, url="https://check.example/x")

        cs, result = imported([bad, good], errors="collect")

        (skipped,) = result.skipped
        assert (skipped.path, skipped.url) == (
            "$[0]",
            "https://check.example/x",
        )
        assert skipped.reason.startswith("no claim text")
        assert skipped.data == bad
        assert str(skipped) == (
            "ClaimReview at $[0] (https://check.example/x): no claim text "
            "(claimReviewed is missing or empty)"
        )
        assert len(result.reviews) == 1
        assert cs.reviews == result.reviews
        assert all(r.id in cs for r in result.recorded)

    def test_a_changed_review_is_refused(self) -> None:
        """A review re-imported with another rating is refused, named."""
        cs, _ = imported(review_json())
        before = cs.copy()
        changed = review_json(reviewRating={"alternateName": "True"})

        with pytest.raises(ct.ClaimReviewError, match="rating") as caught:
            import_claimreviews(cs, changed)
        result = import_claimreviews(cs, changed, errors="collect")

        assert "already recorded with other values" in str(caught.value)
        assert len(result.skipped) == 1
        assert cs == before

    def test_an_id_taken_by_another_kind(self) -> None:
        """A generated id already used by another kind of record is refused."""
        cs = ct.ClaimSet()
        _, review = only_review(review_json())
        cs.record_source(review.claim, name="Confusingly named")

        with pytest.raises(
            ct.ClaimReviewError, match="already used by a source"
        ):
            import_claimreviews(cs, review_json())

    @pytest.mark.parametrize("data", ["{}", b"[]", 3, None])
    def test_not_parsed_json(self, data: Any) -> None:
        """Text, bytes or scalars are refused: parse the JSON first."""
        with pytest.raises(ct.ClaimReviewError, match=r"json\.load"):
            import_claimreviews(ct.ClaimSet(), data)

    @pytest.mark.parametrize(
        "data", [{"@type": "NewsArticle"}, [{"a": 1}, [2]], {"@graph": []}]
    )
    def test_nothing_found(self, data: Any) -> None:
        """Data with no review in it at all is an error."""
        with pytest.raises(ct.ClaimReviewError, match="no ClaimReview found"):
            import_claimreviews(ct.ClaimSet(), data)

    def test_bad_options(self) -> None:
        """An unknown errors mode or bad labels are invalid values."""
        with pytest.raises(ct.InvalidValueError):
            import_claimreviews(ct.ClaimSet(), [], errors="ignore")  # type: ignore[arg-type]
        with pytest.raises(ct.InvalidValueError):
            import_claimreviews(ct.ClaimSet(), [], labels={"x": "nope"})

    def test_error_class(self) -> None:
        """ClaimReviewError is a ClaimtrackError and a ValueError, picklable."""
        error = ct.ClaimReviewError(
            "$[2]", "no rating", url="https://x.example"
        )

        assert isinstance(error, ct.ClaimtrackError)
        assert isinstance(error, ValueError)
        assert (
            str(error) == "ClaimReview at $[2] (https://x.example): no rating"
        )
        again = pickle.loads(pickle.dumps(error))  # noqa: S301
        assert (again.path, again.reason, again.url) == (
            "$[2]",
            "no rating",
            "https://x.example",
        )
        assert str(ct.ClaimReviewError("$", "x")) == "ClaimReview at $: x"
        assert ct.exceptions.ClaimReviewError is ct.ClaimReviewError


class TestIds:
    def test_ids_are_stable_across_sets(self) -> None:
        """The same data gives the same ids in any claim set."""
        first, _ = imported(review_json())
        second, _ = imported(review_json())

        assert first == second

    def test_one_review_url_many_claims(self) -> None:
        """Reviews of two claims on one page are two reviews."""
        _, result = imported(
            [review_json(), review_json(claimReviewed="The sun is cold")]
        )

        assert len({r.id for r in result.reviews}) == 2

    def test_sources_are_matched_by_name(self) -> None:
        """An existing source of the same name or alias is used."""
        cs = ct.ClaimSet()
        cs.record_source("ec", name="EC", aliases=["Example Check"])

        result = import_claimreviews(cs, review_json())

        assert result.reviews[0].reviewer == "ec"
        assert [type(r) for r in result.recorded] == [ct.Claim, ct.Review]

    def test_ambiguous_names_make_a_new_source(self) -> None:
        """When two sources share the name, the import makes its own."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="Example Check")
        cs.record_source("b", name="Example Check")

        result = import_claimreviews(cs, review_json())

        assert result.reviews[0].reviewer not in ("a", "b")

    def test_labels_for_one_import(self) -> None:
        """Extra labels decide the verdict of this import's ratings."""
        data = review_json(reviewRating={"alternateName": "Pants on Fire!!"})
        unusual = review_json(
            reviewRating={"alternateName": "Four Pinocchios"}
        )

        _, plain = only_review(unusual)
        _, extended = imported(unusual, labels={"four pinocchios": "false"})
        _, known = only_review(data)

        assert plain.rating.verdict is ct.Verdict.OTHER
        assert extended.reviews[0].rating.verdict is ct.Verdict.FALSE
        assert known.rating.verdict is ct.Verdict.FALSE


def hand_made() -> ct.ClaimSet:
    """A fact-check of a mayor's claim, relayed by a TV channel."""
    cs = ct.ClaimSet()
    cs.record_source("checker", name="Example Check")
    cs.record_source("mayor", name="The Mayor", kind="person", aliases=["M."])
    cs.record_source("tv", name="A TV channel")
    cs.record_claim("c", text="Crime fell by half")
    cs.record_document("speech", url="https://tv.example/s", date="2025-01-02")
    cs.record_document("clip", url="https://tv.example/c", title="Clip")
    cs.record_statement("s1", claim="c", source="mayor", document="speech")
    cs.record_statement("s2", claim="c", source="tv", document="clip")
    cs.record_review(
        "r",
        claim="c",
        reviewer="checker",
        date="2025-01-05",
        rating=ct.Rating(label="Mostly false", value=2, best=5, worst=1),
        url="https://check.example/r",
        title="Crime did not halve",
        summary="It fell by a tenth.",
        reviewed=["s1", "s2"],
    )
    return cs


def incomplete() -> ct.ClaimSet:
    """Two reviews Google would refuse, and a complete one between them."""
    cs = ct.ClaimSet()
    cs.record_source("checker", name="Example Check")
    cs.record_claim("c", text="Crime fell by half")
    cs.record_review(
        "r1",
        claim="c",
        reviewer="checker",
        date=None,
        rating=ct.Rating(value=2),
    )
    cs.record_review(
        "r2",
        claim="c",
        reviewer="checker",
        date="2025-01-06",
        rating="False",
        url="https://check.example/r2",
    )
    cs.record_review(
        "r3",
        claim="c",
        reviewer="checker",
        date="2025-01-07",
        rating=ct.Rating(label="True"),
    )
    return cs


class TestExport:
    def test_hand_made_review(self) -> None:
        """A review recorded by hand exports with its claimant and numbers."""
        cs = hand_made()

        (exported,) = export(cs)

        assert exported == {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": "https://check.example/r",
            "claimReviewed": "Crime fell by half",
            "datePublished": "2025-01-05",
            "name": "Crime did not halve",
            "description": "It fell by a tenth.",
            "author": {"@type": "Organization", "name": "Example Check"},
            "reviewRating": {
                "@type": "Rating",
                "alternateName": "Mostly false",
                "name": "Mostly false",
                "ratingValue": 2,
                "bestRating": 5,
                "worstRating": 1,
            },
            "itemReviewed": {
                "@type": "Claim",
                "author": [
                    {
                        "@type": "Person",
                        "name": "The Mayor",
                        "alternateName": ["M."],
                    },
                    {"@type": "Organization", "name": "A TV channel"},
                ],
                "datePublished": "2025-01-02",
                "firstAppearance": {
                    "@type": "CreativeWork",
                    "url": "https://tv.example/s",
                    "datePublished": "2025-01-02",
                },
                "appearance": [
                    {
                        "@type": "CreativeWork",
                        "url": "https://tv.example/s",
                        "datePublished": "2025-01-02",
                    },
                    {
                        "@type": "CreativeWork",
                        "url": "https://tv.example/c",
                        "headline": "Clip",
                    },
                ],
            },
        }

    def test_claim_date_from_the_document(self) -> None:
        """A statement without a date of its own is dated by its document."""
        cs = hand_made()

        (exported,) = export(cs)

        assert cs.statement("s1").date is None
        assert exported["itemReviewed"]["datePublished"] == "2025-01-02"

    def test_claim_date_of_its_own_comes_first(self) -> None:
        """A statement's own date is the claim's, not its document's."""
        cs = hand_made()
        cs.record_statement(
            "s0",
            claim="c",
            source="mayor",
            document="clip",
            date="2025-01-01T20:00:00+01:00",
        )
        review = attrs_evolve(cs.review("r"), reviewed=("s0", "s1"))
        again = ct.ClaimSet()
        again.record_many([*(r for r in cs if r.id != "r"), review])

        (exported,) = export(again)

        item = exported["itemReviewed"]
        assert item["datePublished"] == "2025-01-01T20:00:00+01:00"
        assert item["firstAppearance"]["url"] == "https://tv.example/c"
        assert [w["url"] for w in item["appearance"]] == [
            "https://tv.example/c",
            "https://tv.example/s",
        ]

    def test_statements_without_documents_add_no_appearance(self) -> None:
        """A reviewed statement without a document has no appearance."""
        cs = ct.ClaimSet()
        cs.record_source("checker", name="Example Check")
        cs.record_source("poster", name="A viral account")
        cs.record_claim("c", text="Crime fell by half")
        cs.record_statement("s", claim="c", source="poster")
        cs.record_review(
            "r",
            claim="c",
            reviewer="checker",
            date=None,
            rating="False",
            url="https://check.example/r",
            reviewed=["s"],
        )

        (exported,) = export(cs)

        assert exported["itemReviewed"] == {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": "A viral account"},
        }

    def test_incomplete_reviews_are_refused(self) -> None:
        """By default nothing is exported; every missing property is named."""
        cs = incomplete()

        with pytest.raises(ct.ClaimReviewExportError) as caught:
            export_claimreviews(cs)

        error = caught.value
        assert isinstance(error, ct.ClaimReviewError)
        assert [
            (p.review, p.position, p.property) for p in error.problems
        ] == [
            ("r1", 0, "url"),
            ("r1", 0, "reviewRating.alternateName"),
            ("r3", 2, "url"),
        ]
        assert (error.path, error.url) == ("$[0]", None)
        assert error.reason.startswith("no url (Google requires the address")
        lines = str(error).splitlines()
        assert lines[0] == (
            "3 properties Google requires are missing from 2 review(s); "
            "nothing exported; strict=False exports them anyway:"
        )
        assert lines[1] == (
            "  review 'r1': no url (Google requires the address of the page "
            "that publishes the fact-check: give the review a url)"
        )
        assert lines[2] == (
            "  review 'r1': no reviewRating.alternateName (Google requires "
            "the rating as readers see it, such as 'False': give the rating "
            "a label)"
        )
        assert lines[3].startswith("  review 'r3': no url (")

    def test_one_missing_property_is_one_line(self) -> None:
        """A single problem is reported on one line, naming the review."""
        cs = hand_made()
        review = attrs_evolve(cs.review("r"), url=None)
        again = ct.ClaimSet()
        again.record_many([*(r for r in cs if r.id != "r"), review])

        with pytest.raises(ct.ClaimReviewExportError) as caught:
            export_claimreviews(again)

        assert str(caught.value) == (
            "review 'r': no url (Google requires the address of the page "
            "that publishes the fact-check: give the review a url); nothing "
            "exported; strict=False exports it anyway"
        )

    def test_incomplete_reviews_exported_on_request(self) -> None:
        """With strict=False they are written, and the problems listed."""
        cs = incomplete()

        result = export(cs, strict=False)

        assert isinstance(result, list)
        assert [p.review for p in result.problems] == ["r1", "r1", "r3"]
        assert str(result.problems[2]) == (
            "review 'r3': no url (Google requires the address of the page "
            "that publishes the fact-check: give the review a url)"
        )
        first, second, third = result
        assert first["reviewRating"] == {"@type": "Rating", "ratingValue": 2}
        assert "url" not in first
        assert "datePublished" not in first
        assert first["itemReviewed"] == {"@type": "Claim"}
        assert second["url"] == "https://check.example/r2"
        assert "url" not in third
        assert json.loads(json.dumps(result)) == result

    def test_complete_reviews_have_no_problems(self) -> None:
        """strict=False changes nothing for complete reviews."""
        cs = hand_made()

        strict, lenient = export(cs), export(cs, strict=False)

        assert strict == lenient
        assert strict.problems == lenient.problems == ()

    def test_the_error_survives_pickling(self) -> None:
        """The export error keeps its problems and message when pickled."""
        with pytest.raises(ct.ClaimReviewExportError) as caught:
            export_claimreviews(incomplete())

        again = pickle.loads(pickle.dumps(caught.value))  # noqa: S301

        assert type(again) is ct.ClaimReviewExportError
        assert again.problems == caught.value.problems
        assert str(again) == str(caught.value)

    def test_long_claims_warn(self) -> None:
        """A claimReviewed over 75 characters is written, with a warning."""
        cs = hand_made()
        long = "x" * 76
        cs.record_claim("long", text=long)
        cs.record_claim("limit", text="y" * 75)
        for claim in ("long", "limit"):
            cs.record_review(
                f"r-{claim}",
                claim=claim,
                reviewer="checker",
                date=None,
                rating="False",
                url=f"https://check.example/{claim}",
            )

        with pytest.warns(ct.ClaimReviewWarning) as caught:
            exported = export_claimreviews(cs)

        assert [str(w.message) for w in caught] == [
            (
                "review 'r-long': claimReviewed has 76 characters; Google "
                "advises at most 75 (longer claims wrap on phones)"
            )
        ]
        assert [e["claimReviewed"] for e in exported] == [
            "Crime fell by half",
            "y" * 75,
            long,
        ]

    def test_refusal_comes_before_warnings(self) -> None:
        """A refused export warns about nothing."""
        cs = incomplete()
        cs.record_claim("long", text="x" * 100)
        cs.record_review(
            "r4", claim="long", reviewer="checker", date=None, rating="F"
        )

        with pytest.raises(ct.ClaimReviewExportError):
            export_claimreviews(cs)

    @pytest.mark.parametrize("strict", ["no", None, 0])
    def test_strict_must_be_a_bool(self, strict: Any) -> None:
        """A strict that is not True or False is an invalid value."""
        with pytest.raises(ct.InvalidValueError, match="strict"):
            export_claimreviews(hand_made(), strict=strict)

    def test_sorted_by_id_and_json_ready(self) -> None:
        """Reviews come in id order and serialise as JSON."""
        cs = ct.ClaimSet()
        for path in ALL[:5]:
            import_claimreviews(cs, load(path))

        exported = export(cs)

        ids = sorted(r.id for r in cs.reviews)
        urls = [cs.review(i).url for i in ids]
        assert [e["url"] for e in exported] == urls
        assert json.loads(json.dumps(exported)) == exported

    def test_export_does_not_change_the_set(self) -> None:
        """Exporting leaves the claim set as it was."""
        cs, _ = imported(fixture("jsonld_comprova_pt.json"))
        before = cs.copy()

        export(cs)

        assert cs == before

    def test_empty_set(self) -> None:
        """A set without reviews exports an empty list."""
        result = export_claimreviews(ct.example())

        assert result == []
        assert result.problems == ()


class TestVerdictRule:
    def test_a_known_label_decides_on_import(self) -> None:
        """'Mostly false' rated 2 of 5 is mixture on import, as elsewhere."""
        rating = {
            "@type": "Rating",
            "alternateName": "Mostly false",
            "ratingValue": 2,
            "bestRating": 5,
            "worstRating": 1,
        }

        _, review = only_review(review_json(reviewRating=rating))

        assert review.rating.verdict is ct.Verdict.MIXTURE
        assert ct.verdict_of("Mostly false") is ct.Verdict.MIXTURE
        assert (
            ct.verdict_of("Mostly false", value=2, best=5, worst=1)
            is ct.Verdict.MIXTURE
        )
        assert (
            ct.Rating(label="Mostly false", value=2, best=5, worst=1)
            == review.rating
        )

    def test_an_unknown_label_leaves_it_to_the_scale(self) -> None:
        """An unknown label with a usable scale takes the scale's verdict."""
        rating = {
            "alternateName": "Two Pinocchios",
            "ratingValue": "2",
            "bestRating": "5",
            "worstRating": "1",
        }

        _, review = only_review(review_json(reviewRating=rating))

        assert review.rating.verdict is ct.Verdict.FALSE

    def test_labels_for_the_import_decide_too(self) -> None:
        """A label given to the import decides over the scale."""
        rating = {
            "alternateName": "Two Pinocchios",
            "ratingValue": 2,
            "bestRating": 5,
            "worstRating": 1,
        }

        _, result = imported(
            review_json(reviewRating=rating),
            labels={"two pinocchios": "mixture"},
        )

        assert result.reviews[0].rating.verdict is ct.Verdict.MIXTURE


class TestOffsets:
    @pytest.mark.parametrize(
        ("raw", "read"),
        [
            ("2020-03-04T10:00:00+5:30", "2020-03-04T10:00:00+05:30"),
            ("2020-03-04T10:00:00-3", "2020-03-04T10:00:00-03:00"),
            ("2020-03-04T10:00:00 +05:30", "2020-03-04T10:00:00+05:30"),
            ("2020-03-04 10:00 +5:45", "2020-03-04T10:00:00+05:45"),
            ("2020-03-04T10:00:00.250+9", "2020-03-04T10:00:00.250000+09:00"),
        ],
    )
    def test_loose_offsets_are_read(self, raw: str, read: str) -> None:
        """An offset with one reading is read, wherever the date is."""
        data = review_json(
            datePublished=raw,
            itemReviewed={
                "@type": "Claim",
                "author": {"name": "Someone"},
                "datePublished": raw,
                "firstAppearance": {
                    "url": "https://x.example/p",
                    "datePublished": raw,
                },
            },
        )

        cs, result = imported(data)

        (review,) = result.reviews
        (statement,) = (cs.statement(s) for s in review.reviewed)
        assert review.date == ct.PartialDate.parse(read)
        assert statement.date == ct.PartialDate.parse(read)
        assert cs.document(statement.document).date == review.date
        assert result.notes == ()

    @pytest.mark.parametrize(
        "raw",
        [
            "2020-03-04T10:00:00+5:3",  # 30 minutes, or 3?
            "2020-03-04T10:00:00+24:00",
            "2020-03-04T10:00:00+5:60",
            "2020-03-04T10:00:00+5:30:00",
        ],
    )
    def test_other_offsets_are_still_left_out(self, raw: str) -> None:
        """An offset that cannot be read for sure is left out, with a note."""
        _, result = imported(review_json(datePublished=raw))

        assert result.reviews[0].date is None
        assert result.notes == (
            f"$.datePublished: {raw!r} is not an ISO 8601 date; left out",
        )

    def test_a_repaired_date_exports_as_iso_8601(self) -> None:
        """What is read is written back as valid ISO 8601."""
        cs, _ = imported(review_json(datePublished="2020-03-04T10:00:00+5:30"))

        (exported,) = export(cs)

        assert exported["datePublished"] == "2020-03-04T10:00:00+05:30"


class TestClashes:
    def test_a_hand_made_record_under_a_generated_id(self) -> None:
        """A different record already under a generated id is a clash."""
        _, first = imported(review_json())
        claim_id = first.reviews[0].claim
        cs = ct.ClaimSet()
        cs.record_claim(claim_id, text="Something else entirely")

        with pytest.raises(ct.ClaimReviewError, match="another claim"):
            import_claimreviews(cs, review_json())

        assert len(cs) == 1

    def test_a_source_seen_again_with_aliases_is_the_same(self) -> None:
        """A reviewer met again with more names is the source first made."""
        cs, first = imported(review_json())
        again = review_json(
            claimReviewed="Another claim",
            author={"name": ["Example Check", "EC"]},
        )

        second = import_claimreviews(cs, again)

        assert second.reviews[0].reviewer == first.reviews[0].reviewer
        assert cs.source(first.reviews[0].reviewer).aliases == ()


class TestSameAs:
    def test_the_reviewer_keeps_its_identifiers(self) -> None:
        """A reviewer's sameAs become its source's identifiers."""
        cs, review = only_review(fixture("jsonld_afp_en.json"))

        assert cs.source(review.reviewer).identifiers == (
            "https://twitter.com/AFPFactCheck",
        )

    def test_a_list_keeps_its_order(self) -> None:
        """A list of sameAs is kept whole, in order."""
        cs, review = only_review(fixture("jsonld_boom_bn.json"))

        reviewer = cs.source(review.reviewer)
        assert reviewer.name == "Srijit Das"
        assert reviewer.identifiers == (
            "https://www.twitter.com/srijitofficial",
        )

    def test_the_claimant_keeps_its_identifiers(self) -> None:
        """The claim's author's sameAs become the claimant's identifiers."""
        cs, review = only_review(fixture("jsonld_africacheck_en.json"))

        claimant = cs.source(cs.statement(review.reviewed[0]).source)
        assert claimant.identifiers == (
            "https://en.wikipedia.org/wiki/Mzwandile_Masina",
        )

    def test_spaces_around_are_trimmed(self) -> None:
        """India Today's sameAs with spaces around it is read trimmed."""
        cs, review = only_review(fixture("jsonld_indiatoday_en_2022.json"))

        (identifier,) = cs.source(
            cs.statement(review.reviewed[0]).source
        ).identifiers
        assert identifier.startswith("https://www.facebook.com/manmohan")
        assert identifier == identifier.strip()

    def test_what_is_not_a_uri_is_noted(self) -> None:
        """20 Minutes' sameAs "Réseaux sociaux" is left out, with a note."""
        cs, result = imported(
            fixture("jsonld_20minutes_fr_negative_scale.json")
        )

        assert result.notes == (
            (
                "$.itemReviewed.author.sameAs: 'Réseaux sociaux' is not an "
                "absolute URI; left out"
            ),
        )
        assert all(source.identifiers == () for source in cs.sources)

    @pytest.mark.parametrize(
        "name",
        ["jsonld_thequint_en_list_claim.json", "jsonld_boom_hi.json"],
    )
    def test_empty_same_as_is_nothing(self, name: str) -> None:
        """An empty sameAs ("" or []) adds nothing and needs no note."""
        cs, result = imported(fixture(name))

        assert result.notes == ()
        claimant_or_reviewer = [s for s in cs.sources if s.kind == "person"]
        assert all(s.identifiers == () for s in claimant_or_reviewer)

    @pytest.mark.parametrize(
        ("same_as", "identifiers"),
        [
            ("https://x.org/a", ("https://x.org/a",)),
            (
                ["https://x.org/a", "urn:isni:1"],
                ("https://x.org/a", "urn:isni:1"),
            ),
            ([{"@id": "https://x.org/a"}], ("https://x.org/a",)),
            ({"url": "https://x.org/a"}, ("https://x.org/a",)),
            ("twitter.com/check", ("https://twitter.com/check",)),
            ("//x.org/a", ("https://x.org/a",)),
            (["https://x.org/a", "http://www.x.org/a/"], ("https://x.org/a",)),
            (["", None, "https://x.org/a"], ("https://x.org/a",)),
            ("javascript:alert(1)", ("javascript:alert(1)",)),
        ],
    )
    def test_shapes(self, same_as: Any, identifiers: tuple[str, ...]) -> None:
        """Strings, lists and objects are read; repeats are kept once."""
        cs, review = only_review(
            review_json(author={"name": "Example Check", "sameAs": same_as})
        )

        assert cs.source(review.reviewer).identifiers == identifiers

    @pytest.mark.parametrize(
        ("same_as", "note"),
        [
            ("Example Check", "$.author.sameAs: 'Example Check'"),
            (["https://x.org/a", "/about"], "$.author.sameAs[1]: '/about'"),
            ([5], "$.author.sameAs[0]: 5"),
        ],
    )
    def test_bad_values_are_named(self, same_as: Any, note: str) -> None:
        """Each value left out is named by its JSON path."""
        _, result = imported(
            review_json(author={"name": "Example Check", "sameAs": same_as})
        )

        (written,) = result.notes
        assert written.startswith(note)
        assert written.endswith("is not an absolute URI; left out")

    def test_export_writes_same_as(self) -> None:
        """Every author is exported with its identifiers as sameAs."""
        cs = ct.ClaimSet()
        cs.record(
            ct.Source(
                id="checker",
                name="Example Check",
                identifiers=["https://www.wikidata.org/wiki/Q1", "urn:x:1"],
            )
        )
        cs.record(
            ct.Source(
                id="mayor",
                name="The Mayor",
                identifiers=["javascript:alert(1)"],
            )
        )
        cs.record_claim("c", text="Crime fell by half")
        cs.record_statement("s1", claim="c", source="mayor")
        cs.record_review(
            "r",
            claim="c",
            reviewer="checker",
            date=None,
            rating="False",
            url="https://check.example/r",
            reviewed=["s1"],
        )

        (written,) = export(cs)

        assert written["author"]["sameAs"] == [
            "https://www.wikidata.org/wiki/Q1",
            "urn:x:1",
        ]
        assert written["itemReviewed"]["author"]["sameAs"] == [
            "javascript:alert(1)"
        ]
        again, _ = imported(json.loads(json.dumps(written)))
        assert {s.name: s.identifiers for s in again.sources} == {
            s.name: s.identifiers for s in cs.sources
        }

    def test_no_identifiers_no_same_as(self) -> None:
        """A source without identifiers is written without sameAs."""
        (written,) = export(hand_made())

        assert "sameAs" not in written["author"]
        assert "sameAs" not in written["itemReviewed"]["author"][0]

    def test_a_source_recorded_before_is_used_as_it_is(self) -> None:
        """A source of the same name is reused; new identifiers are noted."""
        cs = ct.ClaimSet()
        cs.record_source("ec", name="Example Check")
        data = review_json(
            author={"name": "Example Check", "sameAs": "https://ec.org/"}
        )

        result = import_claimreviews(cs, data)

        assert result.reviews[0].reviewer == "ec"
        assert cs.source("ec").identifiers == ()
        assert result.notes == (
            (
                "$.author.sameAs: 'https://ec.org/' not added to source "
                "'ec', recorded before without it"
            ),
        )

    def test_a_source_imported_before_keeps_its_identifiers(self) -> None:
        """A reviewer met again with other identifiers keeps the first."""
        cs, first = imported(
            review_json(
                author={"name": "Example Check", "sameAs": "https://ec.org/"}
            )
        )
        reviewer = first.reviews[0].reviewer
        again = review_json(
            claimReviewed="Another claim",
            author={
                "name": "Example Check",
                "sameAs": ["http://www.ec.org", "https://x.com/ec"],
            },
        )

        second = import_claimreviews(cs, again)

        assert second.reviews[0].reviewer == reviewer
        assert cs.source(reviewer).identifiers == ("https://ec.org/",)
        assert second.notes == (
            (
                "$.author.sameAs: 'https://x.com/ec' not added to source "
                f"{reviewer!r}, recorded before without it"
            ),
        )


class TestDataFeed:
    def test_shape(self) -> None:
        """The feed is a DataFeed with one DataFeedItem per review."""
        cs = incomplete()
        listed = export(cs, strict=False)

        feed = export(cs, strict=False, form="datafeed")

        assert isinstance(feed, DataFeedResult)
        assert list(feed) == ["@context", "@type", "dataFeedElement"]
        assert (feed["@context"], feed["@type"]) == (
            "https://schema.org",
            "DataFeed",
        )
        assert feed["dataFeedElement"] == [
            {"@type": "DataFeedItem", **url, "item": [written]}
            for written in listed
            for url in [{"url": written["url"]} if "url" in written else {}]
        ]
        assert feed.problems == listed.problems

    def test_refusal_is_the_same(self) -> None:
        """Reviews Google would refuse stop the feed as they stop the list."""
        with pytest.raises(ct.ClaimReviewExportError) as caught:
            export_claimreviews(incomplete(), form="datafeed")

        assert [p.review for p in caught.value.problems] == ["r1", "r1", "r3"]

    @pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
    def test_import_reads_the_feed_back(self, path: Path) -> None:
        """Importing the feed records exactly what the first import did."""
        cs, first = imported(load(path))
        feed = json.loads(json.dumps(export(cs, form="datafeed")))

        again, second = imported(feed)

        assert second.recorded == first.recorded
        assert again == cs

    def test_all_fixtures_in_one_feed(self) -> None:
        """One feed carries every review of a set, and reads back whole."""
        cs = ct.ClaimSet()
        for path in ALL:
            import_claimreviews(cs, load(path))

        feed = json.loads(json.dumps(export(cs, form="datafeed")))

        assert len(feed["dataFeedElement"]) == len(ALL)
        again, _ = imported(feed)
        assert again == cs

    def test_empty_set(self) -> None:
        """A set without reviews gives an empty feed."""
        feed = export_claimreviews(ct.ClaimSet(), form="datafeed")

        assert feed["dataFeedElement"] == []
        assert feed.problems == ()

    @pytest.mark.parametrize("form", ["DataFeed", "feed", None, 1])
    def test_bad_form(self, form: Any) -> None:
        """An unknown form is refused, naming it."""
        with pytest.raises(ct.InvalidValueError, match="form"):
            export_claimreviews(hand_made(), form=form)


def issues_of(data: Any) -> list[tuple[str, str, str]]:
    """The (path, severity, property) of every issue found in *data*."""
    return [
        (issue.path, issue.severity.value, issue.property)
        for issue in check_claimreviews(data)
    ]


def full_review(**fields: Any) -> dict[str, Any]:
    """A ClaimReview with every property Google requires or recommends."""
    rating = {
        "@type": "Rating",
        "alternateName": "False",
        "name": "False",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
    }
    rating.update(fields.pop("rating", {}))
    work = {"@type": "CreativeWork", "url": "https://tv.example/s"}
    defaults: dict[str, Any] = {
        "datePublished": "2025-01-05",
        "reviewRating": {k: v for k, v in rating.items() if v is not None},
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "The Mayor"},
            "datePublished": "2025-01-02",
            "appearance": [work],
            "firstAppearance": work,
        },
    }
    return review_json(**{**defaults, **fields})


class TestCheck:
    def test_a_complete_review_passes(self) -> None:
        """A review with everything Google asks for has no issue."""
        assert check_claimreviews(full_review()) == ()

    def test_an_empty_review(self) -> None:
        """A bare ClaimReview lacks every required and top property."""
        assert issues_of([{"@type": "ClaimReview"}]) == [
            ("$[0]", "required", "claimReviewed"),
            ("$[0]", "required", "url"),
            ("$[0]", "required", "author.name"),
            ("$[0]", "required", "reviewRating.alternateName"),
            ("$[0]", "recommended", "datePublished"),
            ("$[0]", "recommended", "reviewRating.name"),
            ("$[0]", "recommended", "itemReviewed"),
        ]

    def test_an_empty_claim(self) -> None:
        """A bare Claim lacks what Google recommends of it."""
        data = full_review(itemReviewed={"@type": "Claim"})

        assert issues_of(data) == [
            ("$", "recommended", "itemReviewed.author"),
            ("$", "recommended", "itemReviewed.datePublished"),
            ("$", "recommended", "itemReviewed.appearance"),
            ("$", "recommended", "itemReviewed.firstAppearance"),
        ]

    @pytest.mark.parametrize(
        ("rating", "expected"),
        [
            (
                {"ratingValue": None, "bestRating": None, "worstRating": None},
                [],
            ),
            ({"ratingValue": "2", "bestRating": "5", "worstRating": "1"}, []),
            ({"ratingValue": 2.5}, []),
            (
                {"bestRating": None, "worstRating": None},
                ["bestRating", "worstRating"],
            ),
            ({"ratingValue": None}, ["ratingValue"]),
            ({"ratingValue": "2,5"}, ["ratingValue"]),
            ({"ratingValue": "two"}, ["ratingValue"]),
            ({"ratingValue": True}, ["ratingValue"]),
            ({"bestRating": 1}, ["bestRating"]),
            (
                {"bestRating": -1, "worstRating": -1, "ratingValue": -1},
                ["bestRating"],
            ),
            ({"ratingValue": 7}, ["ratingValue"]),
            ({"ratingValue": 0}, ["ratingValue"]),
        ],
    )
    def test_the_rating_scale(
        self, rating: dict[str, Any], expected: list[str]
    ) -> None:
        """A numeric rating is whole, made of numbers, and on its scale."""
        found = issues_of(full_review(rating=rating))

        assert found == [
            ("$", "recommended", f"reviewRating.{name}") for name in expected
        ]

    def test_scale_messages(self) -> None:
        """Scale issues say what is wrong, with the numbers."""
        out_of_scale = full_review(rating={"ratingValue": 7})
        upside_down = full_review(rating={"bestRating": 1, "worstRating": 5})

        (outside,) = check_claimreviews(out_of_scale)
        (reversed_,) = check_claimreviews(upside_down)

        assert outside.message.startswith(
            "is 7, outside the scale from worstRating 1 to bestRating 5"
        )
        assert reversed_.message.startswith(
            "is 1, not greater than worstRating 5"
        )

    def test_advice(self) -> None:
        """Claims and labels longer than 75 characters are advised against."""
        data = full_review(
            claimReviewed="x" * 76, rating={"alternateName": "y" * 80}
        )

        assert [
            (i.severity, i.property, i.message)
            for i in check_claimreviews(data)
        ] == [
            (
                Severity.ADVICE,
                "claimReviewed",
                (
                    "has 76 characters; Google advises at most 75 (longer "
                    "claims wrap on phones)"
                ),
            ),
            (
                Severity.ADVICE,
                "reviewRating.alternateName",
                (
                    "has 80 characters; Google wants a short word or "
                    "phrase (claimtrack advises at most 75)"
                ),
            ),
        ]

    def test_str_names_the_record(self) -> None:
        """An issue reads as path, url, severity, property and message."""
        (issue,) = check_claimreviews(full_review(datePublished=None))

        assert str(issue) == (
            "$ (https://check.example/a): recommended: datePublished is "
            "missing; Google recommends the date the fact-check was published"
        )
        assert isinstance(issue, ClaimReviewIssue)

    def test_paths_in_a_feed(self) -> None:
        """In a DataFeed, issues name each ClaimReview by its JSON path."""
        feed = export_claimreviews(incomplete(), strict=False, form="datafeed")

        required = [
            (path, name)
            for path, severity, name in issues_of(feed)
            if severity == "required"
        ]

        assert required == [
            ("$.dataFeedElement[0].item[0]", "url"),
            ("$.dataFeedElement[0].item[0]", "reviewRating.alternateName"),
            ("$.dataFeedElement[2].item[0]", "url"),
        ]

    def test_one_rule_set_with_the_export(self) -> None:
        """What the export refuses is exactly what the check calls required."""
        written = export_claimreviews(incomplete(), strict=False)

        required = [
            (issue.path, issue.property)
            for issue in check_claimreviews(written)
            if issue.severity is Severity.REQUIRED
        ]

        assert required == [
            (f"$[{p.position}]", p.property) for p in written.problems
        ]

    @pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
    def test_exports_of_real_reviews_have_all_google_requires(
        self, path: Path
    ) -> None:
        """What claimtrack exports from real data has no required issue."""
        cs, _ = imported(load(path))

        found = check_claimreviews(export(cs))

        assert [i for i in found if i.severity is Severity.REQUIRED] == []

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            (
                "jsonld_newschecker_en_empty_rating.json",
                ("recommended", "reviewRating.ratingValue"),
            ),
            (
                "jsonld_20minutes_fr_negative_scale.json",
                ("recommended", "reviewRating.bestRating"),
            ),
            (
                "jsonld_lupa_pt.json",
                ("recommended", "reviewRating.worstRating"),
            ),
            (
                "jsonld_comprova_pt.json",
                ("advice", "reviewRating.alternateName"),
            ),
        ],
    )
    def test_real_markup_as_published(
        self, name: str, expected: tuple[str, str]
    ) -> None:
        """Published markup is checked as it is, quirks and all."""
        found = [
            (severity, prop) for _, severity, prop in issues_of(fixture(name))
        ]

        assert expected in found

    def test_empty_list_or_feed(self) -> None:
        """An empty list, or an empty feed, holds nothing to check."""
        empty = export_claimreviews(ct.ClaimSet(), form="datafeed")

        assert check_claimreviews([]) == check_claimreviews(empty) == ()

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ("[]", "expected parsed JSON"),
            (5, "expected parsed JSON"),
            ({"@type": "DataFeed"}, "no ClaimReview found"),
            ([{"@type": "Claim"}], "no ClaimReview found"),
        ],
    )
    def test_not_claimreview(self, data: Any, message: str) -> None:
        """Data that is not ClaimReview is refused, not passed."""
        with pytest.raises(ct.ClaimReviewError, match=message):
            check_claimreviews(data)


class TestHostileFeeds:
    @pytest.mark.parametrize(
        ("fields", "reason"),
        [
            (
                {"reviewRating": {"ratingValue": 10**400}},
                "no rating",
            ),
            ({"claimReviewed": "a\ud800"}, "lone surrogate"),
            (
                {"author": {"@type": "Organization", "name": "x\udfff"}},
                "lone surrogate",
            ),
        ],
    )
    def test_one_bad_review_is_skipped(
        self, fields: dict[str, Any], reason: str
    ) -> None:
        """One bad review is skipped with its reason; the others go in."""
        feed = [
            review_json(url="https://check.example/1", claimReviewed="A"),
            review_json(url="https://check.example/2", **fields),
            review_json(url="https://check.example/3", claimReviewed="C"),
        ]

        cs, result = imported(feed, errors="collect")

        assert len(result.reviews) == 2
        (skipped,) = result.skipped
        assert skipped.path == "$[1]"
        assert reason in skipped.reason
        str(skipped).encode()
        cs.to_json().encode()

    @pytest.mark.parametrize("url", ["http://[::1/x", "http://[oops]/"])
    def test_unreadable_url(self, url: str) -> None:
        """A URL urllib cannot split is no URL, and no crash."""
        feed = [review_json(url=url), review_json(url="https://c.example/b")]

        _, result = imported(feed, errors="collect")

        assert [review.url for review in result.reviews] == [
            None,
            "https://c.example/b",
        ]

    def test_markup_html_parser_cannot_read(self) -> None:
        """A description html.parser stops on is read as text."""
        _, review = only_review([review_json(description="<![a]>Fine")])

        assert review.summary == "Fine"

    def test_raise_names_the_review(self) -> None:
        """With errors="raise", the bad review is named in the error."""
        feed = [review_json(claimReviewed="a\ud800")]

        cs = ct.ClaimSet()
        with pytest.raises(ct.ClaimReviewError, match=r"\$\[0\]"):
            import_claimreviews(cs, feed)
        assert len(cs) == 0

    def test_self_reference_refused(self) -> None:
        """Data that contains itself is refused, not walked forever."""
        data: dict[str, Any] = {"items": [review_json()]}
        data["items"].append(data)

        cs = ct.ClaimSet()
        with pytest.raises(ct.ClaimReviewError, match="contains itself"):
            import_claimreviews(cs, data, errors="collect")
        assert len(cs) == 0

    def test_shared_parts_read_once(self) -> None:
        """A node shared by two places in Python data is read once."""
        node = review_json()

        _, result = imported([node, {"@graph": [node]}])

        assert len(result.reviews) == 1

    def test_many_authors(self) -> None:
        """8,000 claimants import in linear time (89 s before)."""
        authors = [
            {"@type": "Person", "name": f"Person {i}"} for i in range(8000)
        ]
        item = {"@type": "Claim", "author": authors}

        cs, result = imported([review_json(itemReviewed=item)])

        assert len(cs.sources) == 8001
        assert len(result.reviews[0].reviewed) == 8000

    def test_unclosed_tags(self) -> None:
        """A description of 80,000 unclosed tags is read in linear time."""
        _, review = only_review([review_json(description="<a" * 80_000)])

        assert review.summary == "<a" * 80_000


def test_a_lone_surrogate_in_a_url_gives_a_printable_reason() -> None:
    """The skip reason and the error escape what UTF-8 cannot hold."""
    feed = [
        {
            "@type": "ClaimReview",
            "url": "a\ud800",
            "claimReviewed": "Claim number 0",
            "author": {"@type": "Organization", "name": "Example Check"},
            "reviewRating": {"@type": "Rating", "alternateName": "False"},
        }
    ]
    cs = ct.example()

    result = ct.claimreview.import_claimreviews(cs, feed, errors="collect")

    (skipped,) = result.skipped
    assert skipped.url == "a\ud800"  # kept as data
    assert "a\\ud800" in str(skipped).encode().decode()
    with pytest.raises(ct.ClaimReviewError) as raised:
        ct.claimreview.import_claimreviews(cs, feed, errors="raise")
    str(raised.value).encode()
