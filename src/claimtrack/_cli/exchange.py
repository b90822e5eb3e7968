# SPDX-License-Identifier: MIT
"""The commands that read and write files: validate, example, the exports."""

from __future__ import annotations

import argparse
import json
import sys
import warnings

from collections import Counter
from pathlib import Path

from claimtrack._claimset import ClaimSet
from claimtrack._cli.common import (
    Commands,
    DataError,
    UsageError,
    add_input,
    add_output,
    claim_set_of,
    command,
    is_standard_output,
    is_stream,
    json_text,
    load_input,
    read_input,
    write_output,
)
from claimtrack._example import example
from claimtrack._records import RECORD_KINDS
from claimtrack._reviews import Review
from claimtrack.claimreview import (
    Severity,
    check_claimreviews,
    export_claimreviews,
    import_claimreviews,
)
from claimtrack.exceptions import (
    ClaimReviewExportError,
    ClaimReviewWarning,
    ClaimtrackError,
)
from claimtrack.prov import PROV_FORMATS, dumps_prov


__all__ = ["add_commands"]

_PROV_NAMES = {
    "json": "PROV-JSON",
    "provn": "PROV-N",
    "xml": "PROV-XML",
    "rdf": "PROV-O (TriG)",
    "jsonld": "PROV-JSON-LD",
}
"""What each --format of export-prov writes, for the confirmation."""


def add_commands(commands: Commands[argparse.ArgumentParser]) -> None:
    """Add validate, export-prov, import- and export-claimreview, example."""
    validate = command(
        commands,
        "validate",
        "check a claimtrack JSON file",
        "Check a claimtrack JSON file: print a one-line summary and exit "
        "0, or print every problem with its JSON path and exit 1.",
        [
            "claimtrack validate claims.json",
            "cat claims.json | claimtrack validate -",
        ],
    )
    validate.add_argument(
        "file",
        metavar="FILE",
        help="a claimtrack JSON file ('-' for standard input)",
    )

    validate.set_defaults(run=_validate)

    export_prov = command(
        commands,
        "export-prov",
        "write the claim set as W3C PROV-JSON",
        "Write the claim set as a W3C PROV-JSON document: sources as "
        "agents, documents, claims and statements as entities, "
        "attribution, derivation, delegation and invalidation as PROV "
        "relations, the rest as claimtrack: attributes.",
        [
            "claimtrack export-prov claims.json -o claims.prov.json",
            "claimtrack export-prov --example | less",
        ],
    )
    add_input(export_prov)
    add_output(export_prov)
    export_prov.add_argument(
        "--format",
        choices=PROV_FORMATS,
        default="json",
        help="json (PROV-JSON, the default), provn (PROV-N), xml "
        "(PROV-XML), rdf (PROV-O as TriG) or jsonld (PROV-JSON-LD); all but "
        "json need the prov extra: pip install 'claimtrack[prov]'",
    )

    export_prov.set_defaults(run=_export_prov)

    importer = command(
        commands,
        "import-claimreview",
        "record schema.org ClaimReview data as a claim set",
        "Import schema.org ClaimReview JSON (JSON-LD, @graph documents, "
        "Data Commons feeds, Fact Check Tools API items) into a claim set: "
        "claims, reviewers, reviews with their ratings, claimants and the "
        "documents where the claim appeared. Records without claim text or "
        "rating are skipped and reported, unless --strict. When -o names "
        "an existing claim set, the imports are added to it.",
        [
            "claimtrack import-claimreview afp.json boom.json -o claims.json",
            "claimtrack import-claimreview --strict page.json",
        ],
    )
    importer.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="ClaimReview JSON files ('-' for standard input)",
    )
    importer.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first record that cannot be imported (exit 1)",
    )
    add_output(importer)

    importer.set_defaults(run=_import_claimreview)

    exporter = command(
        commands,
        "export-claimreview",
        "write a claim set's reviews as schema.org ClaimReview",
        "Write every review of a claim set as a schema.org ClaimReview "
        "JSON-LD object (a JSON list), with what Google's fact-check "
        "markup requires and recommends. A review that lacks what Google "
        "requires (a url, a rating label) stops the export, naming each "
        "missing property, unless --allow-incomplete.",
        [
            "claimtrack export-claimreview claims.json -o reviews.json",
            "claimtrack export-claimreview claims.json --allow-incomplete",
        ],
    )
    add_input(exporter)
    add_output(exporter)
    exporter.add_argument(
        "--allow-incomplete",
        action="store_true",
        help="write reviews Google would refuse too, listing what each "
        "lacks on standard error",
    )
    exporter.add_argument(
        "--form",
        choices=("list", "datafeed"),
        default="list",
        help="list (a JSON list of ClaimReview, the default) or datafeed "
        "(one schema.org DataFeed, as the Data Commons feed)",
    )
    exporter.add_argument(
        "--check",
        action="store_true",
        help="write nothing: list what Google's documentation flags in "
        "each review (required, recommended, advice) and exit 1 if a "
        "required property is missing",
    )

    exporter.set_defaults(run=_export_claimreview)

    sample = command(
        commands,
        "example",
        "write the bundled example as claimtrack JSON",
        "Write the bundled Sahel counter-offensive example as a claimtrack "
        "JSON file, to start from a real case.",
        ["claimtrack example -o claims.json", "claimtrack example | less"],
    )
    sample.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default="-",
        help="where to write it (default '-': standard output)",
    )
    sample.set_defaults(run=_example)


def _validate(args: argparse.Namespace) -> None:
    out = sys.stdout
    data = read_input(args.file)
    claim_set = load_input(args.file, data)
    tables = [
        (kind.plural, getattr(claim_set, kind.plural))
        for kind in RECORD_KINDS
        # A set without reviews is told as before reviews existed.
        if kind.cls is not Review or claim_set.reviews
    ]
    counts = ", ".join(f"{len(records)} {name}" for name, records in tables)
    # The file loaded, so it is JSON with a version the loader accepts.
    version = json.loads(data)["version"]
    out.write(
        f"{args.file}: valid claimtrack JSON (format version {version}): "
        f"{counts}\n"
    )


def _example(args: argparse.Namespace) -> None:
    write_output(args.output, example().to_json(), "the bundled example")


def _import_claimreview(args: argparse.Namespace) -> None:
    # Only a file is read back and added to; a stream is written to.
    existing = not is_stream(args.output) and Path(args.output).exists()
    claim_set = load_input(args.output) if existing else ClaimSet()
    imported = 0
    for file in args.files:
        try:
            data = json.loads(read_input(file))
        except (ValueError, RecursionError) as e:
            raise DataError([f"{file}: not JSON: {e}"]) from None
        try:
            result = import_claimreviews(
                claim_set, data, errors="raise" if args.strict else "collect"
            )
        except ClaimtrackError as e:
            raise DataError([f"{file}: {e}"]) from None
        imported += len(result.reviews)
        for skipped in result.skipped:
            sys.stderr.write(
                f"claimtrack: skipped {file}: {skipped.path}: {skipped.reason}\n"
            )
        for note in result.notes:
            sys.stderr.write(f"claimtrack: note: {file}: {note}\n")
    write_output(args.output, claim_set.to_json())
    if not is_standard_output(args.output):
        noun = "review" if imported == 1 else "reviews"
        sys.stderr.write(
            f"claimtrack: imported {imported} {noun} from {len(args.files)} "
            f"file(s) into {args.output}\n"
        )


def _check_claimreview(args: argparse.Namespace) -> None:
    if not is_standard_output(args.output):
        raise UsageError("--check writes nothing: leave out -o")
    claim_set = claim_set_of(args)
    with warnings.catch_warnings():
        # Advice is listed with the other issues, not warned about.
        warnings.simplefilter("ignore", ClaimReviewWarning)
        exported = export_claimreviews(claim_set, strict=False, form=args.form)
    issues = check_claimreviews(exported)
    for issue in issues:
        sys.stdout.write(f"{issue}\n")
    counts = Counter(issue.severity for issue in issues)
    sys.stderr.write(
        f"claimtrack: checked {len(claim_set.reviews)} review(s): "
        f"{counts[Severity.REQUIRED]} required, "
        f"{counts[Severity.RECOMMENDED]} recommended, "
        f"{counts[Severity.ADVICE]} advice\n"
    )
    if counts[Severity.REQUIRED]:
        raise DataError([])


def _export_claimreview(args: argparse.Namespace) -> None:
    if args.check:
        _check_claimreview(args)
        return
    claim_set = claim_set_of(args)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ClaimReviewWarning)
        try:
            exported = export_claimreviews(
                claim_set, strict=not args.allow_incomplete, form=args.form
            )
        except ClaimReviewExportError as e:
            hint = (
                "nothing written: Google refuses ClaimReview without "
                "these; --allow-incomplete writes them anyway"
            )
            raise DataError([*map(str, e.problems), hint]) from None
    for warning in caught:
        if issubclass(warning.category, ClaimReviewWarning):
            sys.stderr.write(f"claimtrack: warning: {warning.message}\n")
        else:
            warnings.warn_explicit(
                warning.message,
                warning.category,
                warning.filename,
                warning.lineno,
            )
    for problem in exported.problems:
        sys.stderr.write(f"claimtrack: incomplete: {problem}\n")
    write_output(args.output, json_text(exported))


def _export_prov(args: argparse.Namespace) -> None:
    write_output(
        args.output,
        dumps_prov(claim_set_of(args), format=args.format, as_of=args.as_of),
        f"the claim set as W3C {_PROV_NAMES[args.format]}",
    )
