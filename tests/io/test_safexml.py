"""Hostile and broken XML files, built on the fly, are refused with a named error."""

from __future__ import annotations

from pathlib import Path

import pytest

from electoral_rules.errors import OfficialFileError, UnsafeDocumentError
from electoral_rules.io._safexml import MAX_DEPTH, parse_bytes, parse_path
from electoral_rules.io.ministry_xml import read_bytes, read_official_file
from tests.common import DATA

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Election><Scrutin><Type>&lol3;</Type><Annee>2017</Annee></Scrutin></Election>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE Election [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Election><Scrutin><Type>&secret;</Type><Annee>2017</Annee></Scrutin></Election>
"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE Election SYSTEM "http://example.invalid/evil.dtd">
<Election/>
"""


def test_entity_expansion_is_refused() -> None:
    with pytest.raises(UnsafeDocumentError, match="DOCTYPE"):
        read_bytes(BILLION_LAUGHS, "laughs.xml")


def test_external_entity_is_refused() -> None:
    with pytest.raises(UnsafeDocumentError) as info:
        read_bytes(EXTERNAL_ENTITY, "xxe.xml")
    assert info.value.path == "xxe.xml"
    assert "passwd" not in str(info.value)


def test_external_dtd_is_refused() -> None:
    with pytest.raises(UnsafeDocumentError):
        parse_bytes(EXTERNAL_DTD, "dtd.xml")


def test_entity_declaration_without_doctype_is_refused() -> None:
    with pytest.raises(UnsafeDocumentError, match="entity"):
        parse_bytes(b'<a><!ENTITY x "y"></a>', "ent.xml")


def test_unsafe_document_is_an_official_file_error() -> None:
    assert issubclass(UnsafeDocumentError, OfficialFileError)


def test_deep_nesting_is_refused() -> None:
    depth = 100_000
    data = b"<Election>" + b"<a>" * depth + b"</a>" * depth + b"</Election>"
    with pytest.raises(UnsafeDocumentError, match="nested"):
        parse_bytes(data, "deep.xml")


def test_nesting_at_the_limit_is_accepted() -> None:
    depth = MAX_DEPTH - 1
    data = b"<Election>" + b"<a>" * depth + b"</a>" * depth + b"</Election>"
    assert parse_bytes(data, "ok.xml").tag == "Election"


@pytest.mark.parametrize(
    "data",
    [
        '<?xml version="1.0" encoding="UTF-16"?><a/>'.encode("utf-16"),
        b'<?xml version="1.0" encoding="UTF-7"?><a/>',
    ],
)
def test_encodings_that_hide_markup_are_refused(data: bytes) -> None:
    with pytest.raises(UnsafeDocumentError, match=r"encoding|UTF-16"):
        parse_bytes(data, "enc.xml")


def test_latin1_is_accepted() -> None:
    data = '<?xml version="1.0" encoding="ISO-8859-1"?><a>Rhône</a>'.encode("latin-1")
    assert parse_bytes(data, "l.xml").text == "Rhône"


def test_truncated_file_names_file_line_and_column(tmp_path: Path) -> None:
    whole = (DATA / "pr2017-test-resultatsT2/011/075/075.xml").read_bytes()
    cut = tmp_path / "075.xml"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(OfficialFileError, match=r"075\.xml, line \d+, column \d+: malformed or truncated"):
        read_official_file(cut)


def test_missing_file_is_an_official_file_error(tmp_path: Path) -> None:
    with pytest.raises(OfficialFileError, match="cannot be read"):
        parse_path(tmp_path / "absent.xml")


def test_oversized_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from electoral_rules.io import _safexml

    monkeypatch.setattr(_safexml, "MAX_BYTES", 10)
    with pytest.raises(UnsafeDocumentError, match="bytes"):
        _safexml.parse_bytes(b"<Election></Election>", "big.xml")


def test_whole_file_is_read_in_one_call(tmp_path: Path) -> None:
    from electoral_rules.io._safexml import read_path

    data = (DATA / "pr2017-test-resultatsT2/011/075/075.xml").read_bytes()
    file = tmp_path / "075.xml"
    file.write_bytes(data)
    assert read_path(file) == (data, file.as_posix())
    assert read_path(str(file)) == (data, file.as_posix())


def test_empty_file_reads_as_empty_and_is_refused_as_malformed(tmp_path: Path) -> None:
    from electoral_rules.io._safexml import read_path

    file = tmp_path / "empty.xml"
    file.write_bytes(b"")
    assert read_path(file)[0] == b""
    with pytest.raises(OfficialFileError, match=r"empty\.xml.*malformed or truncated"):
        read_official_file(file)


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="needs /dev/fd to open a pipe by name")
def test_a_pipe_is_read_to_its_end_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pipe reports size 0: it is read in chunks until its end, within MAX_BYTES."""
    import os

    from electoral_rules.io import _safexml

    def through_pipe(data: bytes) -> tuple[bytes, str]:
        reader, writer = os.pipe()
        try:
            os.write(writer, data)
            os.close(writer)
            return _safexml.read_path(f"/dev/fd/{reader}")
        finally:
            os.close(reader)

    data = b"<Election>" + b" " * 60_000 + b"</Election>"  # within a pipe's buffer
    assert through_pipe(data)[0] == data
    monkeypatch.setattr(_safexml, "MAX_BYTES", 1_000)
    with pytest.raises(UnsafeDocumentError, match="more than the 1000 bytes"):
        through_pipe(b" " * 5_000)


def test_oversized_file_on_disk_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from electoral_rules.io import _safexml

    file = tmp_path / "big.xml"
    file.write_bytes(b"<Election>" + b" " * 100 + b"</Election>")
    monkeypatch.setattr(_safexml, "MAX_BYTES", 50)
    with pytest.raises(UnsafeDocumentError, match="121 bytes is more than the 50 accepted"):
        _safexml.read_path(file)


def test_a_directory_cannot_be_read(tmp_path: Path) -> None:
    from electoral_rules.io._safexml import read_path

    with pytest.raises(OfficialFileError, match="cannot be read"):
        read_path(tmp_path)
