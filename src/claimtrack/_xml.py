# SPDX-License-Identifier: MIT
"""Text that XML can hold: what SVG, HTML and GraphML output is made of."""

from __future__ import annotations

import re


__all__ = ["xml_safe"]

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold (most control characters)."""


def xml_safe(text: str) -> str:
    """*text* with the characters XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
