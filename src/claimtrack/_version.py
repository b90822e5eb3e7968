# SPDX-License-Identifier: MIT
"""The version of claimtrack, in one place that every module can read."""

from __future__ import annotations


__all__ = ["VERSION"]

VERSION = "0.1.0.dev0"
"""This claimtrack's version (PEP 440)."""
