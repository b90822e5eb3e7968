# SPDX-License-Identifier: MIT
"""The pieces of claimtrack's HTML: tables, facts, suspicions, escaping."""

from __future__ import annotations

import json
import re
import urllib.parse

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from claimtrack._ordering import natural_key
from claimtrack._report import (
    CREDIBILITY_LABELS,
    CorroborationReport,
    EvidenceStatus,
    OriginGroup,
)
from claimtrack._suspicions import Suspicion
from claimtrack._xml import xml_safe
from claimtrack.exceptions import InvalidValueError


if TYPE_CHECKING:
    from claimtrack._claimset import ClaimSet


__all__ = [
    "LEGEND",
    "badge",
    "check_text",
    "claim_anchors",
    "counts_text",
    "documents_list",
    "esc",
    "esc_attr",
    "facts_list",
    "groups_list",
    "safe_url",
    "status_table",
    "suspicion_body",
    "when_text",
]

_STATUS_ORDER = {status: rank for rank, status in enumerate(EvidenceStatus)}


def esc(value: object) -> str:
    """*value* as HTML text."""
    return escape(xml_safe(str(value)), quote=False)


def esc_attr(value: object) -> str:
    """*value* as a quoted HTML attribute's value."""
    return escape(xml_safe(str(value)), quote=True)


def safe_url(url: str | None) -> str | None:
    r"""
    *url* if it may be a link in claimtrack's output, else None.

    Only absolute ``http`` and ``https`` URLs with a host qualify, and
    none with spaces or control characters (which browsers drop, making
    ``java\tscript:`` a script URL). Others, ``javascript:`` and
    ``data:`` among them, are kept in the records and shown as text.
    """
    if not isinstance(url, str) or not url:
        return None
    if any(ord(char) <= 0x20 or ord(char) == 0x7F for char in url):
        return None
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def badge(status: EvidenceStatus) -> str:
    return (
        f'<span class="ct-badge ct-{esc_attr(status.value)}">'
        f"{esc(status.value.replace('_', ' '))}</span>"
    )


def _groups(report: CorroborationReport) -> str:
    return f"{len(report.asserting_groups)}/{len(report.denying_groups)}"


def status_table(
    reports: Sequence[CorroborationReport],
    texts: Mapping[str, str],
    anchors: Mapping[str, str] | None = None,
    *,
    sortable: bool = False,
) -> str:
    """The table ``claimtrack report`` prints, one row per report."""
    heads = (
        "Claim",
        "Text",
        "Status",
        "Groups",
        "If suspected",
        "Naive",
        "Credibility",
        "Reason",
    )
    classes = "ct-status ct-sortable" if sortable else "ct-status"
    out = [
        f'<table class="{classes}">',
        "<thead><tr>",
        *(f'<th scope="col">{head}</th>' for head in heads),
        "</tr></thead>",
        "<tbody>",
    ]
    for rank, report in enumerate(reports):
        claim = esc(report.claim)
        if anchors is not None:
            claim = f'<a href="#{esc_attr(anchors[report.claim])}">{claim}</a>'
        held = report.groups_if_suspicions_hold
        suspected = "" if held is None else f"{held[0]}/{held[1]}"
        asserting = len(report.asserting_groups)
        out += [
            "<tr>",
            f'<th scope="row" data-sort="{rank}">{claim}</th>',
            f"<td>{esc(texts.get(report.claim, ''))}</td>",
            (
                f'<td data-sort="{_STATUS_ORDER[report.status]}">'
                f"{badge(report.status)}</td>"
            ),
            (
                f'<td class="ct-number" data-sort="{asserting}">'
                f"{_groups(report)}</td>"
            ),
            (
                f'<td class="ct-number" data-sort="{held[0] if held else -1}">'
                f"{suspected}</td>"
            ),
            f'<td class="ct-number">{report.naive_source_count}</td>',
            (
                f'<td class="ct-number" data-sort="{report.credibility}">'
                f'<abbr title="{esc_attr(CREDIBILITY_LABELS[report.credibility])}">'
                f"{report.credibility}</abbr></td>"
            ),
            f"<td>{esc(report.reason)}</td>",
            "</tr>",
        ]
    out += ["</tbody>", "</table>"]
    return "\n".join(out) + "\n"


LEGEND = (
    "Groups: independent origin groups asserting/denying. If suspected: "
    "the groups if the suspicions that hold were declared. Naive: distinct "
    "asserting sources, relays included. Credibility: Admiralty number, "
    "1 (confirmed by other sources) to 6 (truth cannot be judged)."
)


def counts_text(claim_set: ClaimSet) -> str:
    counts = [
        (len(claim_set.sources), "source"),
        (len(claim_set.documents), "document"),
        (len(claim_set.claims), "claim"),
        (len(claim_set.statements), "statement"),
        (len(claim_set.links), "link"),
        (len(claim_set.reviews), "review"),
    ]
    return ", ".join(
        f"{number} {noun}{'' if number == 1 else 's'}"
        for number, noun in counts
        if number or noun != "review"
    )


def when_text(as_of: object) -> str:
    return f"as of {as_of}" if as_of is not None else "on everything known"


def _voices(report: CorroborationReport, group: OriginGroup) -> str:
    return " + ".join(report.name(s) for s in sorted(group.sources))


def groups_list(report: CorroborationReport) -> str:
    items = []
    for title, groups in (
        ("asserting", report.asserting_groups),
        ("denying", report.denying_groups),
    ):
        for number, group in enumerate(groups, 1):
            origins = ", ".join(o.id for o in group.origins)
            carried = len(group.carriers)
            more = f"; {carried} carrying statement{'s' * (carried != 1)}"
            items.append(
                f"<li>{title.capitalize()} group {number}: "
                f"<strong>{esc(_voices(report, group))}</strong> "
                f'<span class="ct-muted">(origins {esc(origins)}'
                f"{more if carried else ''})</span></li>"
            )
    if not items:
        return '<p class="ct-muted">No independent origin group.</p>\n'
    return "<ul>\n" + "\n".join(items) + "\n</ul>\n"


def facts_list(report: CorroborationReport) -> str:
    rows = [
        ("Evidence", when_text(report.as_of)),
        (
            "Independent groups",
            (
                f"{len(report.asserting_groups)} asserting, "
                f"{len(report.denying_groups)} denying"
            ),
        ),
        ("Naive source count", str(report.naive_source_count)),
        (
            "Credibility",
            f"{report.credibility} ({CREDIBILITY_LABELS[report.credibility]})",
        ),
    ]
    if report.report_codes:
        codes = ", ".join(
            f"{statement} {code}"
            for statement, code in sorted(report.report_codes.items())
        )
        rows.append(("Admiralty codes", codes))
    if report.groups_if_suspicions_hold is not None:
        asserting, denying = report.groups_if_suspicions_hold
        rows.append(
            (
                "If the suspicions hold",
                f"{asserting} asserting, {denying} denying",
            )
        )
    return (
        '<dl class="ct-facts">\n'
        + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>\n" for k, v in rows)
        + "</dl>\n"
    )


def documents_list(report: CorroborationReport, claim_set: ClaimSet) -> str:
    ids: set[str] = set()
    for statement in report.statements:
        if statement.document is not None:
            ids.add(statement.document)
    for group in (*report.asserting_groups, *report.denying_groups):
        ids.update(
            s.document
            for s in (*group.origins, *group.carriers)
            if s.document is not None
        )
    items = []
    for document_id in sorted(ids, key=natural_key):
        document = claim_set.document(document_id)
        parts = [f"<strong>{esc(document.id)}</strong>"]
        if document.title:
            parts.append(f"<cite>{esc(document.title)}</cite>")
        if document.publisher:
            parts.append(esc(report.name(document.publisher)))
        if document.date is not None:
            parts.append(esc(document.date))
        href = safe_url(document.url)
        if href is not None:
            parts.append(
                f'<a href="{esc_attr(href)}" rel="noopener noreferrer">'
                f"{esc(href)}</a>"
            )
        elif document.url:
            parts.append(
                f'<span class="ct-muted">URL not shown as a link: '
                f"<code>{esc(document.url)}</code></span>"
            )
        items.append("<li>" + ", ".join(parts) + "</li>")
    if not items:
        return ""
    return "<h4>Documents</h4>\n<ul>\n" + "\n".join(items) + "\n</ul>\n"


def _data_value(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and all(
        isinstance(item, (str, int, float)) for item in value
    ):
        return ", ".join(str(item) for item in value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def suspicion_body(suspicion: Suspicion) -> str:
    held = "holds" if suspicion.holds else "below its threshold"
    joined = " and ".join(suspicion.records)
    out = [
        '<div class="ct-suspicion">\n',
        (
            f"<p><strong>{esc(suspicion.kind.value.replace('_', ' '))}</strong> "
            f"{suspicion.score:.2f} ({held}, threshold "
            f"{suspicion.threshold:.2f}): {esc(joined)}</p>\n"
        ),
        f"<p>{esc(suspicion.evidence)}</p>\n",
    ]
    if suspicion.data:
        out.append('<dl class="ct-facts">\n')
        out.extend(
            f"<dt>{esc(key)}</dt><dd>{esc(_data_value(value))}</dd>\n"
            for key, value in sorted(suspicion.data.items())
        )
        out.append("</dl>\n")
    out.append("</div>\n")
    return "".join(out)


def claim_anchors(claims: Iterable[str]) -> dict[str, str]:
    """A distinct, URL-safe element id for each claim."""
    used: set[str] = set()
    anchors = {}
    for claim in claims:
        slug = re.sub(r"[^A-Za-z0-9_-]+", "-", claim).strip("-") or "claim"
        candidate, number = f"claim-{slug}", 1
        while candidate in used:
            number += 1
            candidate = f"claim-{slug}-{number}"
        used.add(candidate)
        anchors[claim] = candidate
    return anchors


def check_text(name: str, value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidValueError(name, value, "expected text")
