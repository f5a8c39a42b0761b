"""Official files in and out: the only part of the library that reads or writes files.

- :mod:`electoral_rules.io.records` holds the typed records every official source is read
  into (places, rounds, lists and candidates with their seats and elected flags);
- :mod:`electoral_rules.io.ministry_xml` reads the Ministry of the Interior's XML result files
  (PR2017 format and the Senate 2026 feed) safely into typed records;
- :mod:`electoral_rules.io.ministry_csv` reads the open-data result tables (CSV/TXT of
  data.gouv.fr: municipales, législatives, départementales, européennes, présidentielle)
  into the same records, row by row;
- :mod:`electoral_rules.io.verify` checks them (arithmetic, aggregation, the law) and
  reports agreements and disagreements (:func:`verify_path`, used by ``electoral-rules verify``);
- :mod:`electoral_rules.io.opendata` writes tallies and outcomes as JSON or CSV and reads
  them back exactly.

XML is read with the standard library only; documents with a DTD, entity declarations or
external references are refused (:class:`~electoral_rules.errors.UnsafeDocumentError`).
"""

from __future__ import annotations

from .ministry_csv import Layout, OpenDataTable, iter_open_data, read_open_data
from .ministry_xml import read_bytes, read_official_file
from .opendata import from_csv, from_dict, from_json, load, save, to_csv, to_dict, to_json
from .records import (
    MAX_COUNT,
    CandidateResult,
    Candidatures,
    DepartmentIndex,
    Entity,
    FileKind,
    IndexEntry,
    Level,
    ListResult,
    NationalIndex,
    OfficialDocument,
    Place,
    PublishedRate,
    Reference,
    ResultFile,
    RoundResult,
    rounded_percent,
)
from .verify import (
    Finding,
    Progress,
    ReadError,
    SourceFile,
    Totals,
    Verdict,
    VerificationReport,
    aggregate,
    official_files,
    verify_documents,
    verify_path,
)

__all__ = [
    "MAX_COUNT",
    "CandidateResult",
    "Candidatures",
    "DepartmentIndex",
    "Entity",
    "FileKind",
    "Finding",
    "IndexEntry",
    "Layout",
    "Level",
    "ListResult",
    "NationalIndex",
    "OfficialDocument",
    "OpenDataTable",
    "Place",
    "Progress",
    "PublishedRate",
    "ReadError",
    "Reference",
    "ResultFile",
    "RoundResult",
    "SourceFile",
    "Totals",
    "Verdict",
    "VerificationReport",
    "aggregate",
    "from_csv",
    "from_dict",
    "from_json",
    "iter_open_data",
    "load",
    "official_files",
    "read_bytes",
    "read_official_file",
    "read_open_data",
    "rounded_percent",
    "save",
    "to_csv",
    "to_dict",
    "to_json",
    "verify_documents",
    "verify_path",
]
