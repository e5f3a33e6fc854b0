"""Importing contact files: the dialog that shows and corrects a file's layout,
runs the import in a worker and sums it up, and the launcher that turns drops
and File > Import into a queue of such dialogs.

- ``dialog.py``: the dialog's shell (the stacked pages, the buttons, loading and
  importing in workers) and ``state.py`` the state its pages share;
- ``setup_page.py`` (how the file is read, which column holds what, the preview),
  ``progress_page.py``, ``summary_page.py`` (counts and rejected rows) and
  ``failure_page.py`` (a file that cannot be read): one module per page;
- ``launcher.py``: the queue of files dropped or chosen with File > Import…;
- ``file_dialogs.py``: the file choosers, the seams tests patch;
- ``common.py``: small helpers the window's other screens use too.
"""

from desktop_crm.ui.import_dialog.common import (
    count_text,
    file_layout,
    is_supported,
    rejects_path_for,
    save_rejected_rows,
    split_urls,
)
from desktop_crm.ui.import_dialog.dialog import ImportDialog
from desktop_crm.ui.import_dialog.launcher import DialogFactory, ImportLauncher

__all__ = [
    "DialogFactory",
    "ImportDialog",
    "ImportLauncher",
    "count_text",
    "file_layout",
    "is_supported",
    "rejects_path_for",
    "save_rejected_rows",
    "split_urls",
]
