# SPDX-License-Identifier: MIT
"""What every command shares: arguments, input, output, errors, progress."""

from __future__ import annotations

import argparse
import json
import os
import re
import stat
import sys
import time

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from claimtrack._claimset import ClaimSet
from claimtrack._dates import PartialDate, _parse_absolute
from claimtrack._example import example
from claimtrack._files import write_atomically
from claimtrack.exceptions import FormatError, InvalidValueError


__all__ = [
    "DEFAULT_MAX_INPUT",
    "MAX_INPUT_VARIABLE",
    "PROGRESS_THRESHOLD",
    "Commands",
    "DataError",
    "Progress",
    "UsageError",
    "add_example",
    "add_example_and_date",
    "add_input",
    "add_output",
    "check_as_of",
    "claim_set_of",
    "command",
    "is_standard_output",
    "is_stream",
    "is_terminal",
    "json_text",
    "load_input",
    "parse_size",
    "read_input",
    "set_max_input",
    "write_output",
]

PROGRESS_THRESHOLD = 2000
"""Claims (or records) from which long work shows progress on a terminal."""

Commands = argparse._SubParsersAction  # noqa: SLF001
"""What ``add_subparsers`` returns: each command module adds to it."""


class UsageError(Exception):
    """Bad usage found after parsing: exit code 2."""


class DataError(Exception):
    """Bad data: exit code 1, one line per message."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        super().__init__(*self.lines)


def command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    examples: Sequence[str],
) -> argparse.ArgumentParser:
    """Add the command *name* with its help, description and examples."""
    epilog = "examples:\n" + "\n".join(f"  {e}" for e in examples)
    command = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.set_defaults(usage=command.format_usage)
    return command


def add_input(command: argparse.ArgumentParser) -> None:
    """Add FILE, --example and --as-of: the claim set a command reads."""
    command.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="a claimtrack JSON file ('-' for standard input)",
    )
    add_example_and_date(command)


def add_example(command: argparse.ArgumentParser) -> None:
    """Add --example: the bundled case instead of FILE."""
    command.add_argument(
        "--example",
        action="store_true",
        help="use the bundled Sahel counter-offensive example instead of FILE",
    )


def add_output(command: argparse.ArgumentParser) -> None:
    """Add -o/--output, standard output by default."""
    command.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default="-",
        help="where to write (default '-': standard output)",
    )


def add_example_and_date(command: argparse.ArgumentParser) -> None:
    """Add --example and --as-of."""
    add_example(command)
    command.add_argument(
        "--as-of",
        metavar="DATE",
        help="count only what was said, and retracted, by this ISO 8601 date",
    )


# -- input ----------------------------------------------------------------


def claim_set_of(args: argparse.Namespace) -> ClaimSet:
    """The claim set named by FILE or --example, once --as-of is read."""
    if args.example and args.file is not None:
        raise UsageError("give FILE or --example, not both")
    if not args.example and args.file is None:
        raise UsageError(_no_file(args))
    check_as_of(args.as_of)
    if args.example:
        return example()
    return load_input(args.file)


def _no_file(args: argparse.Namespace) -> str:
    """What to say when there is neither FILE nor --example."""
    claim: str | None = getattr(args, "claim", None)
    if claim is None:
        return "give a claimtrack JSON FILE, or --example"
    # With one word, argparse fills CLAIM before the optional FILE: when
    # that word names a file, the claim is what is missing.
    if claim == "-" or claim.endswith(".json") or Path(claim).is_file():
        verb = "explain" if args.command == "explain" else "draw"
        return (
            f"missing CLAIM: give the id of the claim to {verb} after "
            f"FILE, as in 'claimtrack {args.command} {claim} CLAIM' "
            f"('claimtrack report {claim}' lists the claim ids)"
        )
    return f"give a claimtrack JSON FILE before CLAIM {claim}, or --example"


_ANY_DAY = "2000-01-01"
"""A reference date: text read against it, but not alone, is relative."""

_DATE_FORMS = (
    "YYYY, YYYY-MM, YYYY-MM-DD or a datetime such as 2025-06-04T18:00:00+00:00"
)


def check_as_of(text: str | None) -> None:
    """Refuse an --as-of date that cannot be read, saying what can."""
    if text is None:
        return
    try:
        if _parse_absolute(text) is not None:
            return
    except InvalidValueError as e:  # ISO 8601, but no such date
        reason = e.reason
    else:
        try:
            PartialDate.parse(text, reference=_ANY_DAY)
        except InvalidValueError:
            reason = f"expected an ISO 8601 date ({_DATE_FORMS})"
        else:
            reason = (
                "a relative date needs a reference date to resolve "
                "against, and --as-of has none: give the date itself in "
                f"ISO 8601 ({_DATE_FORMS}), as in --as-of 2025-06-04"
            )
    raise DataError([f"invalid date {text!r} for --as-of: {reason}"])


DEFAULT_MAX_INPUT = 1 << 30
"""The most bytes a command reads from one input, unless told otherwise."""

MAX_INPUT_VARIABLE = "CLAIMTRACK_MAX_INPUT"
"""The environment variable that sets the input limit (``--max-input``)."""

_SIZE = re.compile(r"\s*(\d+)\s*([kmg]?)i?b?\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
_READ_CHUNK = 1 << 20

_limit = DEFAULT_MAX_INPUT


def parse_size(text: str) -> int:
    """
    A size such as ``500000``, ``64K``, ``200M`` or ``2G`` in bytes.

    K, M and G are binary (KiB, MiB, GiB); a trailing ``B`` or ``iB`` is
    allowed.

    Raises:
        ValueError: If *text* is not such a size.
    """
    match = _SIZE.fullmatch(text)
    if match is None or len(match[1]) > 18:
        raise ValueError(
            f"invalid size {text!r}: expected bytes, or 64K, 200M, 2G"
        )
    return int(match[1]) * _UNITS[match[2].lower()]


def set_max_input(limit: int) -> int:
    """Set the input limit for `read_input`; return the one it replaces."""
    global _limit
    previous, _limit = _limit, limit
    return previous


def read_input(file: str) -> bytes:
    """
    The bytes of *file* ('-': standard input), or a DataError.

    At most the input limit is read (see `set_max_input`): a regular file
    larger than that is refused before reading, anything else (a pipe, a
    device such as /dev/zero) once the limit is passed.
    """
    limit = _limit
    name = "standard input" if file == "-" else file
    try:
        if file == "-":
            if sys.stdin is None:
                raise DataError(["cannot read standard input: it is closed"])
            return _read_limited(sys.stdin.buffer, name, limit)
        with Path(file).open("rb") as stream:
            info = os.fstat(stream.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise DataError([_too_large(name, limit)])
            return _read_limited(stream, name, limit)
    except OSError as e:
        reason = e.strerror or str(e)
        raise DataError([f"cannot read {name}: {reason}"]) from None


def _read_limited(stream: BinaryIO, name: str, limit: int) -> bytes:
    """Everything in *stream*, or a DataError once over *limit* bytes."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_READ_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise DataError([_too_large(name, limit)])


def _too_large(name: str, limit: int) -> str:
    return (
        f"{name} is larger than the input limit of {limit:,} bytes: "
        f"raise it with --max-input SIZE or {MAX_INPUT_VARIABLE}=SIZE"
    )


def load_input(file: str, data: bytes | None = None) -> ClaimSet:
    """The claim set in *file* (or its *data*), every problem named."""
    if data is None:
        data = read_input(file)
    progress = Progress(sys.stderr, len(data), f"loading {file}", "bytes")
    progress.note(
        f"loading {file} ({len(data) / 1e6:.1f} MB)",
        large=len(data) >= 1_000_000,
    )
    try:
        return ClaimSet.from_json(data)
    except FormatError as e:
        raise DataError([f"{file}: {p}" for p in e.problems]) from None
    finally:
        progress.done()


def json_text(value: object) -> str:
    """*value* as the commands write JSON: indented, UTF-8 as is, a newline."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def write_output(output: str, text: str, what: str | None = None) -> None:
    """
    Write *text* to standard output ('-') or a file.

    A file is written atomically, as ``save`` writes; standard output
    (``/dev/stdout``), devices and pipes are written directly. With
    *what*, writing a file is confirmed on standard error, as
    ``claimtrack example -o`` does.
    """
    if is_standard_output(output):
        sys.stdout.write(text)
        return
    try:
        if is_stream(output):
            # A device or a pipe: there is nothing to replace.
            with Path(output).open("a", encoding="utf-8") as stream:
                stream.write(text)
        else:
            write_atomically(output, (text,))
    except OSError as e:
        reason = e.strerror or str(e)
        raise DataError([f"cannot write {output}: {reason}"]) from None
    if what is not None:
        sys.stderr.write(f"claimtrack: wrote {what} to {output}\n")


_STANDARD_OUTPUT = frozenset(
    ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")
)
"""Names of standard output: written through ``sys.stdout``, in order."""


def is_standard_output(output: str) -> bool:
    """Whether *output* ('-', ``/dev/stdout``) names standard output."""
    return output in _STANDARD_OUTPUT


def is_stream(output: str) -> bool:
    """
    Whether *output* is standard output, a device or a pipe, not a file.

    Names under /dev/ and /proc/ count as streams whatever they lead to:
    ``-o /dev/stderr`` with standard error sent to a file appends to it
    rather than replacing the file.
    """
    if output == "-" or output.startswith(("/dev/", "/proc/")):
        return True
    try:
        mode = Path(output).stat().st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


# -- output helpers -------------------------------------------------------


class Progress:
    """A one-line counter on a terminal's stderr; silent anywhere else."""

    def __init__(
        self, stream: TextIO, total: int, label: str, unit: str
    ) -> None:
        self._stream = stream
        self._total = total
        self._label = label
        self._unit = unit
        self._shown = False
        self._last = 0.0
        self._on = (
            unit != "claims" or total >= PROGRESS_THRESHOLD
        ) and is_terminal(stream)

    def note(self, text: str, *, large: bool) -> None:
        """Show *text* while long work runs, if *large* and on a terminal."""
        if self._on and large:
            self._stream.write(text + "...")
            self._stream.flush()
            self._shown = True

    def update(self, done: int) -> None:
        """Show that *done* of the total are finished (at most 10 times a second)."""
        if not self._on:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done != self._total:
            return
        self._last = now
        self._stream.write(
            f"\r{self._label}: {done:,}/{self._total:,} {self._unit}"
        )
        self._stream.flush()
        self._shown = True

    def done(self) -> None:
        """Clear the progress line."""
        if self._shown:
            self._stream.write("\r\033[K")
            self._stream.flush()
            self._shown = False


def is_terminal(stream: TextIO) -> bool:
    """Whether *stream* is a terminal a person watches."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
