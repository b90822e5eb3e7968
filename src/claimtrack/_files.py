# SPDX-License-Identifier: MIT
"""Writing files atomically: a failed write never damages what was there."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
import threading
import time

from collections.abc import Iterable, Iterator
from pathlib import Path

from claimtrack.exceptions import PathError


__all__ = [
    "STALE_TEMPORARY_AGE",
    "file_lock",
    "lock_path",
    "read_regular_file",
    "real_target",
    "write_atomically",
]

STALE_TEMPORARY_AGE = 3600.0
"""
Seconds after which a ``.NAME.XXXXXXXX.tmp`` left beside NAME is stale.

A save in progress writes its temporary file continuously, so a file
untouched for an hour belongs to a save that was killed.
"""

_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")
"""The names `tempfile.mkstemp` gives our temporary files."""


def write_atomically(
    path: str | os.PathLike[str],
    chunks: Iterable[str],
    *,
    lock: bool = False,
) -> None:
    """
    Write the text *chunks* to *path* atomically, as UTF-8.

    The text goes to a temporary file in the target's folder (named
    ``.NAME.XXXXXXXX.tmp``), which is flushed and synced to disk, then
    renamed over the target. If anything fails, the temporary file is
    removed and whatever was at *path* is untouched.

    A symbolic link is followed: its target is replaced, the link stays.
    The new file keeps the old one's permissions (without setuid, setgid
    or sticky bits) and, where the process may, its owner and group.
    Temporary files of killed saves of the same target, older than
    `STALE_TEMPORARY_AGE`, are removed first.

    Args:
        path: The file to write.
        chunks: The text, in pieces.
        lock: Hold `file_lock` on *path* while writing.

    Raises:
        PathError: If *path* is not a usable file name, or names
            something other than a regular file (a folder, a FIFO, a
            device), or a loop of symbolic links.
        OSError: If writing fails (a full disk, no permission).
    """
    target = real_target(path)
    guard = file_lock(target) if lock else contextlib.nullcontext()
    with guard:
        _write(target, chunks)


def real_target(path: str | os.PathLike[str]) -> Path:
    """
    The regular file that writing *path* replaces, links followed.

    Raises:
        PathError: If *path* cannot be a regular file's name.
    """
    name = _checked_name(path)
    real = Path(os.path.realpath(name))
    try:
        mode = real.lstat().st_mode
    except FileNotFoundError:
        return real
    except OSError as e:
        raise PathError(name, e.strerror or str(e)) from None
    if stat.S_ISREG(mode):
        return real
    if stat.S_ISLNK(mode):
        reason = "symbolic links loop, so there is no file to write"
    else:
        reason = f"it is {_kind(mode)}, not a regular file"
    raise PathError(name, reason)


def _checked_name(path: object) -> str:
    """*path* as a text path, or a PathError saying why it cannot be one."""
    try:
        name = os.fspath(path)  # type: ignore[call-overload]
    except TypeError:
        raise PathError(repr(path), "not a path") from None
    if not isinstance(name, str):
        raise PathError(repr(name), "not a text path")
    if not name:
        raise PathError(name, "the path is empty")
    if "\0" in name:
        raise PathError(name, "a path cannot hold a NUL character")
    return name


def read_regular_file(path: Path) -> bytes:
    """
    The bytes of the regular file at *path* (links followed).

    A FIFO, a device, a socket or a folder is refused without waiting for
    a writer or reading forever: it is looked at before it is opened (a
    device may act on being opened), opened without blocking and without
    becoming a terminal, and looked at again before a byte is read, in
    case it was swapped in between.

    Raises:
        OSError: If *path* cannot be read or is not a regular file (its
            ``strerror`` says which kind of file it is).
    """
    mode = path.stat().st_mode
    if stat.S_ISREG(mode):
        flags = os.O_RDONLY
        for name in ("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC"):
            flags |= getattr(os, name, 0)
        descriptor = os.open(path, flags)
        try:
            mode = os.fstat(descriptor).st_mode
            if stat.S_ISREG(mode):
                with os.fdopen(descriptor, "rb", closefd=False) as stream:
                    return stream.read()
        finally:
            os.close(descriptor)
    raise OSError(errno.EINVAL, f"{_kind(mode)}, not a file")


def _kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _write(target: Path, chunks: Iterable[str]) -> None:
    folder = target.parent
    _remove_stale_temporaries(target)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=folder
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        _copy_ownership(target, temporary)
        os.replace(temporary, target)  # noqa: PTH105
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)  # noqa: PTH108
        raise
    _sync_folder(folder)


def _copy_ownership(target: Path, temporary: str) -> None:
    """Give *temporary* the old file's owner, group and permissions."""
    try:
        old = target.stat()
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # noqa: PTH101
        return
    if hasattr(os, "chown"):
        theirs = (old.st_uid, old.st_gid)
        mine = os.stat(temporary)  # noqa: PTH116
        if theirs != (mine.st_uid, mine.st_gid):
            # Only root may give a file away; anyone may pass it to a
            # group they belong to. Do what the process may.
            for uid, gid in (theirs, (-1, old.st_gid)):
                try:
                    os.chown(temporary, uid, gid)
                    break
                except OSError:
                    continue
    # After chown, which may clear them: permission bits only, never
    # setuid, setgid or sticky.
    os.chmod(temporary, old.st_mode & 0o777)  # noqa: PTH101


def _remove_stale_temporaries(target: Path) -> None:
    """Remove temporary files of killed saves of *target*, once stale."""
    deadline = time.time() - STALE_TEMPORARY_AGE
    try:
        entries = os.scandir(target.parent)
    except OSError:
        return
    with entries:
        for entry in entries:
            match = _TEMPORARY.fullmatch(entry.name)
            if match is None or match["name"] != target.name:
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_mtime < deadline:
                    os.unlink(entry.path)  # noqa: PTH108


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


# -- locking --------------------------------------------------------------


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock file of *path*: ``.NAME.lock`` beside the real target."""
    target = real_target(path)
    return target.with_name(f".{target.name}.lock")


class _Held:
    """One lock file held by this process: who holds it, how often."""

    def __init__(self) -> None:
        self.thread_lock = threading.RLock()
        self.depth = 0
        self.descriptor = -1


_HELD: dict[Path, _Held] = {}
_HELD_GUARD = threading.Lock()


@contextlib.contextmanager
def file_lock(path: str | os.PathLike[str]) -> Iterator[None]:
    """
    Hold an exclusive lock on *path* for a read-modify-write.

    Other processes (and threads) that take the lock of the same file,
    with `file_lock` or ``save(path, lock=True)``, wait until it is
    released. The lock is advisory: a process that writes without asking
    for it is not stopped. It is the operating system's file lock
    (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on a file
    ``.NAME.lock`` beside the target, which stays after use. Taking it
    again inside the block (as ``save(path, lock=True)`` does) is
    allowed.

    Args:
        path: The file to lock; a symbolic link locks its target.

    Raises:
        PathError: As ``save`` does for a path that cannot be written.
        OSError: If the lock file cannot be created.
    """
    lock_file = lock_path(path)
    with _HELD_GUARD:
        held = _HELD.setdefault(lock_file, _Held())
    with held.thread_lock:
        if held.depth == 0:
            held.descriptor = _acquire(lock_file)
        held.depth += 1
        try:
            yield
        finally:
            held.depth -= 1
            if held.depth == 0:
                _release(held.descriptor)
                held.descriptor = -1


def _acquire(lock_file: Path) -> int:
    """Open *lock_file* and wait for its exclusive lock."""
    descriptor = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        if sys.platform == "win32":
            import msvcrt  # noqa: PLC0415

            while True:
                try:
                    msvcrt.locking(descriptor, msvcrt.LK_LOCK, 1)
                    break
                except OSError:  # gave up after 10 tries: try again
                    continue
        else:
            import fcntl  # noqa: PLC0415

            fcntl.flock(descriptor, fcntl.LOCK_EX)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def _release(descriptor: int) -> None:
    """Release the lock held through *descriptor*, and close it."""
    try:
        if sys.platform == "win32":
            import msvcrt  # noqa: PLC0415

            with contextlib.suppress(OSError):
                os.lseek(descriptor, 0, os.SEEK_SET)
                msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
    finally:
        # Closing the descriptor releases a flock.
        os.close(descriptor)
