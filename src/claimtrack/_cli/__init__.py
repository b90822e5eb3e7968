# SPDX-License-Identifier: MIT
"""
The ``claimtrack`` command line: the parser and its table of commands.

Each command lives in a module of this package that adds its parser with
``add_commands`` and names the function that runs it (``run``); `main`
parses, calls that function, and turns errors into exit codes.
"""

from __future__ import annotations

import argparse
import os
import sys

from collections.abc import Sequence

import claimtrack

from claimtrack._cli import answers, exchange, suspect, tables
from claimtrack._cli.common import DataError, UsageError
from claimtrack.exceptions import ClaimtrackError


__all__ = ["main"]

_COMMAND_MODULES = (answers, suspect, exchange, tables)
"""Where the commands are, in the order ``claimtrack --help`` lists them."""


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the ``claimtrack`` command with *argv* (default: ``sys.argv``).

    Returns:
        The exit code: 0 on success, 1 for bad data, 2 for bad usage.
    """
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        args.run(args)
    except UsageError as e:
        sys.stderr.write(args.usage())
        sys.stderr.write(f"claimtrack {args.command}: error: {e}\n")
        return 2
    except DataError as e:
        for line in e.lines:
            sys.stderr.write(f"claimtrack: error: {line}\n")
        return 1
    except ClaimtrackError as e:
        for line in str(e).splitlines():
            sys.stderr.write(f"claimtrack: error: {line}\n")
        return 1
    except BrokenPipeError:
        # The reader went away (`claimtrack report ... | head`): stop
        # quietly, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimtrack",
        description="Is a claim independently corroborated, or do all "
        "its sources lead back to one voice?",
        epilog="examples:\n"
        "  claimtrack report --example\n"
        "  claimtrack example -o claims.json\n"
        "  claimtrack explain claims.json c3\n"
        "  claimtrack suspect claims.json\n"
        "  claimtrack graph claims.json c3 | dot -Tsvg -o c3.svg\n"
        "\nRun 'claimtrack COMMAND --help' for each command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"claimtrack {claimtrack.__version__}",
    )
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND"
    )

    for module in _COMMAND_MODULES:
        module.add_commands(commands)
    return parser
