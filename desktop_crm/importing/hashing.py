"""A content hash of a whole file, so the importer recognises a file dropped again."""

from __future__ import annotations

import hashlib
import os

from desktop_crm.importing.errors import UnreadableFile
from desktop_crm.importing.files import open_regular

HASH_CHUNK_BYTES = 1 << 20


def file_sha256(path: str | os.PathLike[str], chunk_size: int = HASH_CHUNK_BYTES) -> str:
    """Hex SHA-256 of the file's bytes, read in chunks (constant memory)."""
    digest = hashlib.sha256()
    with open_regular(path) as file:
        try:
            while chunk := file.read(chunk_size):
                digest.update(chunk)
        except OSError as error:
            raise UnreadableFile.cannot_open(os.fspath(path), error) from error
    return digest.hexdigest()
