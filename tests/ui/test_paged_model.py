"""The paged model's loads run in workers; a model deleted while one runs (its page
closed, a test's window torn down) must let the late result go quietly."""

from __future__ import annotations

import threading
from collections.abc import Hashable

import shiboken6

from desktop_crm.ui.models.base import Column
from desktop_crm.ui.models.paged import PagedModel
from desktop_crm.ui.tasks import TaskRunner


class Numbers(PagedModel[int]):
    columns = (Column("n", str),)
    page_size = 5

    def __init__(self, runner: TaskRunner, release: threading.Event) -> None:
        super().__init__(runner)
        self.release = release

    def fetch(self, after: Hashable | None, through: Hashable | None, limit: int) -> list[int]:
        self.release.wait(10)
        return [1, 2, 3]

    def page_key(self, row: int) -> Hashable:
        return row


def test_a_load_that_ends_after_its_model_was_deleted_is_dropped_quietly(qtbot):
    runner = TaskRunner(lambda: None)
    release = threading.Event()
    model = Numbers(runner, release)
    model.reload()
    assert model.busy
    shiboken6.delete(model)  # its page is gone while the worker still reads
    release.set()
    # Until the queued result was delivered (an exception in it fails the test).
    qtbot.waitUntil(lambda: not runner.busy)


def test_a_load_delivers_its_rows_while_the_model_lives(qtbot):
    runner = TaskRunner(lambda: None)
    release = threading.Event()
    release.set()
    model = Numbers(runner, release)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 3 and not model.busy)
