"""The service tests run on both backends (tests/conftest.py: ``crm``, ``database_location``)."""

from __future__ import annotations

import pytest

from tests.conftest import BACKENDS


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """SQLite and PostgreSQL; a test about the SQLite file is ``sqlite_only``."""
    return request.param
