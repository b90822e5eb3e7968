# SPDX-License-Identifier: MIT
"""
The bundled example: a news article on a Sahel counter-offensive.

An online outlet relays a communiqué of the General Staff of Mali's armed
forces (FAMa), which cites an inquiry by the Alliance of Sahel States
(AES), of which Mali is a member. Thirteen claims, one voice.

The article's publication date is not known; this example **assumes** it
was published on Thursday 5 June 2025, so that the communiqué "issued on
Wednesday" falls on 4 June 2025. The claims are paraphrased.
"""

from __future__ import annotations

from claimtrack._claimset import ClaimSet
from claimtrack._uranium import uranium
from claimtrack.exceptions import InvalidValueError


__all__ = ["ASSUMED_ARTICLE_DATE", "example"]

ASSUMED_ARTICLE_DATE = "2025-06-05"
"""The publication date this example assumes for the article."""

# (claim id, text, places, modality, how the outlet takes it up)
_COMMUNIQUE_CLAIMS = (
    (
        "c1",
        (
            "The Malian armed forces have launched a counter-offensive across "
            "the country after a rise in terrorist activity."
        ),
        ("Mali",),
        None,
        "relays",
    ),
    (
        "c2",
        (
            "Actors inside and outside Mali are fuelling the crisis in Mali "
            "and the Sahel."
        ),
        ("Mali", "Sahel"),
        "alleged",
        "relays",
    ),
    (
        "c4",
        (
            "Terrorist shelters and logistics hubs were destroyed in the "
            "Ménaka region."
        ),
        ("Ménaka",),
        None,
        "relays",
    ),
    (
        "c5",
        (
            "Several terrorist cells were neutralised in the Boulkessi sector "
            "of the Douentza region."
        ),
        ("Boulkessi", "Boulikessi", "Douentza"),
        None,
        "relays",
    ),
    (
        "c6",
        (
            "Terrorist hideouts were destroyed in the Soussan forest, in the "
            "Koulikoro region."
        ),
        ("Soussan", "Koulikoro"),
        None,
        "relays",
    ),
    (
        "c7",
        (
            "At Yenchechi, 50 km west of Kidal, a logistics convoy of "
            "personnel carriers and cargo vehicles was destroyed together "
            "with several senior fighters."
        ),
        ("Yenchechi", "Kidal"),
        "reported",
        "relays",
    ),
    (
        "c8",
        (
            "North of Yenchechi, about ten fighters and three pickup trucks "
            "were eliminated."
        ),
        ("Yenchechi",),
        None,
        "relays",
    ),
    (
        "c9",
        (
            "A column that attacked the FAMa camp at Tessit was driven back "
            "and pursued."
        ),
        ("Tessit",),
        None,
        "quotes",
    ),
    (
        "c10",
        (
            "Every unit of the AES unified force stays on alert, the "
            "search-and-destroy operation goes on, and suspected "
            "collaborators are being watched."
        ),
        (),
        None,
        "quotes",
    ),
)


def example(case: str = "sahel") -> ClaimSet:
    """
    A fresh `ClaimSet` holding a bundled case: by default the Sahel one.

    ``example("uranium")`` gives the second case instead: the 2001-2003
    claim that Iraq sought uranium from Africa, 19 sources resting on
    forged Niger documents (the documentation's page "A second case:
    uranium from Africa" reads it).

    The Sahel case holds all 13 claims of the article with their
    attribution chains: the outlet relays the FAMa General Staff's
    communiqué; the communiqué
    cites an AES inquiry (claim ``c3``) and earlier joint statements of
    the AES member states (``c13``); the outlet speaks in its own voice
    for ``c11`` and ``c12``. Mali is a member of the AES, so nothing in
    the article is independently corroborated. The article date is an
    assumption: `ASSUMED_ARTICLE_DATE`.

    Raises:
        InvalidValueError: If *case* is neither ``"sahel"`` nor
            ``"uranium"``.
    """
    if case == "uranium":
        return uranium()
    if case != "sahel":
        raise InvalidValueError(
            "case", case, "the bundled cases are 'sahel' and 'uranium'"
        )
    cs = ClaimSet()
    _record_sources(cs)
    cs.record_document(
        "article",
        publisher="outlet",
        date=ASSUMED_ARTICLE_DATE,
        title="Mali: the army announces a counter-offensive",
        kind="article",
    )
    cs.record_document(
        "communique",
        publisher="fama-gs",
        date="Wednesday",
        relative_to=ASSUMED_ARTICLE_DATE,
        title="Communiqué of the General Staff of the Armed Forces",
        kind="communique",
    )
    cs.record_document(
        "aes-report",
        publisher="aes-inquiry",
        title="Findings of the AES inquiry",
        kind="report",
    )
    cs.record_document(
        "aes-declarations",
        publisher="aes-states",
        title="Earlier joint statements of the AES member states",
        kind="statement",
    )
    for claim, text, places, modality, via in _COMMUNIQUE_CLAIMS:
        cs.record_claim(claim, text=text, places=places, event_date="2025-06")
        _communique_chain(cs, claim, modality=modality, via=via)

    _cited_claim(
        cs,
        "c3",
        "A coalition of armed terrorist groups, with operational, "
        "logistical, financial and informational backing, is active in "
        "the region.",
        origin=("aes-inquiry", "aes-report"),
    )
    _cited_claim(
        cs,
        "c13",
        "The AES countries earlier condemned alleged foreign-backed "
        "support for terrorism as a threat to national and regional "
        "security.",
        origin=("aes-states", "aes-declarations"),
    )

    cs.record_claim(
        "c11",
        text="JNIM attacked the town of Boulkessi and seized a military "
        "base there.",
        places=("Boulkessi", "Boulikessi"),
        event_date="2025-06",
    )
    cs.record_claim(
        "c12",
        text="JNIM carried out a separate assault in Timbuktu.",
        places=("Timbuktu",),
        event_date="2025-06",
    )
    for claim in ("c11", "c12"):
        cs.record_statement(
            f"{claim}-outlet",
            claim=claim,
            source="outlet",
            document="article",
            date=ASSUMED_ARTICLE_DATE,
        )
    # An army success at Boulkessi and the army's base there being seized
    # pull in different directions: linked, never merged.
    cs.link("c5", "related", "c11")
    return cs


def _record_sources(cs: ClaimSet) -> None:
    cs.record_source("mali", name="Republic of Mali", kind="state")
    cs.record_source("niger", name="Republic of Niger", kind="state")
    cs.record_source("burkina-faso", name="Burkina Faso", kind="state")
    cs.record_source(
        "fama",
        name="Armed Forces of Mali",
        kind="armed_force",
        aliases=(
            "FAMa",
            "Forces Armées Maliennes",
            "Malian military",
            "Armed Forces of the Republic of Mali",
        ),
    )
    cs.record_source(
        "fama-gs",
        name="FAMa General Staff",
        kind="armed_force",
        aliases=("General Staff of the Armed Forces of Mali",),
    )
    cs.record_source(
        "aes",
        name="Alliance of Sahel States",
        kind="alliance",
        aliases=("AES", "Alliance des États du Sahel"),
    )
    cs.record_source(
        "aes-inquiry",
        name="AES investigation",
        kind="investigation",
    )
    cs.record_source(
        "aes-states",
        name="AES member states (joint statements)",
        kind="government",
    )
    cs.record_source(
        "jnim",
        name="JNIM",
        kind="armed_group",
        aliases=("Jama'a Nusrat ul-Islam wa al-Muslimin",),
    )
    cs.record_source("outlet", name="The outlet", kind="news_outlet")

    cs.link("fama-gs", "part_of", "fama")
    cs.link("fama", "part_of", "mali")
    # The Liptako-Gourma Charter founding the AES was signed on
    # 16 September 2023.
    for state in ("mali", "niger", "burkina-faso"):
        cs.link(state, "member_of", "aes", valid_from="2023-09-16")
    cs.link("aes-inquiry", "controlled_by", "aes")
    cs.link("aes-states", "speaks_for", "aes")


def _cited_claim(
    cs: ClaimSet, claim: str, text: str, *, origin: tuple[str, str]
) -> None:
    """An AES text says it; the communiqué cites it; the outlet relays."""
    source, document = origin
    cs.record_claim(
        claim, text=text, places=("Sahel",), tags=("foreign backing",)
    )
    cs.record_statement(
        f"{claim}-aes", claim=claim, source=source, document=document
    )
    _communique_chain(cs, claim, cites=f"{claim}-aes")


def _communique_chain(
    cs: ClaimSet,
    claim: str,
    *,
    modality: str | None = None,
    via: str = "relays",
    cites: str | None = None,
) -> None:
    """The General Staff says it in the communiqué; the outlet passes it on."""
    cs.record_statement(
        f"{claim}-fama",
        claim=claim,
        source="fama-gs",
        document="communique",
        date=cs.document("communique").date,
        modality=modality,
        derives_from=() if cites is None else (cites,),
        via=None if cites is None else "cites",
    )
    cs.record_statement(
        f"{claim}-outlet",
        claim=claim,
        source="outlet",
        document="article",
        date=ASSUMED_ARTICLE_DATE,
        modality=modality,
        derives_from=(f"{claim}-fama",),
        via=via,
    )
