# SPDX-License-Identifier: MIT
"""Bulk work without the cyclic garbage collector rescanning a growing heap."""

from __future__ import annotations

import gc

from collections.abc import Iterator
from contextlib import contextmanager


__all__ = ["pause_cyclic_gc"]


@contextmanager
def pause_cyclic_gc() -> Iterator[None]:
    """
    Pause the cyclic garbage collector for one bulk operation.

    Loading or answering for a large claim set allocates hundreds of
    thousands of objects that live on; each full collection would rescan
    all of them, making the work grow faster than the set. Nothing such an
    operation builds needs cycle collection while it runs. Reference
    counting still frees memory as usual, and the collector is restored
    as it was, even when the operation fails.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
