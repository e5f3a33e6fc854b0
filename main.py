"""Thin launcher: ``python main.py ...`` is the same as ``desktop-crm ...``."""

import sys

from desktop_crm.app import main

if __name__ == "__main__":
    sys.exit(main())
