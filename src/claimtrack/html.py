# SPDX-License-Identifier: MIT
"""
HTML for people: notebook fragments and a self-contained report page.

`claim_set_html`, `report_html` and `suspicion_html` are the fragments
that claim sets, reports and suspicions show in a notebook; `report_page`
is a whole offline page (``claimtrack report FILE --format html``): the
status table, each claim's explanation and attribution diagram as inline
SVG, the suspicions with their evidence, and a print stylesheet.

Everything claimtrack writes from records is escaped; URLs become links
only when they are ``http`` or ``https`` (a ``javascript:`` or ``data:``
URL stays visible as text). Nothing loads from anywhere: no fonts, images
or scripts by URL, and the page's Content Security Policy allows only its
own inline stylesheet and sorting script.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimtrack._claimset import ClaimSet
from claimtrack._dates import DateLike
from claimtrack._diagrams import Renderer, diagram, with_policy
from claimtrack._display import register_html
from claimtrack._html_assets import (
    FRAGMENT_CSS,
    PAGE_CSS,
    SORT_SCRIPT,
    csp_hash,
)
from claimtrack._html_parts import (
    LEGEND,
    badge,
    check_text,
    claim_anchors,
    counts_text,
    documents_list,
    esc,
    esc_attr,
    facts_list,
    groups_list,
    safe_url,
    status_table,
    suspicion_body,
    when_text,
)
from claimtrack._ordering import natural_key
from claimtrack._policy import CorroborationPolicy
from claimtrack._report import (
    CorroborationReport,
    status_summary,
)
from claimtrack._suspicions import Suspicion
from claimtrack._version import VERSION
from claimtrack.exceptions import InvalidValueError


__all__ = [
    "attribution_svg",
    "claim_set_html",
    "report_html",
    "report_page",
    "safe_url",
    "suspicion_html",
]


def _fragment(kind: str, body: str) -> str:
    return f'<div class="ct {kind}">\n<style>\n{FRAGMENT_CSS}</style>\n{body}</div>'


# -- the status table --------------------------------------------------------


def claim_set_html(
    claim_set: ClaimSet,
    *,
    as_of: DateLike | None = None,
    policy: CorroborationPolicy | None = None,
    limit: int | None = 100,
) -> str:
    """
    An HTML fragment of *claim_set*: its counts and the status table.

    What `ClaimSet` shows in a notebook. The table has a row per claim,
    in natural claim id order, as ``claimtrack report`` prints it.

    Args:
        claim_set: The claim set.
        as_of: Count only what was said, and retracted, by this date.
        policy: The rule to apply; the set's own by default.
        limit: At most this many rows (None for all); a line says how
            many more claims there are.

    Raises:
        InvalidValueError: If *as_of* is not a date or *limit* is not a
            positive whole number.
    """
    if limit is not None and (type(limit) is not int or limit < 1):
        raise InvalidValueError("limit", limit, "expected a whole number >= 1")
    claims = sorted((c.id for c in claim_set.claims), key=natural_key)
    if limit is None or len(claims) <= limit:
        reports = claim_set.reports(as_of=as_of, policy=policy)
    else:
        reports = tuple(
            claim_set.corroboration(claim, as_of=as_of, policy=policy)
            for claim in claims[:limit]
        )
    texts = {claim.id: claim.text for claim in claim_set.claims}
    when = when_text(reports[0].as_of) if reports else when_text(None)
    body = [
        f"<p><strong>ClaimSet</strong>: {esc(counts_text(claim_set))}</p>\n",
        f"<p>{esc(status_summary(reports))} ({esc(when)})</p>\n",
    ]
    if reports:
        body.append(status_table(reports, texts))
    if len(reports) < len(claims):
        body.append(
            f'<p class="ct-muted">and {len(claims) - len(reports)} more '
            "claims: <code>claimtrack.html.report_page</code> shows them "
            "all.</p>\n"
        )
    return _fragment("ct-claim-set", "".join(body))


# -- one claim -----------------------------------------------------------------


def _report_body(
    report: CorroborationReport,
    *,
    claim_set: ClaimSet | None,
    renderer: Renderer,
    heading: str = "h3",
    anchor: str | None = None,
) -> str:
    title = f"Claim {esc(report.claim)}"
    if claim_set is not None:
        title += f": <q>{esc(claim_set.claim(report.claim).text)}</q>"
    where = f' id="{esc_attr(anchor)}"' if anchor else ""
    out = [
        f"<{heading}{where}>{title}</{heading}>\n",
        f"<p>{badge(report.status)} {esc(report.reason)}</p>\n",
        facts_list(report),
        groups_list(report),
        f'<pre class="ct-explain">{esc(report.explain())}</pre>\n',
    ]
    if report.suspicions:
        out.append("<h4>Suspicions</h4>\n")
        out.extend(suspicion_body(s) for s in report.suspicions)
    if claim_set is not None:
        out.append(documents_list(report, claim_set))
    svg, drawn_by = diagram(report, claim_set=claim_set, renderer=renderer)
    if svg:
        by = (
            "Graphviz" if drawn_by == "graphviz" else "claimtrack's own layout"
        )
        partial = ""
        if claim_set is None and (report.claim_changes or report.blocked):
            partial = (
                " Drawn from the report alone: the statements about other "
                "claims on its chains are stand-ins; the report page draws "
                "them whole."
            )
        out.append(
            f'<figure class="ct-figure" data-renderer="{drawn_by}">\n{svg}\n'
            f"<figcaption>Attribution of {esc(report.claim)}, drawn by "
            f"{by}.{partial}</figcaption>\n</figure>\n"
        )
    return "".join(out)


def report_html(
    report: CorroborationReport,
    *,
    claim_set: ClaimSet | None = None,
    renderer: Renderer = "auto",
) -> str:
    """
    An HTML fragment of *report*: status, groups, explanation, diagram.

    What `CorroborationReport` shows in a notebook. The attribution
    diagram is inline SVG.

    Args:
        report: A report from `ClaimSet.corroboration`.
        claim_set: The set *report* came from, if at hand: then the claim's
            text and documents are shown, and the diagram draws whole
            chains (`claimtrack.graph.attribution_graph`), with Graphviz
            when its ``dot`` command is installed. Without it, claimtrack
            draws what the report holds.
        renderer: ``"auto"`` (Graphviz if it works, else claimtrack's own
            layered layout), ``"layered"`` (always claimtrack's own) or
            ``"none"`` (no diagram).
    """
    _check_renderer(renderer)
    body = _report_body(report, claim_set=claim_set, renderer=renderer)
    return _fragment("ct-report", body)


def attribution_svg(
    claim_set: ClaimSet,
    claim: str,
    *,
    as_of: DateLike | None = None,
    renderer: Renderer = "auto",
) -> str:
    """
    The attribution diagram of *claim* as SVG markup for inline HTML.

    Rendered by Graphviz ``dot`` (`claimtrack.graph.to_dot`) when it is
    on the PATH and works, else (or with ``renderer="layered"``) drawn by
    claimtrack's own layered layout.

    Raises:
        UnknownReferenceError: If *claim* is not recorded.
        InvalidValueError: If *as_of* is not a date or *renderer* is not
            ``"auto"`` or ``"layered"``.
    """
    if renderer not in ("auto", "layered"):
        raise InvalidValueError(
            "renderer", renderer, "expected 'auto' or 'layered'"
        )
    report = claim_set.corroboration(claim, as_of=as_of)
    return diagram(report, claim_set=claim_set, renderer=renderer)[0]


def _check_renderer(renderer: object) -> None:
    if renderer not in ("auto", "layered", "none"):
        raise InvalidValueError(
            "renderer", renderer, "expected 'auto', 'layered' or 'none'"
        )


# -- suspicions ------------------------------------------------------------


def suspicion_html(suspicion: Suspicion) -> str:
    """
    An HTML fragment of *suspicion*: kind, records, score and evidence.

    What `Suspicion` shows in a notebook.
    """
    return _fragment("ct-suspicions", suspicion_body(suspicion))


# -- the page --------------------------------------------------------------------


def report_page(
    claim_set: ClaimSet,
    *,
    as_of: DateLike | None = None,
    policy: CorroborationPolicy | None = None,
    claims: Iterable[str] | None = None,
    title: str | None = None,
    note: str | None = None,
    renderer: Renderer = "auto",
) -> str:
    """
    A self-contained HTML page reporting on every claim of *claim_set*.

    One file that reads offline and makes no network request: the status
    table (sortable where scripts run, in natural claim order where they
    do not), then for each claim its status, groups, explanation,
    documents, suspicions and attribution diagram as inline SVG, then
    every suspicion that holds, with its evidence; it prints cleanly.
    What ``claimtrack report FILE --format html`` writes.

    Args:
        claim_set: The claim set.
        as_of: Count only what was said, and retracted, by this date.
        policy: The rule to apply; the set's own by default.
        claims: Only these claims, in this order; all by default, in
            natural id order.
        title: The page's title; "claimtrack report" by default.
        note: A paragraph to show under the title.
        renderer: How to draw diagrams: ``"auto"`` (Graphviz ``dot`` when
            installed and working, else claimtrack's layered layout),
            ``"layered"`` or ``"none"``.

    Raises:
        UnknownReferenceError: If a claim in *claims* is not recorded.
        InvalidValueError: If *as_of* is not a date, or *title*, *note*
            or *renderer* is not acceptable.
    """
    check_text("title", title)
    check_text("note", note)
    _check_renderer(renderer)
    if claims is None:
        reports = claim_set.reports(as_of=as_of, policy=policy)
    else:
        wanted = list(dict.fromkeys(claims))
        for claim in wanted:
            claim_set.claim(claim)
        reports = tuple(
            claim_set.corroboration(claim, as_of=as_of, policy=policy)
            for claim in wanted
        )
    if reports and reports[0].policy != claim_set.policy:
        # Diagrams are drawn from the claim set: copy it once, with the
        # policy asked for, rather than once per claim.
        claim_set = with_policy(claim_set, reports[0].policy)
    heading = title or "claimtrack report"
    anchors = claim_anchors(r.claim for r in reports)
    texts = {r.claim: claim_set.claim(r.claim).text for r in reports}
    when = when_text(reports[0].as_of) if reports else when_text(as_of)
    main = [
        '<section id="status" aria-labelledby="status-title">\n',
        '<h2 id="status-title">Every claim</h2>\n',
        f"<p>{esc(status_summary(reports))} ({esc(when)}).</p>\n",
        status_table(reports, texts, anchors, sortable=True),
        f'<p class="ct-muted">{esc(LEGEND)}</p>\n',
        "</section>\n",
    ]
    for report in reports:
        main += [
            '<section class="ct-claim">\n',
            _report_body(
                report,
                claim_set=claim_set,
                renderer=renderer,
                heading="h2",
                anchor=anchors[report.claim],
            ),
            "</section>\n",
        ]
    main.append(_suspicions_section(claim_set))
    header = [f"<h1>{esc(heading)}</h1>\n"]
    if note:
        header.append(f"<p>{esc(note)}</p>\n")
    header.append(f'<p class="ct-muted">{esc(counts_text(claim_set))}.</p>\n')
    policy_text = (
        f"default-src 'none'; style-src {csp_hash(PAGE_CSS)}; "
        f"script-src {csp_hash(SORT_SCRIPT)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" '
        f'content="{esc_attr(policy_text)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" '
        f'content="claimtrack {esc_attr(VERSION)}">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{esc(heading)}</title>\n"
        f"<style>{PAGE_CSS}</style>\n</head>\n"
        '<body class="ct">\n<header>\n'
        + "".join(header)
        + "</header>\n<main>\n"
        + "".join(main)
        + "</main>\n<footer>\n"
        f"<p>Made by claimtrack {esc(VERSION)}. "
        "This page loads nothing from anywhere; it reads and prints the "
        "same without scripts.</p>\n</footer>\n"
        f"<script>{SORT_SCRIPT}</script>\n</body>\n</html>\n"
    )


def _suspicions_section(claim_set: ClaimSet) -> str:
    suspicions = claim_set.suspicions()
    out = [
        '<section id="suspicions" aria-labelledby="suspicions-title">\n',
        '<h2 id="suspicions-title">Suspicions</h2>\n',
    ]
    if not suspicions:
        out.append(
            "<p>No dependence that nobody declared is suspected "
            "(<code>ClaimSet.suspicions</code>).</p>\n"
        )
    else:
        out.append(
            f"<p>{len(suspicions)} suspected dependence"
            f"{'s' * (len(suspicions) != 1)} that nobody declared, strongest "
            "first. Accepting one records a link; rejecting one, that it "
            "is wrong.</p>\n"
        )
        out.extend(suspicion_body(s) for s in suspicions)
    out.append("</section>\n")
    return "".join(out)


register_html(ClaimSet, claim_set_html)
register_html(CorroborationReport, report_html)
register_html(Suspicion, suspicion_html)
