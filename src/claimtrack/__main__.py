# SPDX-License-Identifier: MIT
"""Run the ``claimtrack`` command: ``python -m claimtrack``."""

from claimtrack._cli import main


raise SystemExit(main())
