# SPDX-License-Identifier: MIT
"""Tests for `claimtrack.html`: fragments, the report page, its diagrams."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import select
import shutil
import struct
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zlib

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from hypothesis import given, settings

import claimtrack as ct

from claimtrack.graph import attribution_graph
from claimtrack.html import (
    attribution_svg,
    claim_set_html,
    report_html,
    report_page,
    safe_url,
    suspicion_html,
)

from .strategies import claim_sets


SVG = "{http://www.w3.org/2000/svg}"


def parse_svg(svg: str) -> ET.Element:
    """Parse SVG that claimtrack (or Graphviz) wrote: it must be XML."""
    return ET.fromstring(svg)  # noqa: S314 - our own output, no entities


class Markup(HTMLParser):
    """Every start tag with its attributes, and the text of scripts/styles."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None
        self.feed(text)
        self.close()

    def handle_starttag(
        self, tag: str, attrs: list[tuple[str, str | None]]
    ) -> None:
        """Keep the tag; note when a script or style starts."""
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        """A script or style ends."""
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        """Keep the text of a script or style."""
        if self._in is not None:
            self.raw[self._in][-1] += data

    def named(self, tag: str) -> list[dict[str, str]]:
        """The attributes of every *tag* element."""
        return [attrs for name, attrs in self.tags if name == tag]


def assert_inert(markup: str) -> Markup:
    """No element or attribute from *markup* can run code or fetch."""
    parsed = Markup(markup)
    for tag, attrs in parsed.tags:
        assert tag not in {"img", "iframe", "object", "embed", "link"} or (
            tag == "link" and attrs.get("href") == "data:,"
        ), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in {"src", "srcset", "xlink:href"}, (tag, name)
            if name == "href" and tag != "link":
                assert value.startswith(("#", "http://", "https://")), value
    return parsed


@pytest.fixture(name="hostile")
def _hostile() -> ct.ClaimSet:
    """Records as untrusted ClaimReview data might fill them."""
    cs = ct.ClaimSet()
    text = (
        "The ministry said on Tuesday that the new bridge over the river "
        "will open in March, after two years of delays caused by floods "
        "and a dispute with the contractor over costs. "
    ) * 3
    cs.record_source("a", name="<script>alert(1)</script>")
    cs.record_source("b", name='"><img src=x onerror=alert(2)>')
    cs.record_document(
        "d1",
        publisher="a",
        date="2025-01-01",
        text=text,
        url="javascript:alert(3)",
        title="<b onmouseover=alert(6)>t</b>",
    )
    cs.record_document(
        "d2",
        publisher="b",
        date="2025-01-02",
        text=text,
        url="data:text/html,<script>alert(4)</script>",
    )
    cs.record_document(
        "d3", publisher="b", date="2025-01-03", url="https://example.org/x"
    )
    cs.record_claim("c<1>", text="</pre><script>alert(5)</script>")
    cs.record_claim("c 1", text="Another")
    cs.record_claim("c-1", text="A third")
    cs.record_statement("s1", claim="c<1>", source="a", document="d1")
    cs.record_statement("s2", claim="c<1>", source="b", document="d2")
    cs.record_statement("s3", claim="c 1", source="b", document="d3")
    cs.record_statement(
        "s4", claim="c-1", source="a", derives_from=["s3"], via="relays"
    )
    return cs


@pytest.fixture(name="no_dot")
def _no_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A PATH on which there is no Graphviz ``dot``."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))


def fake_dot(folder: Path, script: str) -> None:
    """Put a ``dot`` on *folder* that runs *script* (a shell body)."""
    folder.mkdir(exist_ok=True)
    dot = folder / "dot"
    dot.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    dot.chmod(0o755)


GRAPHVIZ_PURE = Path(sys.executable).with_name("graphviz-pure")


@pytest.fixture(name="graphviz")
def _graphviz(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A ``dot`` on the PATH: the pure-Python Graphviz the docs use."""
    if not GRAPHVIZ_PURE.exists():
        pytest.skip("graphviz-pure (the docs extra) is not installed")
    fake_dot(tmp_path / "bin", f'exec "{GRAPHVIZ_PURE}" "$@"')
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))


class TestSafeUrl:
    @pytest.mark.parametrize(
        "url", ["https://example.org/a?b=c#d", "http://example.org"]
    )
    def test_web_links_pass(self, url: str) -> None:
        """Absolute http and https URLs with a host may be links."""
        assert safe_url(url) == url

    @pytest.mark.parametrize(
        "url",
        [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//example.org/x",
            "/relative",
            "http:/no-host",
            "https://exa mple.org",
            "http://[::1",
            "",
            None,
        ],
    )
    def test_anything_else_is_refused(self, url: str | None) -> None:
        """Script, data and relative URLs are never links."""
        assert safe_url(url) is None


class TestClaimSetHtml:
    def test_counts_and_a_row_per_claim(self) -> None:
        """The fragment counts the records and lists every claim."""
        cs = ct.example()
        markup = claim_set_html(cs)
        assert "10 sources, 4 documents, 13 claims, 26 statements" in markup
        parsed = assert_inert(markup)
        rows = [a for a in parsed.named("th") if a.get("scope") == "row"]
        assert len(rows) == 13
        assert "13 claims: 0 corroborated, 13 single origin" in markup
        assert not parsed.named("script")
        assert len(parsed.named("style")) == 1

    def test_limit(self) -> None:
        """Past the limit, a line says how many claims are left out."""
        markup = claim_set_html(ct.example(), limit=2)
        rows = [
            a for a in Markup(markup).named("th") if a.get("scope") == "row"
        ]
        assert len(rows) == 2
        assert "and 11 more claims" in markup

    @pytest.mark.parametrize("limit", [0, -1, 2.5, "3", True])
    def test_bad_limit(self, limit: Any) -> None:
        """A limit that is not a positive whole number is refused."""
        with pytest.raises(ct.InvalidValueError, match="limit"):
            claim_set_html(ct.example(), limit=limit)

    def test_as_of_and_policy(self) -> None:
        """The table answers as of the date, under the policy given."""
        markup = claim_set_html(ct.example(), as_of="2020-01-01")
        assert "2 single origin, 11 unsupported (as of 2020-01-01)" in markup
        cs = ct.example()
        cs.record_source("monitor", name="Independent monitor")
        cs.record_statement("c7-monitor", claim="c7", source="monitor")
        assert "1 corroborated" in claim_set_html(cs)
        strict = ct.CorroborationPolicy(minimum=3)
        assert "1 insufficient" in claim_set_html(cs, policy=strict)

    def test_empty(self) -> None:
        """An empty claim set shows its counts and no table."""
        markup = claim_set_html(ct.ClaimSet())
        assert "0 claims" in markup
        assert "<table" not in markup

    def test_hostile_records_are_escaped(self, hostile: ct.ClaimSet) -> None:
        """Names and texts from the records are text, never markup."""
        markup = claim_set_html(hostile)
        parsed = assert_inert(markup)
        assert not parsed.named("script")
        assert "&lt;/pre&gt;&lt;script&gt;alert(5)" in markup


class TestReportHtml:
    def test_status_groups_explanation(self, no_dot: None) -> None:
        """The fragment holds the status, groups, explanation and diagram."""
        report = ct.example().corroboration("c3")
        markup = report_html(report)
        parsed = assert_inert(markup)
        assert 'class="ct-badge ct-single_origin"' in markup
        assert "Asserting group 1: <strong>AES investigation" in markup
        (pre,) = re.findall(
            r'<pre class="ct-explain">(.*?)</pre>', markup, re.DOTALL
        )
        assert pre == report.explain().replace("&", "&amp;").replace(
            "<", "&lt;"
        ).replace(">", "&gt;")
        (figure,) = parsed.named("figure")
        assert figure["data-renderer"] == "layered"
        assert not parsed.named("script")

    def test_no_diagram(self) -> None:
        """``renderer="none"`` leaves the diagram out."""
        markup = report_html(ct.example().corroboration("c3"), renderer="none")
        assert "<svg" not in markup
        assert "<figure" not in markup

    @pytest.mark.parametrize("renderer", ["graphviz", "svg", None, 1])
    def test_bad_renderer(self, renderer: Any) -> None:
        """An unknown renderer is refused."""
        report = ct.example().corroboration("c3")
        with pytest.raises(ct.InvalidValueError, match="renderer"):
            report_html(report, renderer=renderer)

    def test_from_the_report_alone(self, no_dot: None) -> None:
        """Without the claim set, chains through other claims are stand-ins."""
        cs = ct.example("uranium")
        report = cs.corroboration("africa")
        alone = report_html(report)
        assert "the statements about other claims on its chains" in alone
        assert "on claim &#x27;niger&#x27; by Central Intelligence" in alone
        whole = report_html(report, claim_set=cs)
        assert "stand-ins" not in whole
        assert "Iraq recently sought" in whole
        assert ">n-sismi</text>" in whole

    def test_same_drawing_where_the_report_holds_it(
        self, no_dot: None
    ) -> None:
        """Every statement the claim set would draw is in the report's own."""
        cs = ct.example()
        for claim in cs.claims:
            markup = report_html(cs.corroboration(claim.id))
            drawn = attribution_graph(cs, claim.id).statements
            for statement in drawn:
                assert f'font-weight="bold">{statement}</text>' in markup

    def test_hostile_records_are_escaped(
        self, hostile: ct.ClaimSet, no_dot: None
    ) -> None:
        """Source names and document data stay text; bad URLs are no links."""
        report = hostile.corroboration("c<1>")
        markup = report_html(report, claim_set=hostile)
        parsed = assert_inert(markup)
        assert not parsed.named("a")
        assert "<code>javascript:alert(3)</code>" in markup
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
        markup = report_html(hostile.corroboration("c 1"), claim_set=hostile)
        (link,) = Markup(markup).named("a")
        assert link["href"] == "https://example.org/x"


class TestSuspicionHtml:
    def test_kind_score_records_evidence(self, hostile: ct.ClaimSet) -> None:
        """The fragment shows what is suspected and why, escaped."""
        (suspicion,) = hostile.suspicions()
        markup = suspicion_html(suspicion)
        parsed = assert_inert(markup)
        assert "<strong>reused text</strong> 1.00 (holds" in markup
        assert "d1 and d2" in markup
        assert "the ministry said on tuesday" in markup
        assert not parsed.named("script")

    def test_below_threshold(self, hostile: ct.ClaimSet) -> None:
        """A suspicion under its threshold says so."""
        (suspicion,) = hostile.suspicions()
        weak = ct.Suspicion(
            kind=suspicion.kind,
            records=suspicion.records,
            ordered=True,
            score=0.1,
            threshold=0.25,
            evidence="<i>little</i>",
            data={"passage": ["a", 1], "nested": {"x": [1]}},
        )
        markup = suspicion_html(weak)
        assert "below its threshold" in markup
        assert "&lt;i&gt;little&lt;/i&gt;" in markup
        assert "<dd>a, 1</dd>" in markup
        assert '<dd>{"x": [1]}</dd>' in markup


def csp_sources(page: str) -> dict[str, str]:
    """The page's Content Security Policy, directive by directive."""
    (meta,) = [
        m
        for m in Markup(page).named("meta")
        if m.get("http-equiv") == "Content-Security-Policy"
    ]
    return dict(
        part.strip().split(" ", 1) for part in meta["content"].split(";")
    )


def sha256_source(text: str) -> str:
    """The CSP hash source of *text*."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


class TestReportPage:
    def test_one_section_per_claim_linked_from_the_table(
        self, no_dot: None
    ) -> None:
        """Each claim has a section that its table row links to."""
        cs = ct.example()
        page = report_page(cs)
        parsed = assert_inert(page)
        targets = [a["href"] for a in parsed.named("a")]
        ids = [h["id"] for h in parsed.named("h2") if "id" in h]
        assert targets == [f"#claim-c{n}" for n in range(1, 14)]
        assert set(ids) == {t[1:] for t in targets} | {
            "status-title",
            "suspicions-title",
        }
        assert len(parsed.named("figure")) == 13

    def test_self_contained(self, no_dot: None) -> None:
        """One inline stylesheet and script, allowed by hash, nothing else."""
        page = report_page(ct.example("uranium"))
        parsed = assert_inert(page)
        (style,) = parsed.raw["style"]
        (script,) = parsed.raw["script"]
        policy = csp_sources(page)
        assert policy["default-src"] == "'none'"
        assert policy["style-src"] == sha256_source(style)
        assert policy["script-src"] == sha256_source(script)
        assert "url(" not in style
        assert "@import" not in style
        assert all("src" not in attrs for _, attrs in parsed.tags)
        assert "print" in style

    def test_readable_order_without_scripts(self) -> None:
        """Without sorting, rows are in natural claim id order."""
        cs = ct.ClaimSet()
        for claim in ("c10", "c2", "c1"):
            cs.record_claim(claim, text=claim)
        page = report_page(cs, renderer="none")
        rows = re.findall(
            r'<th scope="row" data-sort="(\d+)"><a href="#claim-(\w+)"', page
        )
        assert rows == [("0", "c1"), ("1", "c2"), ("2", "c10")]

    def test_claims_title_note(self, no_dot: None) -> None:
        """A chosen list of claims, in its order, under a chosen title."""
        page = report_page(
            ct.example(),
            claims=["c3", "c1", "c3"],
            title="Sahel <brief>",
            note="Not & final",
            renderer="none",
        )
        assert re.findall(r'href="#claim-(\w+)"', page) == ["c3", "c1"]
        assert "<title>Sahel &lt;brief&gt;</title>" in page
        assert "<p>Not &amp; final</p>" in page

    def test_bad_arguments(self) -> None:
        """Unknown claims, non-text titles and bad renderers are refused."""
        cs = ct.example()
        with pytest.raises(ct.UnknownReferenceError):
            report_page(cs, claims=["c1", "nope"])
        with pytest.raises(ct.InvalidValueError, match="title"):
            report_page(cs, title=3)  # type: ignore[arg-type]
        with pytest.raises(ct.InvalidValueError, match="note"):
            report_page(cs, note=b"x")  # type: ignore[arg-type]
        with pytest.raises(ct.InvalidValueError, match="renderer"):
            report_page(cs, renderer="dot")  # type: ignore[arg-type]
        with pytest.raises(ct.InvalidValueError):
            report_page(cs, as_of="not a date")

    def test_policy_and_as_of(self, no_dot: None) -> None:
        """The page answers under the policy and date given."""
        cs = ct.example()
        cs.record_source("monitor", name="Independent monitor", kind="ngo")
        cs.record_statement(
            "c7-monitor", claim="c7", source="monitor", date="2025-06-06"
        )
        assert "1 corroborated" in report_page(cs)
        strict = ct.CorroborationPolicy(minimum=3)
        page = report_page(cs, policy=strict)
        assert "1 insufficient" in page
        assert "0 corroborated" in page
        assert "1 single origin" in report_page(
            cs, claims=["c7"], as_of="2025-06-05"
        )

    def test_distinct_anchors(
        self, hostile: ct.ClaimSet, no_dot: None
    ) -> None:
        """Claim ids that make the same anchor get distinct ones."""
        page = report_page(hostile)
        targets = re.findall(r'href="#([^"]+)"', page)
        assert targets == ["claim-c-1", "claim-c-1-2", "claim-c-1-3"]
        assert len(set(targets)) == 3

    def test_hostile_records(self, hostile: ct.ClaimSet, no_dot: None) -> None:
        """Untrusted names, texts and URLs never become markup or links."""
        page = report_page(hostile)
        parsed = assert_inert(page)
        assert len(parsed.named("script")) == 1
        links = [a["href"] for a in parsed.named("a")]
        assert "https://example.org/x" in links
        assert not [h for h in links if "script" in h or "data:" in h]
        assert "<h2" in page
        assert "reused text" in page

    def test_deterministic(self, no_dot: None) -> None:
        """The same claim set gives the same page."""
        assert report_page(ct.example()) == report_page(ct.example())


class TestDiagrams:
    def test_layered_svg_is_xml(self, no_dot: None) -> None:
        """The self-drawn diagram is well-formed SVG with every statement."""
        for cs in (ct.example(), ct.example("uranium")):
            for claim in cs.claims:
                svg = attribution_svg(cs, claim.id)
                root = parse_svg(svg)
                assert root.tag == f"{SVG}svg"
                texts = {t.text for t in root.iter(f"{SVG}text")}
                drawn = attribution_graph(cs, claim.id).statements
                assert set(drawn) <= texts

    def test_ties_are_drawn(self, no_dot: None) -> None:
        """The affiliations that make one voice are drawn with their dates."""
        svg = attribution_svg(ct.example(), "c3", renderer="layered")
        assert "ties that make sources one voice" in svg
        assert "member_of from 2023-09-16" in svg
        assert "Republic of Mali [mali]" in svg

    def test_graphviz_when_installed(self, graphviz: None) -> None:
        """With ``dot``, Graphviz draws; its SVG has no prologue or ids."""
        cs = ct.example()
        svg = attribution_svg(cs, "c3")
        assert svg.startswith("<svg")
        assert " id=" not in svg
        assert "<!--" not in svg
        parse_svg(svg)
        markup = report_html(cs.corroboration("c3"), claim_set=cs)
        assert 'data-renderer="graphviz"' in markup
        assert "drawn by Graphviz" in markup
        layered = attribution_svg(cs, "c3", renderer="layered")
        assert 'class="ct-diagram"' in layered

    @pytest.mark.parametrize(
        "script",
        [
            "exit 1",
            "echo not svg",
            "cat >/dev/null; echo '<svg><script>alert(1)</script></svg>'",
            "cat >/dev/null; echo '<svg onload=\"alert(1)\"></svg>'",
            "cat >/dev/null; echo '<svg style=\"x\"></svg>'",
            "cat >/dev/null; echo '<svg><a xlink:href=\"javascript:x\"/></svg>'",
            "cat >/dev/null; echo '<svg><image href=\"http://x/y\"/></svg>'",
            "cat >/dev/null; echo '<svg><text>a</text><foo/></svg>'",
        ],
    )
    def test_falls_back_when_dot_misbehaves(
        self, script: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """A failing ``dot``, or SVG outside the safe list, is not used."""
        fake_dot(tmp_path / "bin", script)
        monkeypatch.setenv("PATH", str(tmp_path / "bin"))
        cs = ct.example()
        markup = report_html(cs.corroboration("c3"), claim_set=cs)
        assert 'data-renderer="layered"' in markup
        assert_inert(markup)
        assert "alert" not in markup

    def test_falls_back_when_dot_hangs(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """A ``dot`` that takes too long is given up on."""
        monkeypatch.setattr("claimtrack._diagrams.DOT_TIMEOUT", 0.5)
        fake_dot(tmp_path / "bin", "exec sleep 30")
        monkeypatch.setenv("PATH", str(tmp_path / "bin"))
        cs = ct.example()
        markup = report_html(cs.corroboration("c3"), claim_set=cs)
        assert 'data-renderer="layered"' in markup

    @settings(max_examples=25)
    @given(cs=claim_sets())
    def test_any_claim_set(self, cs: ct.ClaimSet) -> None:
        """Every claim of any claim set makes a well-formed diagram."""
        for claim in cs.claims:
            svg = attribution_svg(cs, claim.id, renderer="layered")
            root = parse_svg(svg)
            texts = {t.text for t in root.iter(f"{SVG}text")}
            assert set(attribution_graph(cs, claim.id).statements) <= texts
            alone = report_html(cs.corroboration(claim.id), renderer="layered")
            assert_inert(alone)

    @settings(max_examples=15)
    @given(cs=claim_sets())
    def test_any_page(self, cs: ct.ClaimSet) -> None:
        """Any claim set makes a page with a section per claim."""
        page = report_page(cs, renderer="layered")
        parsed = assert_inert(page)
        assert len(parsed.named("section")) == len(cs.claims) + 2
        assert len(parsed.named("script")) == 1


# -- in a real browser ---------------------------------------------------------


def find_browser() -> str | None:
    """Chromium or Chrome, if this machine has one."""
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


ON_3_AND_4 = """
import fcntl, os, sys
commands, replies = (fcntl.fcntl(int(fd), fcntl.F_DUPFD, 10) for fd in sys.argv[1:3])
os.dup2(commands, 3)
os.dup2(replies, 4)
os.execv(sys.argv[3], sys.argv[3:])
"""
"""Runs a program with the pipes it is given as file descriptors 3 and 4."""


class Browser:
    """
    Headless Chromium driven over the DevTools protocol, on a pipe.

    ``--remote-debugging-pipe`` reads commands on file descriptor 3 and
    writes replies and events on 4, each a JSON text ending in NUL: the
    standard library is all it takes.
    """

    def __init__(self, executable: str, profile: Path) -> None:
        commands, self._commands = os.pipe()
        self._replies, replies = os.pipe()
        arguments = [
            executable,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        self.log = profile / "browser.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    ON_3_AND_4,
                    str(commands),
                    str(replies),
                    *arguments,
                ],
                pass_fds=(commands, replies),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        os.close(commands)
        os.close(replies)
        self._buffer = b""
        self._number = 0
        self.events: list[dict[str, Any]] = []

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
    ) -> dict[str, Any]:
        """Send one command and wait for its result."""
        self._number += 1
        message: dict[str, Any] = {
            "id": self._number,
            "method": method,
            "params": params or {},
        }
        if session is not None:
            message["sessionId"] = session
        try:
            os.write(self._commands, json.dumps(message).encode() + b"\0")
        except BrokenPipeError:
            raise EOFError(self._gone()) from None
        deadline = time.monotonic() + 60
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._number:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply["result"]
                return result
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        """Wait for the first event *method* not yet consumed."""
        deadline = time.monotonic() + 60
        for number, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(number)
        while True:
            event = self._receive(deadline)
            if event.get("method") == method:
                return event
            self.events.append(event)

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from the browser")
            ready, _, _ = select.select([self._replies], [], [], left)
            if ready:
                chunk = os.read(self._replies, 1 << 16)
                if not chunk:
                    raise EOFError(self._gone())
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def _gone(self) -> str:
        """Why the browser went away, as far as its log tells."""
        log = self.log.read_text(encoding="utf-8", errors="replace")
        return "the browser went away; its log ends:\n" + log[-3000:]

    def close(self) -> None:
        """Close the browser, and kill it if it does not go."""
        try:
            self.send("Browser.close")
            self.process.wait(timeout=15)
        except (OSError, RuntimeError, TimeoutError, EOFError):
            self.process.kill()
            self.process.wait()
        finally:
            os.close(self._commands)
            os.close(self._replies)


class Visit:
    """One page loaded in a fresh tab, with what happened while it loaded."""

    def __init__(self, browser: Browser, url: str) -> None:
        self.browser = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})
        self.session = browser.send(
            "Target.attachToTarget",
            {"targetId": target["targetId"], "flatten": True},
        )["sessionId"]
        browser.events.clear()
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {
                "width": 1000,
                "height": 1400,
                "deviceScaleFactor": 1,
                "mobile": False,
            },
        )
        self.send("Page.navigate", {"url": url})
        browser.wait_for("Page.loadEventFired")
        # Let late errors (a script after load) arrive.
        self.evaluate("new Promise(r => setTimeout(r, 200))")
        self.events = [
            e for e in browser.events if e.get("sessionId") == self.session
        ]

    def send(self, method: str, params: dict[str, Any] | None = None) -> Any:
        """A command in this tab."""
        return self.browser.send(method, params, session=self.session)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.send(
            "Runtime.evaluate",
            {
                "expression": expression,
                "returnByValue": True,
                "awaitPromise": True,
            },
        )
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def problems(self) -> list[str]:
        """Console errors and warnings, exceptions, refused loads."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(json.dumps(params["exceptionDetails"])[:300])
            elif method == "Runtime.consoleAPICalled" and params["type"] in (
                "error",
                "warning",
                "assert",
            ):
                found.append(json.dumps(params["args"])[:300])
            elif method == "Log.entryAdded" and params["entry"]["level"] in (
                "error",
                "warning",
            ):
                found.append(params["entry"]["text"])
        return found

    def requests(self) -> list[str]:
        """The URL of every request the page made."""
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e.get("method") == "Network.requestWillBeSent"
        ]

    def screenshot(self) -> bytes:
        """A PNG of the viewport."""
        shot = self.send("Page.captureScreenshot", {"format": "png"})
        return base64.b64decode(shot["data"])

    def close(self) -> None:
        """Close the tab."""
        self.browser.send(
            "Target.detachFromTarget", {"sessionId": self.session}
        )


def png_colours(data: bytes, *, step: int = 3) -> int:
    """
    How many distinct colours an 8-bit RGB(A) PNG has (every *step*th row).

    Decoded with zlib alone: the five PNG row filters undone by hand.
    """
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8
    assert colour in (2, 6), colour
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * size
    previous = bytearray(stride)
    colours: set[bytes] = set()
    for row in range(height):
        start = row * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up = previous[i]
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                corner = previous[i - size] if i >= size else 0
                guess = left + up - corner
                near = min(
                    (abs(guess - left), 0, left),
                    (abs(guess - up), 1, up),
                    (abs(guess - corner), 2, corner),
                )[2]
                line[i] = (line[i] + near) & 0xFF
        if row % step == 0:
            colours.update(
                bytes(line[i : i + 3]) for i in range(0, stride, size)
            )
        previous = line
    return len(colours)


@pytest.fixture(name="browser", scope="module")
def _browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    executable = find_browser()
    if executable is None and os.environ.get("CLAIMTRACK_NEEDS_BROWSER"):
        pytest.fail(
            "CLAIMTRACK_NEEDS_BROWSER is set (by .ci/run, which installed "
            "Chromium) but no browser was found"
        )
    if executable is None:
        pytest.skip(
            "no Chromium or Chrome here (apt-get install chromium); "
            ".ci/run installs one, so CI runs this test"
        )
    browser = Browser(executable, tmp_path_factory.mktemp("profile"))
    try:
        yield browser
    finally:
        browser.close()


def visit(browser: Browser, page: str, path: Path) -> Visit:
    """Write *page* to *path* and load it."""
    path.write_text(page, encoding="utf-8")
    return Visit(browser, path.as_uri())


class TestInBrowser:
    @pytest.mark.parametrize("case", ["sahel", "uranium", "hostile"])
    def test_page_loads_cleanly(
        self,
        case: str,
        browser: Browser,
        hostile: ct.ClaimSet,
        tmp_path: Path,
        no_dot: None,
    ) -> None:
        """No console error, no request, every section, a real picture."""
        cs = {
            "sahel": ct.example,
            "uranium": lambda: ct.example("uranium"),
            "hostile": lambda: hostile,
        }[case]()
        page = visit(browser, report_page(cs), tmp_path / "report.html")
        try:
            assert page.problems() == []
            assert page.requests() == [(tmp_path / "report.html").as_uri()]
            anchors = page.evaluate(
                "Array.from(document.querySelectorAll('section.ct-claim h2'))"
                ".map(h => h.id)"
            )
            assert len(anchors) == len(cs.claims)
            assert page.evaluate(
                "document.querySelectorAll('svg').length"
            ) == len(cs.claims)
            assert png_colours(page.screenshot()) > 20
        finally:
            page.close()

    def test_graphviz_diagrams_load_cleanly(
        self, browser: Browser, graphviz: None, tmp_path: Path
    ) -> None:
        """Graphviz's SVG passes the page's Content Security Policy."""
        markup = report_page(ct.example(), claims=["c3", "c13"])
        assert markup.count('data-renderer="graphviz"') == 2
        page = visit(browser, markup, tmp_path / "report.html")
        try:
            assert page.problems() == []
            assert (
                page.evaluate("document.querySelectorAll('svg').length") == 2
            )
        finally:
            page.close()

    def test_sorting(
        self, browser: Browser, tmp_path: Path, no_dot: None
    ) -> None:
        """Clicking a heading sorts the rows; clicking again reverses them."""
        cs = ct.example("uranium")
        page = visit(browser, report_page(cs), tmp_path / "report.html")
        order = (
            "Array.from(document.querySelectorAll('#status tbody th'))"
            ".map(th => th.textContent)"
        )
        click = "document.querySelectorAll('#status thead button')[{}].click()"
        try:
            assert page.evaluate(order) == ["africa", "niger", "unfit"]
            page.evaluate(click.format(3))  # groups: 1/0, 1/2, 1/0
            page.evaluate(click.format(6))  # credibility: 3, 4, 3
            assert page.evaluate(order) == ["africa", "unfit", "niger"]
            page.evaluate(click.format(6))
            assert page.evaluate(order) == ["niger", "africa", "unfit"]
            assert (
                page.evaluate(
                    "document.querySelectorAll('#status th')[6]"
                    ".getAttribute('aria-sort')"
                )
                == "descending"
            )
            assert page.problems() == []
        finally:
            page.close()

    def test_the_checks_see_errors(
        self, browser: Browser, tmp_path: Path
    ) -> None:
        """A page with a console error, a refused script and a fetch fails."""
        markup = report_page(ct.example(), claims=["c1"], renderer="none")
        markup = markup.replace(
            "</body>",
            "<script>console.error('boom')</script>"
            '<img src="https://example.invalid/x.png"></body>',
        )
        page = visit(browser, markup, tmp_path / "bad.html")
        try:
            problems = page.problems()
            assert any("Content Security Policy" in p for p in problems)
            assert any("img-src" in p or "x.png" in p for p in problems)
        finally:
            page.close()


class TestNoScriptLinks:
    @pytest.mark.parametrize(
        "url",
        [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(2)</script>",
            "java\tscript:alert(3)",
        ],
    )
    def test_imported_urls_are_never_links(
        self, url: str, no_dot: None
    ) -> None:
        """Script and data URLs of documents and reviews are never links."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="A")
        cs.record_source("checker", name="Checker")
        cs.record_document("d", publisher="a", url=url)
        cs.record_claim("c", text="C")
        cs.record_statement("s", claim="c", source="a", document="d")
        cs.record_review(
            "r",
            claim="c",
            reviewer="checker",
            date=None,
            rating="False",
            url=url,
        )

        assert cs.document("d").url == url  # kept as data
        report = cs.corroboration("c")
        for markup in (
            report_page(cs),
            report_html(report, claim_set=cs),
            claim_set_html(cs),
            attribution_svg(cs, "c"),
        ):
            parsed = assert_inert(markup)
            hrefs = [a.get("href") or "" for a in parsed.named("a")]
            assert not [h for h in hrefs if not h.startswith("#")]


class TestNotebookDisplay:
    """What Jupyter shows for the claim set, a report and a suspicion."""

    def test_each_object_shows_its_own_fragment(self) -> None:
        """_repr_html_ gives the html module's fragments, unchanged."""
        cs = ct.example("uranium")
        report = cs.corroboration(cs.claims[0].id)
        suspicion = cs.suspicions(min_score=0)[0]

        assert cs._repr_html_() == ct.html.claim_set_html(cs)
        assert report._repr_html_() == ct.html.report_html(report)
        assert suspicion._repr_html_() == ct.html.suspicion_html(suspicion)
        for fragment in (
            cs._repr_html_(),
            report._repr_html_(),
            suspicion._repr_html_(),
        ):
            assert "<script" not in fragment
            assert " src=" not in fragment
            assert "url(" not in fragment
