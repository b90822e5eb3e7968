# SPDX-License-Identifier: MIT
"""Writing files atomically: a failed write never damages what was there."""

from __future__ import annotations

import contextlib
import os
import tempfile

from collections.abc import Iterable
from pathlib import Path


__all__ = ["write_atomically"]


def write_atomically(
    path: str | os.PathLike[str], chunks: Iterable[str]
) -> None:
    """
    Write the text *chunks* to *path* atomically, as UTF-8.

    The text goes to a temporary file in the same folder (named
    ``.NAME.*.tmp``), which is flushed and synced to disk, then renamed over
    *path*. If anything fails, the temporary file is removed and whatever
    was at *path* is untouched.
    """
    target = Path(path)
    folder = target.resolve().parent
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=folder
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))  # noqa: PTH101
        os.replace(temporary, target)  # noqa: PTH105
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)  # noqa: PTH108
        raise
    _sync_folder(folder)


def _mode_for(target: Path) -> int:
    """Keep the mode of the file replaced; else what a new file would get."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename durable, where the platform allows it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
