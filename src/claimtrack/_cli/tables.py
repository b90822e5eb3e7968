# SPDX-License-Identifier: MIT
"""The spreadsheet commands: export-csv, import-csv and template."""

from __future__ import annotations

import argparse
import sys

from claimtrack._cli.common import (
    Commands,
    DataError,
    add_example,
    add_output,
    claim_set_of,
    command,
    is_standard_output,
    write_output,
)
from claimtrack.exceptions import TableError
from claimtrack.tables import from_csv, template_text, to_csv


__all__ = ["add_commands"]


def add_commands(commands: Commands[argparse.ArgumentParser]) -> None:
    """Add export-csv, import-csv and template."""
    export = command(
        commands,
        "export-csv",
        "write the claim set as a folder of CSV tables",
        "Write the claim set as a folder of CSV tables, one per kind of "
        "record (sources, documents, claims, links, statements, reviews), "
        "with a datapackage.json that describes every column and keeps "
        "the policy. 'claimtrack import-csv' reads it back exactly.",
        [
            "claimtrack export-csv claims.json tables/",
            "claimtrack export-csv --example tables/",
        ],
    )
    export.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="a claimtrack JSON file ('-' for standard input)",
    )
    export.add_argument(
        "directory",
        metavar="DIR",
        help="the folder to write (made if missing)",
    )
    add_example(export)
    export.set_defaults(run=_export_csv, as_of=None)

    importer = command(
        commands,
        "import-csv",
        "read a folder of CSV tables or a one-sheet form",
        "Read a folder written by 'claimtrack export-csv', or a one-sheet "
        "form (one row per statement, see 'claimtrack template'), and "
        "write the claim set as claimtrack JSON. Every problem is printed "
        "with its file, row and column, and nothing is written.",
        [
            "claimtrack import-csv tables/ -o claims.json",
            "claimtrack import-csv sheet.csv -o claims.json",
        ],
    )
    importer.add_argument(
        "path",
        metavar="DIR|SHEET",
        help="a folder of CSV tables, or a one-sheet form (a CSV file)",
    )
    add_output(importer)
    importer.set_defaults(run=_import_csv)

    template = command(
        commands,
        "template",
        "write an empty one-sheet form to fill in",
        "Write the one-sheet form: a CSV header with a column for each "
        "thing a row says about one statement (who said what, when, in "
        "which document, relaying which row). Fill it in a spreadsheet "
        "and read it with 'claimtrack import-csv'.",
        [
            "claimtrack template -o sheet.csv",
            "claimtrack template --example",
        ],
    )
    template.add_argument(
        "--example",
        action="store_true",
        help="add two filled rows: a communiqué and an article relaying it",
    )
    add_output(template)
    template.set_defaults(run=_template)


def _export_csv(args: argparse.Namespace) -> None:
    claim_set = claim_set_of(args)
    try:
        to_csv(claim_set, args.directory)
    except OSError as e:
        reason = e.strerror or str(e)
        raise DataError([f"cannot write {args.directory}: {reason}"]) from None
    sys.stderr.write(f"claimtrack: wrote the tables to {args.directory}\n")


def _import_csv(args: argparse.Namespace) -> None:
    try:
        claim_set = from_csv(args.path)
    except TableError as e:
        where = args.path.rstrip("/")
        raise DataError(
            [
                f"{where}: {problem}" if problem.file is None else str(problem)
                for problem in e.problems
            ]
        ) from None
    except OSError as e:
        reason = e.strerror or str(e)
        raise DataError([f"cannot read {args.path}: {reason}"]) from None
    write_output(args.output, claim_set.to_json())


def _template(args: argparse.Namespace) -> None:
    what = None if is_standard_output(args.output) else "the one-sheet form"
    write_output(args.output, template_text(example=args.example), what)
