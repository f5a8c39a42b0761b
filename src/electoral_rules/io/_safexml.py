"""Safe loading of official XML files with the standard library only.

Official result files are plain documents: no DTD, no entities, no external references.
Anything else is refused *before* the parser sees it, with
:class:`~electoral_rules.errors.UnsafeDocumentError`:

- a document type declaration (``<!DOCTYPE``) — it is what carries entity declarations
  ("billion laughs" expansion) and external references (XXE);
- an entity declaration (``<!ENTITY``) anywhere;
- an encoding whose bytes would hide the two markers above from the scan (UTF-16/32 with or
  without a byte order mark, EBCDIC, UTF-7...): only UTF-8, US-ASCII and the Latin
  single-byte encodings are accepted, and a document holding a NUL byte is refused (every
  UTF-16/32 text has some; in the encodings accepted it is the NUL character, which XML
  forbids), so the scan always sees the markers as the parser will;
- more than :data:`MAX_BYTES` bytes, or elements nested deeper than :data:`MAX_DEPTH`.

Truncated or malformed documents raise :class:`~electoral_rules.errors.OfficialFileError`
naming the file, the line and the column.

>>> root = parse_bytes(b"<Election><Scrutin><Annee>2017</Annee></Scrutin></Election>", "x.xml")
>>> root.findtext("Scrutin/Annee")
'2017'
>>> parse_bytes(b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "evil.xml")
Traceback (most recent call last):
...
electoral_rules.errors.UnsafeDocumentError: evil.xml, <!DOCTYPE>: document type declarations are
refused (they carry entity declarations and external references)
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import OfficialFileError, UnsafeDocumentError

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "check_depth",
    "check_path",
    "parse_bytes",
    "parse_path",
    "parse_shallow",
    "read_path",
]

MAX_BYTES = 64 * 1024 * 1024
"""Largest file read (64 MiB). The largest Ministry file, a department's file of all its
communes, is a few megabytes."""

MAX_DEPTH = 32
"""Deepest element nesting accepted. The deepest official path (Senate lists:
``Election/EnsembleGeo/Region/Circonscription/Tours/Tour/Resultats/Listes/Liste/Candidats/
Candidat/NomPsn``) is 12 deep."""

_DECLARATION = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_SAFE_ENCODINGS = frozenset(
    {
        "utf-8",
        "utf8",
        "us-ascii",
        "ascii",
        "iso-8859-1",
        "latin-1",
        "latin1",
        "iso-8859-15",
        "windows-1252",
        "cp1252",
    }
)
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\x00\x00", b"\x4c\x6f\xa7\x94")


def _check_encoding(data: bytes, name: str) -> None:
    # Any UTF-16 or UTF-32 text holds NUL bytes (every ASCII character has one), with or
    # without a byte order mark; in the encodings accepted a NUL byte can only be the NUL
    # character, which XML forbids. So one search refuses every wide encoding.
    if b"\x00" in data or data.startswith(_WIDE_BOMS):
        raise UnsafeDocumentError(
            "only UTF-8 and single-byte Latin encodings are accepted (a NUL byte, UTF-16/32 or EBCDIC found)",
            path=name,
            element="<?xml?>",
        )
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    match = _DECLARATION.match(body)
    if match is not None:
        encoding = match.group(1).decode("ascii").lower()
        if encoding not in _SAFE_ENCODINGS:
            raise UnsafeDocumentError(
                f"encoding {encoding!r} is refused; expected UTF-8 or a single-byte Latin encoding",
                path=name,
                element="<?xml?>",
            )


def parse_bytes(data: bytes, name: str = "<bytes>") -> ET.Element:
    """Parse a whole official document held in memory and return its root element.

    :param data: the file's bytes.
    :param name: the file name used in error messages.
    :raises UnsafeDocumentError: for a DTD, an entity declaration, a refused encoding, a
        document over :data:`MAX_BYTES` or nested deeper than :data:`MAX_DEPTH`.
    :raises OfficialFileError: for a malformed or truncated document.

    >>> parse_bytes(b"<a><b>", "cut.xml")
    Traceback (most recent call last):
    ...
    electoral_rules.errors.OfficialFileError: cut.xml, line 1, column 6: malformed or truncated XML
    (no element found)
    """
    root = parse_shallow(data, name)
    check_depth(root, name)
    return root


def parse_shallow(data: bytes, name: str) -> ET.Element:
    """:func:`parse_bytes` without the depth check: the caller must then either call
    :func:`check_depth` or account for every element of the tree itself (as the reader's fast
    path does, by comparing the elements it visited at known depths with the tree's count).
    """
    if len(data) > MAX_BYTES:
        raise UnsafeDocumentError(
            f"{len(data)} bytes is more than the {MAX_BYTES} accepted", path=name, element="file"
        )
    _check_encoding(data, name)
    if b"<!DOCTYPE" in data:
        raise UnsafeDocumentError(
            "document type declarations are refused (they carry entity declarations and external references)",
            path=name,
            element="<!DOCTYPE>",
        )
    if b"<!ENTITY" in data:
        raise UnsafeDocumentError("entity declarations are refused", path=name, element="<!ENTITY>")
    parser = ET.XMLParser()
    try:
        parser.feed(data)
        return parser.close()
    except ET.ParseError as err:
        line, column = err.position
        reason = str(err).split(":")[0]
        raise OfficialFileError(
            f"malformed or truncated XML ({reason})", path=name, element=f"line {line}, column {column}"
        ) from None


def check_depth(root: ET.Element, name: str) -> None:
    """Refuse a tree deeper than :data:`MAX_DEPTH` (visits only elements with children)."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth >= MAX_DEPTH:
            raise UnsafeDocumentError(
                f"elements are nested more than {MAX_DEPTH} deep", path=name, element=node.tag
            )
        stack.extend((child, depth + 1) for child in node if len(child))


def parse_path(path: str | os.PathLike[str]) -> ET.Element:
    """Read and parse one official file safely (see :func:`parse_bytes`).

    :raises OfficialFileError: when the file cannot be read, is unsafe or malformed.
    """
    data, name = read_path(path)
    return parse_bytes(data, name)


def read_path(path: str | os.PathLike[str]) -> tuple[bytes, str]:
    """The bytes of one official file and its name for messages (``/`` separators).

    :raises OfficialFileError: when the file cannot be read or is over :data:`MAX_BYTES`.
    """
    check_path(path)
    name = os.fspath(path)
    try:
        # os-level calls: open, fstat, one read, close (a buffered file object adds a seek,
        # a second fstat and a read to find the end: a third of a small file's reading time)
        descriptor = os.open(name, os.O_RDONLY | _O_BINARY)
        try:
            size = os.fstat(descriptor).st_size
            if size > MAX_BYTES:
                raise UnsafeDocumentError(
                    f"{size} bytes is more than the {MAX_BYTES} accepted", path=name, element="file"
                )
            data = os.read(descriptor, size + 1)
            if not 0 < len(data) <= size:
                # empty, grown since fstat, or not a regular file (a pipe reports size 0)
                data = _read_rest(descriptor, data, name)
        finally:
            os.close(descriptor)
    except OSError as err:
        raise OfficialFileError(f"cannot be read ({err.strerror or err})", path=name) from None
    # a Path is already parsed: as_posix() directly (parsing its text again costs more than the read)
    return data, path.as_posix() if isinstance(path, Path) else Path(name).as_posix()


def check_path(path: object) -> None:
    """Refuse a path that is not a ``str`` or ``os.PathLike`` (or holds a NUL character)."""
    if not isinstance(path, (str, os.PathLike)) or "\x00" in os.fspath(path):
        raise OfficialFileError(f"a path must be a str or os.PathLike without NUL, not {path!r}"[:200])


_O_BINARY: int = getattr(os, "O_BINARY", 0)
"""Windows' flag against newline translation (0 elsewhere)."""


def _read_rest(descriptor: int, data: bytes, name: str) -> bytes:
    """``data`` and the rest of the file up to its end, refused beyond :data:`MAX_BYTES`."""
    chunks = [data]
    total = len(data)
    while chunk := os.read(descriptor, 1 << 16):
        total += len(chunk)
        if total > MAX_BYTES:
            raise UnsafeDocumentError(f"more than the {MAX_BYTES} bytes accepted", path=name, element="file")
        chunks.append(chunk)
    return b"".join(chunks)
