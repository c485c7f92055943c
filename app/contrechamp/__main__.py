"""Run Contrechamp with ``python -m contrechamp``."""

from __future__ import annotations

import sys

from contrechamp.cli import main

sys.exit(main())
