# SPDX-License-Identifier: MIT
"""The stylesheets and the one small script of claimtrack's HTML output."""

from __future__ import annotations

import base64
import hashlib


__all__ = ["FRAGMENT_CSS", "PAGE_CSS", "SORT_SCRIPT", "csp_hash"]

FRAGMENT_CSS = """\
.ct { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial,
  sans-serif; line-height: 1.4; color: #1d1d1d; }
.ct table.ct-status { border-collapse: collapse; margin: 0.5em 0; }
.ct table.ct-status th, .ct table.ct-status td { border: 1px solid #d0d0d0;
  padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
.ct table.ct-status th { background: #f0f0ec; }
.ct td.ct-number { text-align: right; font-variant-numeric: tabular-nums; }
.ct .ct-badge { display: inline-block; padding: 0 0.45em;
  border-radius: 0.6em; border: 1px solid #888; font-size: 0.9em;
  white-space: nowrap; }
.ct .ct-corroborated { background: #e3f4e1; border-color: #3b7a34; }
.ct .ct-contested { background: #fff1d6; border-color: #a86b00; }
.ct .ct-single_origin { background: #fde8e6; border-color: #a33a2c; }
.ct .ct-insufficient { background: #f3ecd9; border-color: #7d6a2a; }
.ct .ct-denied { background: #ece6f5; border-color: #5b3f8c; }
.ct .ct-unsupported { background: #ececec; border-color: #666; }
.ct pre.ct-explain { white-space: pre-wrap; overflow-wrap: anywhere;
  background: #f7f7f4; border: 1px solid #e0e0da; padding: 0.6em;
  font-size: 0.9em; }
.ct dl.ct-facts { display: grid; grid-template-columns: max-content auto;
  gap: 0.15em 1em; margin: 0.5em 0; }
.ct dl.ct-facts dt { font-weight: 600; }
.ct dl.ct-facts dd { margin: 0; }
.ct .ct-suspicion { border-left: 3px solid #a86b00; padding: 0.1em 0.7em;
  margin: 0.6em 0; }
.ct .ct-suspicion dd { white-space: pre-wrap; overflow-wrap: anywhere; }
.ct figure.ct-figure { margin: 0.8em 0; overflow-x: auto; }
.ct figcaption { font-size: 0.85em; color: #555; }
.ct .ct-muted { color: #555; }
"""
"""Rules every fragment and the page share; all scoped under ``.ct``."""

PAGE_CSS = (
    FRAGMENT_CSS
    + """\
body { margin: 0 auto; max-width: 72em; padding: 1em 1.5em 3em; }
h1 { margin-bottom: 0.2em; }
section.ct-claim { border-top: 2px solid #d0d0d0; margin-top: 2em;
  padding-top: 0.5em; }
table.ct-sortable th button { font: inherit; font-weight: 600;
  background: none; border: 0; padding: 0; cursor: pointer;
  color: inherit; text-align: left; }
table.ct-sortable th[aria-sort="ascending"] button::after {
  content: " \\25B2"; }
table.ct-sortable th[aria-sort="descending"] button::after {
  content: " \\25BC"; }
a { color: #0b57a4; }
footer { margin-top: 3em; font-size: 0.85em; color: #555; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; color: #000; }
  a { color: inherit; text-decoration: none; }
  table.ct-sortable th button::after { content: none; }
  section.ct-claim { break-before: page; border-top: 0; }
  .ct table.ct-status { font-size: 9pt; }
  .ct table.ct-status tr, .ct figure.ct-figure, .ct .ct-suspicion {
    break-inside: avoid; }
  .ct figure.ct-figure { overflow: visible; }
  .ct figure.ct-figure svg { max-width: 100%; height: auto; }
  .ct pre.ct-explain { border: 0; background: none; padding: 0; }
  .ct .ct-badge { border-color: #000; background: none; }
  .ct-screen-only { display: none; }
}
"""
)
"""The page's one stylesheet, its print rules included."""

SORT_SCRIPT = """\
"use strict";
(function () {
  function key(cell) {
    var value = cell.getAttribute("data-sort");
    if (value === null) { return cell.textContent.trim(); }
    var number = Number(value);
    return value !== "" && !isNaN(number) ? number : value;
  }
  function compare(x, y) {
    if (typeof x === "number" && typeof y === "number") { return x - y; }
    return String(x).localeCompare(String(y));
  }
  var tables = document.querySelectorAll("table.ct-sortable");
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (head, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = head.textContent;
      head.textContent = "";
      head.appendChild(button);
      button.addEventListener("click", function () {
        var up = head.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (other) {
          other.removeAttribute("aria-sort");
        });
        head.setAttribute("aria-sort", up ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order = compare(key(a.cells[column]), key(b.cells[column]));
          return up ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
"""
"""
Click-to-sort for the status table, a progressive enhancement: without
it the table is complete and in claim order.
"""


def csp_hash(text: str) -> str:
    """The Content Security Policy source that allows exactly *text*."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
