"""``Storage.write_mark`` / ``unchanged_since``: whether the database is still exactly as
a write transaction of this connection left it (what a registration counted may then be
kept for the next one: ``services/loads.py``)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.db.models import Operator
from desktop_crm.db.storage import Storage, open_storage


@pytest.fixture
def storage(db_path) -> Iterator[Storage]:
    opened = open_storage(DatabaseLocation(db_path))
    with opened.write():
        Operator.create(name="Анна", max_load=3)
    yield opened
    opened.close()


def _marked(storage: Storage) -> object:
    """A write transaction that writes, then takes its mark; committed."""
    with storage.write():
        Operator.update(max_load=Operator.max_load + 1).execute()
        mark = storage.write_mark()
    assert mark is not None
    return mark


def _unchanged(storage: Storage, mark: object) -> bool:
    with storage.write():
        return storage.unchanged_since(mark)


def test_nothing_changed_since_a_committed_transaction(storage):
    mark = _marked(storage)
    assert _unchanged(storage, mark)


def test_only_the_next_transaction_may_rely_on_a_mark(storage):
    mark = _marked(storage)
    with storage.write():
        pass  # another write transaction of this connection, even an empty one
    assert not _unchanged(storage, mark)


def test_a_transaction_rolled_back_after_its_mark_leaves_no_mark(storage):
    with pytest.raises(RuntimeError), storage.write():
        Operator.update(max_load=7).execute()
        mark = storage.write_mark()
        raise RuntimeError("after the mark")
    assert not _unchanged(storage, mark)


def test_another_connection_committing_moves_the_mark(storage, db_path):
    mark = _marked(storage)
    with closing(sqlite3.connect(db_path)) as other:
        other.execute("UPDATE operator SET max_load = 9")
        other.commit()
    assert not _unchanged(storage, mark)


def test_another_thread_of_the_same_storage_is_another_connection(storage):
    mark = _marked(storage)

    def write() -> None:
        with storage.write():
            Operator.update(max_load=9).execute()
        storage.close_thread_connection()

    thread = threading.Thread(target=write)
    thread.start()
    thread.join()
    assert not _unchanged(storage, mark)


def test_this_connection_writing_outside_a_write_transaction_moves_the_mark(storage):
    mark = _marked(storage)
    Operator.update(max_load=9).execute()  # autocommit, not through write()
    assert not _unchanged(storage, mark)


def test_this_connection_writing_in_a_plain_transaction_moves_the_mark(storage):
    mark = _marked(storage)
    with storage.database.atomic():
        Operator.update(max_load=9).execute()
    assert not _unchanged(storage, mark)


def test_a_write_after_the_mark_in_its_own_transaction_moves_it(storage):
    with storage.write():
        mark = storage.write_mark()
        Operator.update(max_load=9).execute()
    assert not _unchanged(storage, mark)


def test_a_new_connection_moves_the_mark(storage):
    mark = _marked(storage)
    storage.close_thread_connection()
    assert not _unchanged(storage, mark)


def test_none_is_never_unchanged(storage):
    assert not _unchanged(storage, None)


def test_postgresql_cannot_tell(pg_url):
    opened = open_storage(DatabaseLocation.postgresql(pg_url))
    try:
        with opened.write():
            assert opened.write_mark() is None
        with opened.write():
            assert not opened.unchanged_since(None)
    finally:
        opened.close()


def test_a_job_batch_in_between_moves_the_mark(storage):
    mark = _marked(storage)
    with storage.write_batch():
        pass  # a batch of a long job, even one that wrote nothing
    assert not _unchanged(storage, mark)


def _reserved_after_mark(storage: Storage) -> object:
    """A committed transaction that reserved and inserted the next operator id."""
    with storage.write():
        (new_id,) = storage.reserve_ids(Operator, 1)
        Operator.insert(id=new_id, name=f"Оператор {new_id}", max_load=1).execute()
        return storage.write_mark()


def test_an_unchanged_database_hands_out_the_next_id_as_before(storage):
    mark = _reserved_after_mark(storage)
    with storage.write():
        assert storage.unchanged_since(mark)
        assert storage.reserve_ids(Operator, 2) == [3, 4]
        assert storage.reserve_ids(Operator, 1) == [5]


def test_rows_inserted_by_this_transaction_first_are_never_handed_out_again(storage):
    mark = _reserved_after_mark(storage)
    with storage.write():
        assert storage.unchanged_since(mark)
        Operator.create(name="Борис", max_load=1)  # id 3, SQLite's own choice
        assert storage.reserve_ids(Operator, 1) == [4]


def test_rows_another_connection_inserted_are_never_handed_out_again(storage, db_path):
    mark = _reserved_after_mark(storage)
    with closing(sqlite3.connect(db_path)) as other:
        other.execute("INSERT INTO operator (id, name, max_load, active) VALUES (3, 'Вера', 1, 1)")
        other.commit()
    with storage.write():
        assert not storage.unchanged_since(mark)
        assert storage.reserve_ids(Operator, 1) == [4]


def test_a_write_transaction_inside_another_one_takes_no_mark(storage):
    with storage.database.atomic(), storage.write():
        assert storage.write_mark() is None
