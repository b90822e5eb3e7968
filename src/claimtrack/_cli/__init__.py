# SPDX-License-Identifier: MIT
"""
The ``claimtrack`` command line: the parser and its table of commands.

Each command lives in a module of this package that adds its parser with
``add_commands`` and names the function that runs it (``run``); `main`
parses, calls that function, and turns errors into exit codes.
"""

from __future__ import annotations

import argparse
import errno
import io
import os
import sys

from collections.abc import Sequence

from claimtrack._cli import answers, exchange, suspect, tables
from claimtrack._cli.common import (
    DEFAULT_MAX_INPUT,
    MAX_INPUT_VARIABLE,
    DataError,
    UsageError,
    parse_size,
    set_max_input,
)
from claimtrack._version import VERSION
from claimtrack.exceptions import ClaimtrackError


__all__ = ["main"]

_COMMAND_MODULES = (answers, suspect, exchange, tables)
"""Where the commands are, in the order ``claimtrack --help`` lists them."""


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the ``claimtrack`` command with *argv* (default: ``sys.argv``).

    Nothing ends in a traceback: every failure is one or more lines on
    standard error starting ``claimtrack:``, and an exit code.

    Returns:
        The exit code: 0 on success (or when the reader of standard output
        went away), 1 for bad data or a failed read or write (a full
        disk, a closed standard output), 2 for bad usage, 130 when
        interrupted (Ctrl-C).
    """
    saved = sys.stdin, sys.stdout, sys.stderr
    # A stream closed before we started is None: make writing to it an
    # error we report (standard output), or nothing (standard error).
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    if sys.stderr is None:
        sys.stderr = io.StringIO()
    try:
        return _main(argv)
    except KeyboardInterrupt:
        _say("claimtrack: interrupted")
        return 130
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # --help, --version, or a usage error
        code = e.code if isinstance(e.code, int) else 2
        raise SystemExit(_flushed(code)) from None
    try:
        limit = _max_input(args.max_input)
    except ValueError as e:
        _say(f"claimtrack: error: {e}")
        return 2
    previous = set_max_input(limit)
    try:
        args.run(args)
        return _flushed(0)
    except UsageError as e:
        sys.stderr.write(args.usage())
        _say(f"claimtrack {args.command}: error: {e}")
        return 2
    except DataError as e:
        for line in e.lines:
            _say(f"claimtrack: error: {line}")
        return 1
    except ClaimtrackError as e:
        for line in str(e).splitlines():
            _say(f"claimtrack: error: {line}")
        return 1
    except BrokenPipeError:
        return _reader_gone()
    except OSError as e:
        return _write_failed(e)
    except MemoryError:
        _say("claimtrack: error: out of memory")
        return 1
    finally:
        set_max_input(previous)


def _flushed(code: int) -> int:
    """*code*, once standard output is flushed (or why it could not be)."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return _reader_gone()
    except OSError as e:
        return _write_failed(e)
    return code


def _reader_gone() -> int:
    # The reader went away (`claimtrack report ... | head`): stop
    # quietly, and keep Python from complaining at exit.
    _discard_standard_output()
    return 0


def _write_failed(error: OSError) -> int:
    reason = error.strerror or str(error)
    if error.filename is not None:
        _say(f"claimtrack: error: {error.filename}: {reason}")
    else:
        _say(f"claimtrack: error: cannot write standard output: {reason}")
        _discard_standard_output()
    return 1


def _discard_standard_output() -> None:
    """Send what is left in standard output's buffer to /dev/null."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


def _say(line: str) -> None:
    """Write *line* to standard error, if anyone can read it."""
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _max_input(option: str | None) -> int:
    """The input limit: --max-input, else the environment, else 1 GiB."""
    if option is not None:
        return parse_size(option)
    variable = os.environ.get(MAX_INPUT_VARIABLE)
    if variable is None:
        return DEFAULT_MAX_INPUT
    try:
        return parse_size(variable)
    except ValueError as e:
        raise ValueError(f"{MAX_INPUT_VARIABLE}: {e}") from None


class _ClosedOutput(io.TextIOBase):
    """Standard output when it was closed before claimtrack started."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it is closed")

    def flush(self) -> None:
        """Nothing is ever buffered."""


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
        version=f"claimtrack {VERSION}",
    )
    parser.add_argument(
        "--max-input",
        metavar="SIZE",
        help="the most any input may hold, as bytes or 64K, 200M, 2G "
        f"(default: ${MAX_INPUT_VARIABLE}, else 1G)",
    )
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND"
    )

    for module in _COMMAND_MODULES:
        module.add_commands(commands)
    return parser
