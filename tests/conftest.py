# SPDX-License-Identifier: MIT
"""Shared fixtures and Hypothesis profiles."""

from __future__ import annotations

import os

from collections.abc import Callable

import pytest

from hypothesis import HealthCheck, settings

import claimtrack as ct


settings.register_profile(
    "ci",
    deadline=None,
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=50)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(name="convoy")
def _convoy() -> ct.ClaimSet:
    """The issue's worked example: an outlet relaying one communiqué."""
    cs = ct.ClaimSet()
    cs.record_source("mali", name="Republic of Mali", kind="state")
    cs.record_source(
        "fama",
        name="Armed Forces of Mali",
        kind="armed_force",
        aliases=["FAMa", "Malian military"],
    )
    cs.record_source(
        "fama-gs",
        name="FAMa General Staff",
        kind="armed_force",
        reliability="C",
    )
    cs.record_source("aes", name="Alliance of Sahel States", kind="alliance")
    cs.record_source("outlet", name="The outlet", kind="news_outlet")
    cs.link("fama-gs", "part_of", "fama")
    cs.link("fama", "part_of", "mali")
    cs.link("mali", "member_of", "aes", valid_from="2023-09-16")
    cs.record_document(
        "communique",
        publisher="fama-gs",
        date="2025-06-04",
        title="Communiqué of the General Staff",
    )
    cs.record_document(
        "article",
        publisher="outlet",
        date="2025-06-05",
        url="https://example.org/article",
    )
    cs.record_claim(
        "convoy",
        text="A logistics convoy was destroyed at Yenchechi, 50 km west "
        "of Kidal",
    )
    cs.record_statement(
        "s1",
        claim="convoy",
        source="fama-gs",
        document="communique",
        date="2025-06-04",
        stance="asserts",
    )
    cs.record_statement(
        "s2",
        claim="convoy",
        source="outlet",
        document="article",
        date="2025-06-05",
        derives_from=["s1"],
        via="relays",
    )
    return cs


@pytest.fixture(name="cs")
def _cs() -> ct.ClaimSet:
    """Sources, documents, claims and one statement about a strike."""
    cs = ct.ClaimSet()
    cs.record_source(
        "army",
        name="Forces Armées Maliennes",
        kind="armed_force",
        aliases=["FAMa", "Malian army"],
        reliability="C",
    )
    cs.record_source("staff", name="General Staff", kind="armed_force")
    cs.record_source("mali", name="Mali", kind="state")
    cs.record_source("aes", name="Alliance of Sahel States", kind="alliance")
    cs.record_source("outlet", name="Le Journal", kind="news_outlet")
    cs.record_source("wire", name="The Wire", kind="wire_agency")
    cs.record_document(
        "communique", publisher="staff", date="2025-06-04", kind="communique"
    )
    cs.record_document("article", publisher="outlet", date="2025-06-05")
    cs.record_claim(
        "strike",
        text="A drone strike hit the market in Gao.",
        places=["Gao"],
        event_date="2025-06-03",
        tags=["drone", "Strike"],
    )
    cs.record_claim(
        "frappe",
        text="Une frappe de drone a touché le marché de Gao.",
        places=["Gao"],
        tags=["drone"],
    )
    cs.record_claim(
        "deaths",
        text="Twelve civilians died in Gao and Ménaka.",
        places=["Gao", "Ménaka"],
        tags=["casualties"],
    )
    cs.record_statement(
        "s1",
        claim="strike",
        source="staff",
        date="2025-06-04",
        document="communique",
    )
    return cs


def refuse(
    cs: ct.ClaimSet,
    error: type[Exception],
    action: Callable[[], object],
    match: str | None = None,
) -> pytest.ExceptionInfo[Exception]:
    """Check that *action* raises *error* and leaves *cs* as it was."""
    before, size = cs.copy(), len(cs)
    with pytest.raises(error, match=match) as info:
        action()
    assert len(cs) == size
    assert cs == before
    return info


def statement(
    id: str, claim: str = "strike", source: str = "outlet", **fields: object
) -> ct.Statement:
    """Build a statement, about the strike by the outlet unless told."""
    return ct.Statement(id=id, claim=claim, source=source, **fields)  # type: ignore[arg-type]
