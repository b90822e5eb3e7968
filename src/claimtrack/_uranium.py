# SPDX-License-Identifier: MIT
"""The second bundled case: "Iraq sought uranium from Africa" (2001-2003)."""

from __future__ import annotations

from claimtrack._claimset import ClaimSet


__all__ = ["uranium"]

_SOURCES = (
    # id, name, kind, aliases
    ("forgers", "Forgers of the Niger documents", "person", ()),
    ("martino", "Rocco Martino", "person", ("Giacomo",)),
    ("sismi", "SISMI", "government", ("Italian military intelligence",)),
    ("italy", "Italian Republic", "state", ("Italy",)),
    ("cia", "Central Intelligence Agency", "government", ("CIA",)),
    ("us-ic", "US intelligence community", "government", ()),
    ("usa", "United States of America", "state", ("United States", "US")),
    ("white-house", "The White House", "government", ()),
    ("bush", "George W. Bush", "person", ("President Bush",)),
    ("fleischer", "Ari Fleischer", "person", ()),
    ("mi6", "Secret Intelligence Service", "government", ("SIS", "MI6")),
    ("jic", "Joint Intelligence Committee", "government", ("JIC",)),
    ("uk", "United Kingdom", "state", ("British government",)),
    ("blair", "Tony Blair", "person", ()),
    ("iaea", "International Atomic Energy Agency", "alliance", ("IAEA",)),
    ("elbaradei", "Mohamed ElBaradei", "person", ()),
    ("un", "United Nations", "alliance", ("UN",)),
    ("wilson", "Joseph C. Wilson IV", "person", ("Joe Wilson",)),
    ("cnn", "CNN", "news_outlet", ()),
)

_TIES = (
    # subject, relation, object, valid from, valid to
    ("sismi", "part_of", "italy", None, None),
    # From February 2000 Martino passed on what the embassy insider gave.
    ("martino", "copies_from", "forgers", "2000-02-16", None),
    # Reported: the embassy insider was paid by SISMI.
    ("forgers", "funded_by", "sismi", None, None),
    ("cia", "part_of", "us-ic", None, None),
    ("us-ic", "part_of", "usa", None, None),
    ("white-house", "part_of", "usa", None, None),
    ("bush", "part_of", "white-house", None, None),
    ("fleischer", "speaks_for", "white-house", None, None),
    # Wilson's trip to Niger for the CIA, February 2002.
    ("wilson", "speaks_for", "usa", "2002-02", "2002-04"),
    ("wilson", "funded_by", "cia", "2002-02", "2002-04"),
    ("mi6", "part_of", "uk", None, None),
    ("jic", "part_of", "uk", None, None),
    ("blair", "speaks_for", "uk", None, None),
    ("elbaradei", "employed_by", "iaea", None, None),
    ("usa", "member_of", "iaea", "1957-07-29", None),
    ("uk", "member_of", "iaea", None, None),
    ("italy", "member_of", "iaea", None, None),
    ("usa", "member_of", "un", "1945", None),
    ("uk", "member_of", "un", "1945", None),
    ("italy", "member_of", "un", "1955-12-14", None),
)


def uranium() -> ClaimSet:
    """
    A fresh `ClaimSet` holding the "uranium from Africa" case.

    Forged Niger documents (2001) reach SISMI, whose report the CIA and,
    as La Repubblica reported in 2005, MI6 take up. The UK dossier turns
    the Niger story into the general claim that Iraq sought uranium from
    Africa; the State of the Union cites the dossier and CNN carries the
    speech. The IAEA finds the documents forged (7 March 2003), the White
    House withdraws the President's sentence (7 July 2003). 19 sources,
    3 claims; see the documentation's uranium page for what it answers.
    """
    cs = ClaimSet()
    for id, name, kind, aliases in _SOURCES:
        cs.record_source(id, name=name, kind=kind, aliases=aliases)
    for subject, relation, object, start, end in _TIES:
        cs.link(subject, relation, object, valid_from=start, valid_to=end)
    _claims(cs)
    _documents(cs)
    _niger(cs)
    _africa(cs)
    return cs


def _claims(cs: ClaimSet) -> None:
    cs.record_claim(
        "niger",
        text="Iraq tried to buy uranium yellowcake from Niger",
        places=["Niger", "Iraq"],
        tags=["yellowcake"],
    )
    cs.record_claim(
        "africa",
        text="Iraq recently sought significant quantities of uranium from "
        "Africa",
        places=["Africa", "Iraq"],
        tags=["sixteen words"],
    )
    cs.record_claim(
        "unfit",
        text="The uranium sentence should not have been in the 2003 State "
        "of the Union address",
        tags=["sixteen words"],
    )
    cs.link("niger", "supports", "africa")
    cs.link("unfit", "related", "africa")


def _documents(cs: ClaimSet) -> None:
    document = cs.record_document
    document(
        "niger-docs",
        publisher="forgers",
        date="2001",
        title="Forged Niger-Iraq uranium documents",
        kind="forgery",
    )
    document(
        "sismi-report",
        publisher="sismi",
        date="2001-10-15",
        title="SISMI report on a Niger-Iraq uranium deal",
        kind="intelligence report",
        cites=["niger-docs"],
    )
    document(
        "cia-brief",
        publisher="cia",
        date="2001-10-18",
        title="Senior Executive Intelligence Brief",
        kind="intelligence brief",
        cites=["sismi-report"],
    )
    # Disputed: the Butler Review says MI6 had other sources.
    document(
        "sis-report",
        publisher="mi6",
        date="2002-09",
        title="SIS reporting on Iraqi attempts to buy uranium from Niger",
        kind="intelligence report",
        cites=["sismi-report"],
    )
    document(
        "dossier",
        publisher="uk",
        authors=["jic"],
        date="2002-09-24",
        title="Iraq's Weapons of Mass Destruction",
        kind="dossier",
        cites=["sis-report"],
    )
    document(
        "nie",
        publisher="us-ic",
        date="2002-10-01",
        title="National Intelligence Estimate on Iraq",
        kind="intelligence estimate",
        cites=["cia-brief"],
    )
    document(
        "state-of-the-union",
        publisher="white-house",
        authors=["bush"],
        date="2003-01-28",
        title="State of the Union address",
        kind="speech",
        url="https://www.govinfo.gov/content/pkg/CDOC-108hdoc1/html/"
        "CDOC-108hdoc1.htm",
        cites=["dossier"],
    )
    document(
        "cnn-live",
        publisher="cnn",
        date="2003-01-28",
        title="CNN coverage of the State of the Union address",
        kind="broadcast",
        cites=["state-of-the-union"],
    )
    # The IAEA examined the forgeries to refute them: a citation whose
    # statements take the other stance derives nothing.
    document(
        "iaea-statement",
        publisher="iaea",
        authors=["elbaradei"],
        date="2003-03-07",
        title="The Status of Nuclear Inspections in Iraq: An Update",
        kind="statement",
        cites=["niger-docs"],
    )
    document(
        "wilson-op-ed",
        authors=["wilson"],
        date="2003-07-06",
        title="What I Didn't Find in Africa",
        kind="op-ed",
    )
    document(
        "white-house-statement",
        publisher="white-house",
        date="2003-07-07",
        title="Statement on the State of the Union uranium reference",
        kind="statement",
        cites=["state-of-the-union"],
    )


def _niger(cs: ClaimSet) -> None:
    say = cs.record_statement
    # Undated: it counts from its document's date, 2001.
    say("n-forged", claim="niger", source="forgers", document="niger-docs")
    # SISMI's and MI6's reports declare nothing: their documents cite.
    say(
        "n-sismi",
        claim="niger",
        source="sismi",
        document="sismi-report",
        date="2001-10-15",
    )
    say(
        "n-cia",
        claim="niger",
        source="cia",
        document="cia-brief",
        date="2001-10-18",
        derives_from=["n-sismi"],
        via="cites",
        modality="according to a foreign government service",
    )
    say(
        "n-mi6",
        claim="niger",
        source="mi6",
        document="sis-report",
        date="2002-09",
    )
    say(
        "n-nie",
        claim="niger",
        source="us-ic",
        document="nie",
        date="2002-10-01",
        derives_from=["n-cia"],
        via="cites",
        modality="reported",
    )
    # Martino copies the forgers: nothing declared, the link says it.
    say("n-martino", claim="niger", source="martino", date="2002-10")
    say(
        "n-iaea",
        claim="niger",
        source="elbaradei",
        stance="denies",
        document="iaea-statement",
        date="2003-03-07",
        quote="these specific allegations are unfounded",
    )
    say(
        "n-wilson",
        claim="niger",
        source="wilson",
        stance="denies",
        document="wilson-op-ed",
        date="2003-07-06",
    )
    say(
        "n-fleischer",
        claim="niger",
        source="fleischer",
        stance="denies",
        date="2003-07-07",
        quote="the information on yellowcake did, indeed, turn out to be "
        "incorrect",
    )


def _africa(cs: ClaimSet) -> None:
    say = cs.record_statement
    # The claim changes here: the dossier's general claim rests on MI6's
    # Niger reporting.
    say(
        "a-dossier",
        claim="africa",
        source="jic",
        document="dossier",
        date="2002-09-24",
        derives_from=["n-mi6"],
        via="cites",
        quote="sought the supply of significant quantities of uranium from "
        "Africa",
    )
    say(
        "a-blair",
        claim="africa",
        source="blair",
        date="2002-09-24",
        derives_from=["a-dossier"],
        via="cites",
    )
    say(
        "a-cia",
        claim="africa",
        source="cia",
        date="2003-01-17",
        derives_from=["n-cia"],
        via="cites",
        modality="fragmentary reporting",
    )
    say(
        "a-bush",
        claim="africa",
        source="bush",
        document="state-of-the-union",
        date="2003-01-28",
        derives_from=["a-dossier"],
        via="cites",
        modality="The British government has learned that",
        quote="Saddam Hussein recently sought significant quantities of "
        "uranium from Africa",
    )
    say(
        "a-cnn",
        claim="africa",
        source="cnn",
        document="cnn-live",
        date="2003-01-28",
        derives_from=["a-bush"],
        via="quotes",
    )
    # The White House withdraws the President's sentence: a source that
    # controls the speaker may retract his statement.
    say(
        "a-withdrawn",
        source="white-house",
        stance="retracts",
        target="a-bush",
        document="white-house-statement",
        date="2003-07-07",
    )
    say(
        "u-white-house",
        claim="unfit",
        source="white-house",
        document="white-house-statement",
        date="2003-07-07",
        quote="should not have been included in the State of the Union",
    )
    say(
        "u-tenet",
        claim="unfit",
        source="cia",
        date="2003-07-11",
        quote="These 16 words should never have been included",
    )
