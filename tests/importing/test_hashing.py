import hashlib

import pytest

from desktop_crm.importing import UnreadableFile, file_sha256


def test_sha256_is_streamed_and_matches_hashlib(tmp_path):
    path = tmp_path / "f.csv"
    data = b"id,name\n" + b"1,x\n" * 300_000
    path.write_bytes(data)
    assert file_sha256(path) == hashlib.sha256(data).hexdigest()
    assert file_sha256(path, chunk_size=7) == hashlib.sha256(data).hexdigest()


def test_sha256_of_a_missing_file_is_a_crm_error(tmp_path):
    with pytest.raises(UnreadableFile):
        file_sha256(tmp_path / "none.csv")
