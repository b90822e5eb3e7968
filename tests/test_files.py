# SPDX-License-Identifier: MIT
"""Tests for `claimtrack._files`: what ``save`` promises on disk."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time

from pathlib import Path

import pytest

import claimtrack as ct

from claimtrack import serialization


posix_only = pytest.mark.skipif(
    sys.platform == "win32", reason="POSIX file semantics"
)


def small_set(claim: str = "c") -> ct.ClaimSet:
    """A claim set with one claim."""
    cs = ct.ClaimSet()
    cs.record_claim(claim, text="A claim")
    return cs


@posix_only
class TestSymbolicLinks:
    def test_save_writes_the_target_and_keeps_the_link(
        self, tmp_path: Path
    ) -> None:
        """Saving through a link replaces the target; the link stays a link."""
        data = tmp_path / "data"
        data.mkdir()
        target = data / "claims.json"
        target.write_text("old", encoding="utf-8")
        link = tmp_path / "link.json"
        link.symlink_to(target)

        small_set().save(link)

        assert link.is_symlink()
        assert link.readlink() == target
        assert ct.ClaimSet.load(target) == small_set()
        assert sorted(p.name for p in data.iterdir()) == ["claims.json"]
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "data",
            "link.json",
        ]

    def test_chain_of_links(self, tmp_path: Path) -> None:
        """A link to a link is followed to the file at the end."""
        target = tmp_path / "claims.json"
        target.write_text("old", encoding="utf-8")
        middle = tmp_path / "middle.json"
        middle.symlink_to(target)
        first = tmp_path / "first.json"
        first.symlink_to(middle)

        serialization.save(small_set(), first)

        assert first.is_symlink()
        assert middle.is_symlink()
        assert ct.ClaimSet.load(target) == small_set()

    def test_dangling_link_creates_its_target(self, tmp_path: Path) -> None:
        """A link to a file not yet there creates that file."""
        link = tmp_path / "link.json"
        link.symlink_to(tmp_path / "new.json")

        small_set().save(link)

        assert link.is_symlink()
        assert ct.ClaimSet.load(tmp_path / "new.json") == small_set()

    def test_loop_is_refused(self, tmp_path: Path) -> None:
        """Links that point at each other are refused, nothing written."""
        (tmp_path / "a").symlink_to(tmp_path / "b")
        (tmp_path / "b").symlink_to(tmp_path / "a")

        with pytest.raises(ct.PathError, match="loop"):
            small_set().save(tmp_path / "a")

        assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


class TestRefusedTargets:
    def test_folder(self, tmp_path: Path) -> None:
        """A folder as the target is a PathError, not an OSError."""
        with pytest.raises(ct.PathError, match="folder") as caught:
            small_set().save(tmp_path)

        assert caught.value.path == str(tmp_path)
        assert list(tmp_path.iterdir()) == []

    @posix_only
    def test_fifo(self, tmp_path: Path) -> None:
        """A FIFO (named pipe) is refused, directly or through a link."""
        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        link = tmp_path / "link"
        link.symlink_to(fifo)

        for path in (fifo, link):
            with pytest.raises(ct.PathError, match="FIFO"):
                small_set().save(path)

        assert stat.S_ISFIFO(fifo.lstat().st_mode)
        assert link.is_symlink()

    @posix_only
    def test_device(self) -> None:
        """A device such as /dev/null is refused."""
        with pytest.raises(ct.PathError, match="device"):
            serialization.save(small_set(), "/dev/null")

    @pytest.mark.parametrize(
        ("path", "reason"),
        [("a\0b", "NUL"), ("", "empty"), (42, "not a path"), (b"x", "text")],
    )
    def test_bad_names(self, path: object, reason: str) -> None:
        """Names that cannot be a file raise PathError, not ValueError."""
        with pytest.raises(ct.PathError, match=reason):
            small_set().save(path)  # type: ignore[arg-type]

    def test_is_a_claimtrack_error(self) -> None:
        """PathError is caught with every other claimtrack error."""
        with pytest.raises(ct.ClaimtrackError):
            small_set().save("a\0b")


@posix_only
class TestPermissions:
    def test_setuid_and_setgid_are_not_kept(self, tmp_path: Path) -> None:
        """The permission bits stay; setuid, setgid and sticky go."""
        path = tmp_path / "claims.json"
        path.write_text("{}", encoding="utf-8")
        path.chmod(0o6750 | stat.S_ISVTX)

        small_set().save(path)

        assert stat.S_IMODE(path.stat().st_mode) == 0o750

    @pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() != 0,
        reason="only root may give a file to another user",
    )
    def test_owner_and_group_are_kept(self, tmp_path: Path) -> None:
        """A file owned by someone else keeps its owner and group."""
        path = tmp_path / "claims.json"
        path.write_text("{}", encoding="utf-8")
        os.chown(path, 4242, 4343)

        small_set().save(path)

        info = path.stat()
        assert (info.st_uid, info.st_gid) == (4242, 4343)

    def test_hard_links_are_broken(self, tmp_path: Path) -> None:
        """The saved name gets a new file; other hard links keep the old."""
        path = tmp_path / "claims.json"
        path.write_text("old", encoding="utf-8")
        other = tmp_path / "other.json"
        other.hardlink_to(path)

        small_set().save(path)

        assert other.read_text(encoding="utf-8") == "old"
        assert ct.ClaimSet.load(path) == small_set()
        assert path.stat().st_nlink == 1


class TestTemporaryFiles:
    def test_stale_ones_are_removed(self, tmp_path: Path) -> None:
        """A killed save's temporary file goes at the next save, once old."""
        path = tmp_path / "claims.json"
        stale = tmp_path / ".claims.json.ab_cd123.tmp"
        fresh = tmp_path / ".claims.json.ef45gh67.tmp"
        other = tmp_path / ".other.json.ab_cd123.tmp"
        mine = tmp_path / ".claims.json.notes.tmp"
        old = time.time() - 2 * 3600
        for file in (stale, fresh, other, mine):
            file.write_text("partial", encoding="utf-8")
            if file is not fresh:
                os.utime(file, (old, old))

        small_set().save(path)

        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            ["claims.json", fresh.name, other.name, mine.name]
        )

    def test_failed_save_leaves_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A full disk while writing leaves the old file and no temporary."""
        path = tmp_path / "claims.json"
        small_set("old").save(path)

        def full(descriptor: int) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", full)
        with pytest.raises(OSError, match="No space"):
            small_set("new").save(path, lock=True)
        monkeypatch.undo()

        assert ct.ClaimSet.load(path) == small_set("old")
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            ".claims.json.lock",
            "claims.json",
        ]


_INCREMENT = """
import sys
import claimtrack as ct

path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
for n in range(count):
    with ct.file_lock(path):
        claims = ct.ClaimSet.load(path)
        claims.record_claim(f"{name}-{n}", text="an update")
        claims.save(path, lock=True)
"""


class TestLocking:
    def test_no_update_is_lost(self, tmp_path: Path) -> None:
        """Two processes updating one file under the lock lose nothing."""
        path = tmp_path / "claims.json"
        ct.ClaimSet().save(path)
        script = tmp_path / "increment.py"
        script.write_text(_INCREMENT, encoding="utf-8")

        workers = [
            subprocess.Popen(
                [sys.executable, str(script), str(path), name, "20"]
            )
            for name in ("a", "b")
        ]
        for worker in workers:
            assert worker.wait(timeout=120) == 0

        assert len(ct.ClaimSet.load(path).claims) == 40

    def test_lock_is_reentrant(self, tmp_path: Path) -> None:
        """Saving with lock=True inside file_lock does not wait for itself."""
        path = tmp_path / "claims.json"
        with ct.file_lock(path), ct.file_lock(path):
            small_set().save(path, lock=True)
            serialization.save(small_set(), path, lock=True)

        assert ct.ClaimSet.load(path) == small_set()
        assert (tmp_path / ".claims.json.lock").exists()

    @posix_only
    def test_lock_through_a_link_is_the_targets(self, tmp_path: Path) -> None:
        """A link and its target share one lock file, beside the target."""
        data = tmp_path / "data"
        data.mkdir()
        link = tmp_path / "link.json"
        link.symlink_to(data / "claims.json")

        with ct.file_lock(link):
            small_set().save(data / "claims.json", lock=True)

        assert (data / ".claims.json.lock").exists()
        assert not (tmp_path / ".link.json.lock").exists()

    def test_refused_path(self, tmp_path: Path) -> None:
        """Locking a folder is refused as saving to it is."""
        with pytest.raises(ct.PathError), ct.file_lock(tmp_path):
            pass
