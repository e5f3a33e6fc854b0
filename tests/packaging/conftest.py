"""Paths shared by the packaging tests."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
BUNDLE = ROOT / "dist" / "desktop-crm"
DESKTOP_ENTRY = ROOT / "resources" / "linux" / "lead-dispatcher.desktop"

if str(PACKAGING) not in sys.path:  # packaging/bundle_contents.py is no package module
    sys.path.insert(0, str(PACKAGING))
