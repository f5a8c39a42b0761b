"""Read the Ministry of the Interior's XML result files into typed, frozen records.

Two families of files share one vocabulary (``Election``, ``Scrutin``, ``Tours/Tour``,
``Mentions``, ``Resultats``) and are read by the same code:

- the **PR2017 format** described in the Ministry's technical guide for the 2017
  presidential election: the communes reference (``referencePR/listeregdptcom.xml``), the
  candidatures (``candidatureT1/CandidatureT1.xml``), the national index (``index.xml``), the
  department index (``075IDX.xml``), commune and arrondissement files (``075056AR01.xml``),
  the file of all of a department's communes, department, Rhône/Lyon metropolis section,
  region and France-entière (``FE.xml``) files, for both rounds;
- the **Senate 2026 result feed** (``EnsembleGeo/Region/Circonscription``): seats to fill
  (``NbSap``) and filled (``NbSiePourvus``), lists with their candidates and ``NbSieges``
  (proportional constituencies), candidates with ``Elu`` (majoritarian constituencies).

Every figure is checked on the way in: a count that is missing, not a whole number, negative
or above :data:`MAX_COUNT`, a percentage that is not a French decimal, two candidates with the
same number (``NumPanneauCand``), rank on a list (``NumOrdCand``) or name, two lists with the
same number (``NumListe``) or name, two rounds with the same number: each raises
:class:`~electoral_rules.errors.OfficialFileError` naming the file, the element and the value.
Nothing is silently skipped. The records are those of :mod:`electoral_rules.io.records`
(shared with the open-data CSV reader); the element-by-element reader is in
``_xml_tree.py`` and the fast path for the usual PR2017 shapes in ``_xml_fast.py``; this
module is their entry point. Arithmetic consistency (voters = blank + null + expressed, ...)
is *not* checked here, so that a faulty official figure can be read and then reported by
:mod:`electoral_rules.io.verify`; :attr:`RoundResult.tally` builds the validated
:class:`~electoral_rules.Tally`.

>>> doc = read_bytes(_EXAMPLE, "075056AR01.xml")
>>> entity = doc.entities[0]
>>> entity.place.level, entity.place.department, entity.place.commune
(<Level.ARRONDISSEMENT: 'arrondissement'>, '075', '056AR01')
>>> round1 = entity.rounds[0]
>>> round1.voters - round1.blank - round1.null, round1.tally.expressed
(6384, 6384)
>>> rate = round1.rates[0]
>>> rate.element
'Departement[075]/Commune[056AR01]/Tour[1]/Mentions/Votants/RapportInscrit'
>>> rate.value, rate.numerator, rate.denominator, rate.agrees
(Fraction(597, 10), 6723, 11262, True)
"""

from __future__ import annotations

import os

from ..errors import OfficialFileError
from ._safexml import read_path
from ._xml_fast import _read_loaded
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

__all__ = [
    "MAX_COUNT",
    "CandidateResult",
    "Candidatures",
    "DepartmentIndex",
    "Entity",
    "FileKind",
    "IndexEntry",
    "Level",
    "ListResult",
    "NationalIndex",
    "OfficialDocument",
    "Place",
    "PublishedRate",
    "Reference",
    "ResultFile",
    "RoundResult",
    "read_bytes",
    "read_official_file",
    "rounded_percent",
]


def read_bytes(data: bytes, name: str = "<bytes>") -> OfficialDocument:
    """Read one official document from its bytes (see :func:`read_official_file`).

    >>> doc = read_bytes(_EXAMPLE, "x.xml")
    >>> doc.kind, doc.entities[0].rounds[0].votes
    (<FileKind.COMMUNE: 'commune'>, {'HORTALA Frédéric': 4000, 'MIREPOIX Achille': 2384})
    """
    if not isinstance(data, (bytes, bytearray)) or not isinstance(name, str):
        raise OfficialFileError(
            f"read_bytes takes the file's bytes and its name (str), not {type(data).__name__} and "
            f"{type(name).__name__}"
        )
    return _read_loaded(bytes(data), name)


def read_official_file(path: str | os.PathLike[str]) -> OfficialDocument:
    """Read one Ministry file (PR2017 format or Senate feed) safely into typed records.

    :param path: the XML file.
    :returns: a :class:`ResultFile`, :class:`NationalIndex`, :class:`DepartmentIndex`,
        :class:`Reference` or :class:`Candidatures`, according to the file's structure.
    :raises UnsafeDocumentError: for a DTD, entities or external references.
    :raises OfficialFileError: for an unreadable, malformed or incomplete file, naming the
        file, the element and the value.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     file = pathlib.Path(tmp) / "075056AR01.xml"
    ...     _ = file.write_bytes(_EXAMPLE)
    ...     read_official_file(file).entities[0].place.name
    'Paris 1er arrondissement'
    """
    return _read_loaded(*read_path(path))


_EXAMPLE = """<?xml version="1.0" encoding="UTF-8"?>
<Election><Scrutin><Type>Présidentielle</Type><Annee>2017</Annee></Scrutin>
<Departement><CodReg>11</CodReg><CodReg3Car>011</CodReg3Car><CodDpt>75</CodDpt>
<CodDpt3Car>075</CodDpt3Car><LibDpt>Paris</LibDpt>
<Commune><CodSubCom>056AR01</CodSubCom><LibSubCom>Paris 1er arrondissement</LibSubCom>
<Tours><Tour><NumTour>1</NumTour><Mentions>
<Inscrits><Nombre>11262</Nombre></Inscrits>
<Votants><Nombre>6723</Nombre><RapportInscrit>  59,70</RapportInscrit></Votants>
<Blancs><Nombre>207</Nombre></Blancs><Nuls><Nombre>132</Nombre></Nuls>
<Exprimes><Nombre>6384</Nombre></Exprimes></Mentions>
<Resultats><Candidats>
<Candidat><NumPanneauCand>1</NumPanneauCand><NomPsn>HORTALA</NomPsn><PrenomPsn>Frédéric</PrenomPsn><NbVoix>4000</NbVoix></Candidat>
<Candidat><NumPanneauCand>2</NumPanneauCand><NomPsn>MIREPOIX</NomPsn><PrenomPsn>Achille</PrenomPsn><NbVoix>2384</NbVoix></Candidat>
</Candidats></Resultats></Tour></Tours></Commune></Departement></Election>
""".encode()

_EXAMPLE_INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<Election><Scrutin><Type>Présidentielle</Type><Annee>2017</Annee></Scrutin>
<Departement><CodDpt>75</CodDpt><CodDpt3Car>075</CodDpt3Car><CodReg3Car>011</CodReg3Car>
<Tours><Tour><NumTour>1</NumTour><Communes>
<Commune><CodSubCom>056</CodSubCom><ResultatsParvenus>O</ResultatsParvenus></Commune>
<Commune><CodSubCom>056AR01</CodSubCom><ResultatsParvenus>O</ResultatsParvenus></Commune>
</Communes></Tour></Tours></Departement></Election>
""".encode()
