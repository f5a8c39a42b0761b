"""The reader's fast path builds exactly the records of the general reader, or steps aside.

``_xml_fast._read_text`` reads PR2017 results files of a shape already planned straight
from their text (one match of the shape's template), ``_xml_fast._read_fast`` reads those
of the usual shapes from the tree with bulk operations; whatever they do not accept goes to
``_xml_tree._read_document``, which also reports every error. These tests compare the two on the Ministry's test set, on a generated
national tree, on hostile and altered files (same records or the same error, element and
value) and on random figures.

Sources: ``tests/data/pr2017-test-resultatsT2/README.md``, ``tests/data/senat2026-xml/README.md``.
"""

from __future__ import annotations

import copy
import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules.errors import OfficialFileError, UnsafeDocumentError
from electoral_rules.io import _xml_fast, _xml_tree, ministry_xml
from electoral_rules.io._checker import _all_rates_agree
from electoral_rules.io._rates import _rate_agrees
from electoral_rules.io._safexml import MAX_DEPTH, parse_bytes
from electoral_rules.io.ministry_xml import ResultFile, read_bytes
from electoral_rules.io.verify import verify_documents
from tests.common import DATA, bench_reader

PR2017 = DATA / "pr2017-test-resultatsT2"
FILES = sorted(PR2017.rglob("*.xml")) + sorted((DATA / "senat2026-xml").glob("*.xml"))
PARIS_1 = (PR2017 / "011/075/075056AR01.xml").read_bytes()


def general(data: bytes, name: str) -> ministry_xml.OfficialDocument:
    """What the general reader alone makes of a document."""
    return _xml_tree._read_document(parse_bytes(data, name), name)


def fast(data: bytes, name: str) -> ResultFile | None:
    return _xml_fast._read_fast(parse_bytes(data, name), name)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_fast_path_equals_general_reader_on_the_test_sets(path: Path) -> None:
    data = path.read_bytes()
    quick = fast(data, path.name)
    if path.name.startswith(("R", "ZZ")) or "IDX" in path.name or path.name == "index.xml":
        assert quick is None  # Senate feed and indexes: the general reader
    else:
        assert quick is not None  # every PR2017 results file of the test set takes the fast path
        assert quick == general(data, path.name)
        assert repr(quick) == repr(general(data, path.name))
    assert read_bytes(data, path.name) == general(data, path.name)


def test_fast_path_equals_general_reader_on_a_generated_tree(tmp_path: Path) -> None:
    bench_reader().generate(tmp_path, 12, departments=2, regions=2)
    taken = 0
    for path in sorted(tmp_path.rglob("*.xml")):
        data = path.read_bytes()
        quick = fast(data, path.name)
        if quick is not None:
            taken += 1
            assert quick == general(data, path.name)
            assert repr(quick) == repr(general(data, path.name))
    assert taken == 12 + 2 + 2 + 1  # communes, departments, regions, France


def outcome(reader: object, data: bytes) -> object:
    try:
        return reader(data, "x.xml")  # type: ignore[operator]
    except OfficialFileError as err:
        return (type(err), str(err), err.path, err.element)


ALTERATIONS = [
    (b"<NbVoix>274</NbVoix>", b"<NbVoix>" + str(10**30).encode() + b"</NbVoix>"),
    (b"<NbVoix>274</NbVoix>", b"<NbVoix>-5</NbVoix>"),
    (b"<NbVoix>274</NbVoix>", b"<NbVoix>12,5</NbVoix>"),
    (b"<NbVoix>274</NbVoix>", b"<NbVoix></NbVoix>"),
    (b"<NbVoix>274</NbVoix>", b"<NbVoix/>"),
    (b"<NbVoix>274</NbVoix>", b"<NbVoix>\xd9\xa3</NbVoix>"),  # an Arabic-Indic digit
    (b"<NbVoix>274</NbVoix>", b"<NbVoix>0000000000274</NbVoix>"),  # leading zeros: read
    (b"<NbVoix>274</NbVoix>", b"<NbVoix> 274 </NbVoix>"),
    (b"<NbVoix>274</NbVoix>", b"<NbVoix>2<![CDATA[7]]>4</NbVoix>"),
    (b"<NbVoix>274</NbVoix>", b"<NbVoix>2&#55;4</NbVoix>"),
    (b"<NbVoix>274</NbVoix>", b"<NbVoix>274<x/></NbVoix>"),  # a child under a leaf
    (b"<NbVoix>274</NbVoix>", b"<NbVoix>274</NbVoix><Elu>NON</Elu>"),
    (b"<NbVoix>274</NbVoix>", b"<NbVoix>274</NbVoix><NbVoix>3</NbVoix>"),
    (b"<NumPanneauCand>3</NumPanneauCand>", b"<NumPanneauCand>2</NumPanneauCand>"),
    (b"<NumPanneauCand>3</NumPanneauCand>", b"<NumPanneauCand>03</NumPanneauCand>"),
    (b"<NomPsn>ARBOCOL</NomPsn>", b"<NomPsn>MIREPOIX</NomPsn>"),
    (b"<NomPsn>ARBOCOL</NomPsn>", b"<NomPsn> </NomPsn>"),
    (b"<PrenomPsn>Nadine</PrenomPsn>", b"<PrenomPsn></PrenomPsn>"),
    (b"<RapportExprime>   4,29</RapportExprime>", b"<RapportExprime>4,3</RapportExprime>"),
    (b"<RapportExprime>   4,29</RapportExprime>", b"<RapportExprime>4</RapportExprime>"),
    (b"<RapportExprime>   4,29</RapportExprime>", b"<RapportExprime>4.29</RapportExprime>"),
    (b"<RapportExprime>   4,29</RapportExprime>", b"<RapportExprime>4,290</RapportExprime>"),
    (b"<RapportExprime>   4,29</RapportExprime>", b"<RapportExprimee>4,29</RapportExprimee>"),
    (b"<RapportExprime>   4,29</RapportExprime>", b"<RapportExprime>   4,28</RapportExprime>"),
    (b"<RapportExprime>   4,29</RapportExprime>", b""),  # one candidate with fewer percentages
    (b"<Nombre>6384</Nombre>", b"<Nombre>6385</Nombre>"),
    (b"<Nombre>6384</Nombre>", b"<Nombre>x</Nombre>"),
    (b"<NumTour>1</NumTour>", b"<NumTour>one</NumTour>"),
    (b"<Annee>2017</Annee>", b"<Annee>MMXVII</Annee>"),
    (b"<Type>Pr\xc3\xa9sidentielle</Type>", b"<Type> </Type>"),
    (b"<CodDpt3Car>075</CodDpt3Car>", b""),
    (b"<CodDpt3Car>075</CodDpt3Car>", b"<CodDpt3Car>075</CodDpt3Car><Note>x</Note>"),
    (b"<CodSubCom>056AR01</CodSubCom>", b"<CodSubCom></CodSubCom>"),
    (b"<CodSubCom>056AR01</CodSubCom>", b"<CodSubCom>056</CodSubCom>"),
    (b"<Inscrits>", b"<Inscrits><RapportInscrit>100,00</RapportInscrit>"),
    (b"<Abstentions>", b"<Abstentions><Nombre>1</Nombre>"),
    (b"</Mentions>", b"<Autre><Nombre>1</Nombre></Autre></Mentions>"),
    (b"<Resultats>", b"<Resultats><Listes/>"),
    (b"<Election>", b'<Election xmlns="urn:x">'),
    (b"<Election>", b"<Election><!-- a comment -->"),
]


@pytest.mark.parametrize(("old", "new"), ALTERATIONS)
def test_altered_files_give_the_same_records_or_the_same_error(old: bytes, new: bytes) -> None:
    assert old in PARIS_1
    data = PARIS_1.replace(old, new, 1)
    assert outcome(read_bytes, data) == outcome(general, data)


def test_missing_mention_gives_the_same_error() -> None:
    start, end = PARIS_1.index(b"<Exprimes>"), PARIS_1.index(b"</Exprimes>") + len(b"</Exprimes>")
    data = PARIS_1[:start] + PARIS_1[end:]
    assert outcome(read_bytes, data) == outcome(general, data)
    assert "Exprimes" in str(outcome(read_bytes, data))


def test_candidate_named_like_a_count_is_left_to_the_general_reader() -> None:
    data = PARIS_1.replace(
        b"<NomPsn>ARBOCOL</NomPsn>\n                <PrenomPsn>Nadine</PrenomPsn>",
        b"<NomPsn>voters</NomPsn>\n                <PrenomPsn></PrenomPsn>",
        1,
    )
    assert b"<NomPsn>voters</NomPsn>" in data
    assert fast(data, "x.xml") is None
    assert read_bytes(data, "x.xml") == general(data, "x.xml")


def test_deep_nesting_under_a_leaf_is_still_refused() -> None:
    deep = b"<a>" * MAX_DEPTH + b"</a>" * MAX_DEPTH
    data = PARIS_1.replace(b"<NbVoix>274</NbVoix>", b"<NbVoix>274" + deep + b"</NbVoix>", 1)
    with pytest.raises(UnsafeDocumentError, match="nested more than"):
        read_bytes(data, "x.xml")


def test_entities_are_still_refused_before_any_reading() -> None:
    data = PARIS_1.replace(b"<Election>", b'<!DOCTYPE Election [<!ENTITY a "1">]><Election>', 1)
    with pytest.raises(UnsafeDocumentError, match="document type"):
        read_bytes(data, "x.xml")


def test_a_new_shape_is_planned_once_and_remembered() -> None:
    _xml_fast._PLANS.clear()
    _xml_fast._TEMPLATES.clear()
    read_bytes(PARIS_1, "a.xml")
    read_bytes(PARIS_1.replace(b"<NbVoix>274</NbVoix>", b"<NbVoix>275</NbVoix>", 1), "b.xml")
    assert len(_xml_fast._PLANS) == 1
    [(tags, plan)] = next(iter(_xml_fast._PLANS.values()))
    assert tags[:3] == ["Election", "Scrutin", "Type"]
    assert plan is not None
    assert len(_xml_fast._TEMPLATES) == 1
    assert _xml_fast._TEMPLATES[0] is plan


def test_text_path_equals_general_reader_on_the_test_sets_and_a_generated_tree(tmp_path: Path) -> None:
    bench_reader().generate(tmp_path, 12, departments=2, regions=2)
    paths = [*FILES, *sorted(tmp_path.rglob("*.xml"))]
    for path in paths:  # plan every shape through the tree
        read_bytes(path.read_bytes(), path.name)
    taken = 0
    for path in paths:
        data = path.read_bytes()
        quick = _xml_fast._read_text(data, path.name)
        if quick is not None:
            taken += 1
            assert quick == general(data, path.name)
            assert repr(quick) == repr(general(data, path.name))
    assert taken >= 12 + 2 + 2 + 1  # at least the generated tree's results files


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"<NomPsn>ARBOCOL</NomPsn>", b"<NomPsn>ARBO\r\nCOL</NomPsn>"),  # XML rewrites it
        (b"<NbVoix>274</NbVoix>", b'<NbVoix a="1">274</NbVoix>'),
        (b"<NbVoix>274</NbVoix>", b"<NbVoix>274</NbVoix ><!-- -->"),
        (b"<NbVoix>274</NbVoix>", b"<NbVoix>2&#55;4</NbVoix>"),
        (b"<NbVoix>274</NbVoix>", b"<NbVoix>274</NbVoix>x"),  # text outside a leaf
        (b"<NomPsn>ARBOCOL</NomPsn>", b"<NomPsn>ARBO]]>COL</NomPsn>"),
        (b"<NomPsn>ARBOCOL</NomPsn>", b"<NomPsn>ARBO\x01COL</NomPsn>"),
        (b'encoding="UTF-8"', b'encoding="ISO-8859-1"'),
        (b"<Election>", b'<!DOCTYPE Election [<!ENTITY a "1">]><Election>'),
    ],
)
def test_text_path_steps_aside_for_anything_but_plain_elements_and_text(old: bytes, new: bytes) -> None:
    read_bytes(PARIS_1, "x.xml")  # its shape is planned
    assert _xml_fast._read_text(PARIS_1, "x.xml") == general(PARIS_1, "x.xml")
    assert old in PARIS_1
    data = PARIS_1.replace(old, new)
    assert _xml_fast._read_text(data, "x.xml") is None
    try:
        expected: object = general(data, "x.xml")
    except OfficialFileError as err:
        expected = (type(err), str(err))
    try:
        got: object = read_bytes(data, "x.xml")
    except OfficialFileError as err:
        got = (type(err), str(err))
    assert got == expected


@pytest.mark.parametrize("line_end", [b"\r\n", b"\r"])
def test_windows_line_ends_take_the_text_path(line_end: bytes) -> None:
    read_bytes(PARIS_1, "x.xml")  # its shape is planned
    data = PARIS_1.replace(b"\n", line_end).replace(b"<NbVoix>274<", b"<NbVoix>" + line_end + b"274 <")
    assert data.count(b"\r") > 20
    quick = _xml_fast._read_text(data, "x.xml")
    assert quick is not None
    assert quick == general(data, "x.xml") == general(PARIS_1, "x.xml")


@given(
    votes=st.lists(st.integers(0, 10**6), min_size=1, max_size=6),
    blank=st.integers(0, 1000),
    null=st.integers(0, 1000),
    abstentions=st.integers(0, 10**6),
    nudge=st.lists(st.integers(-1, 1), min_size=12, max_size=12),
)
def test_random_figures_read_alike(
    votes: list[int], blank: int, null: int, abstentions: int, nudge: list[int]
) -> None:
    expressed = sum(votes)
    voters = expressed + blank + null
    registered = voters + abstentions
    nudges = iter(nudge * 2)

    def rate(tag: str, top: int, bottom: int) -> str:
        hundredths = (10_000 * top // bottom if bottom else 0) + next(nudges)
        whole, cents = divmod(max(hundredths, 0), 100)
        return f"<{tag}>{whole:>4},{cents:02d}</{tag}>"

    people = "".join(
        f"<Candidat><NumPanneauCand>{n}</NumPanneauCand><NomPsn>NOM{n}</NomPsn><PrenomPsn>P</PrenomPsn>"
        f"<CivilitePsn>M.</CivilitePsn><NbVoix>{v}</NbVoix>{rate('RapportExprime', v, expressed)}</Candidat>"
        for n, v in enumerate(votes, start=1)
    )
    data = (
        "<Election><Scrutin><Type>Présidentielle</Type><Annee>2017</Annee></Scrutin><Region><CodReg>11</CodReg>"
        "<Tours><Tour><NumTour>1</NumTour><Mentions>"
        f"<Inscrits><Nombre>{registered}</Nombre></Inscrits>"
        f"<Abstentions><Nombre>{abstentions}</Nombre>{rate('RapportInscrit', abstentions, registered)}</Abstentions>"
        f"<Votants><Nombre>{voters}</Nombre>{rate('RapportInscrit', voters, registered)}</Votants>"
        f"<Blancs><Nombre>{blank}</Nombre>{rate('RapportVotant', blank, voters)}</Blancs>"
        f"<Nuls><Nombre>{null}</Nombre></Nuls>"
        f"<Exprimes><Nombre>{expressed}</Nombre>{rate('RapportVotant', expressed, voters)}</Exprimes>"
        f"</Mentions><Resultats><Candidats>{people}</Candidats></Resultats></Tour></Tours></Region></Election>"
    ).encode()
    quick = fast(data, "r.xml")
    assert quick is not None
    assert quick == general(data, "r.xml")
    # the same verification findings whichever reader made the records
    ours, theirs = verify_documents([quick]), verify_documents([general(data, "r.xml")])
    assert ours.findings == theirs.findings
    assert ours.agreed == theirs.agreed


@given(
    digits=st.integers(0, 10**6),
    decimals=st.integers(0, 4),
    numerator=st.integers(0, 10**9),
    denominator=st.integers(0, 10**9),
)
def test_bulk_percentage_check_agrees_with_the_one_by_one_check(
    digits: int, decimals: int, numerator: int, denominator: int
) -> None:
    row = ("x", "RapportInscrit", digits, decimals, numerator, denominator)
    one = _rate_agrees(digits, decimals, numerator, denominator)
    bulk = _all_rates_agree([row])
    assert bulk == one or (not bulk and (decimals != 2 or denominator == 0))
    if denominator and decimals == 2:
        near = 10_000 * numerator // denominator
        for candidate in (near - 1, near, near + 1, near + 2):
            pair = [row, ("x", "RapportVotant", max(candidate, 0), 2, numerator, denominator)]
            assert _all_rates_agree(pair) == (
                one and _rate_agrees(max(candidate, 0), 2, numerator, denominator)
            )


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_places_equal_the_ones_init_builds(path: Path) -> None:
    document = ministry_xml.read_official_file(path)
    places: list[ministry_xml.Place] = []
    if isinstance(document, ResultFile):
        places = [entity.place for entity in document.entities]
    elif isinstance(document, ministry_xml.Reference):
        places = list(document.places)
    elif isinstance(document, (ministry_xml.DepartmentIndex, ministry_xml.NationalIndex)):
        entries = (
            (*document.communes, *document.sections)
            if isinstance(document, ministry_xml.DepartmentIndex)
            else (*document.departments, *document.regions)
        )
        places = [entry.place for entry in entries]
    assert places
    for place in places:
        rebuilt = ministry_xml.Place(**{f.name: getattr(place, f.name) for f in dataclasses.fields(place)})
        assert rebuilt == place
        assert repr(rebuilt) == repr(place)
        assert hash(rebuilt) == hash(place)


@pytest.mark.parametrize(
    ("old", "new", "checks"),
    [
        (
            b"<Nombre>6723</Nombre>",
            b"<Nombre>6724</Nombre>",
            {"voters = blank + null + expressed", "abstentions = registered - voters"},
        ),
        (b"<NbVoix>274</NbVoix>", b"<NbVoix>275</NbVoix>", {"votes add up to expressed"}),
        (b"<Nombre>4539</Nombre>", b"<Nombre>4538</Nombre>", {"abstentions = registered - voters"}),
        (
            b"<RapportExprime>   4,29</RapportExprime>",
            b"<RapportExprime>   4,30</RapportExprime>",
            {"percentage rounded to 2 decimals"},
        ),
    ],
)
def test_disagreements_are_the_same_whichever_reader(old: bytes, new: bytes, checks: set[str]) -> None:
    data = PARIS_1.replace(old, new, 1)
    quick = fast(data, "x.xml")
    assert quick is not None
    ours, theirs = verify_documents([quick]), verify_documents([general(data, "x.xml")])
    assert ours.findings == theirs.findings
    assert ours.agreed == theirs.agreed
    assert checks <= {f.check for f in ours.disagreements}


TRICKY_TEXTS = [
    "",
    " ",
    "0",
    "007",
    "12",
    "-1",
    "1e3",
    "1_000",
    "٣",
    "²",
    "4,29",
    " 4,29 ",
    "4,2",
    "12345,67",
    "x",
    "OUI",
]


@given(data=st.data())
def test_randomly_altered_trees_read_alike(data: st.DataObject) -> None:
    """Delete, duplicate, swap or rewrite random elements of a commune file: the reader gives
    what the general reader gives (the same records, or the same error at the same element)."""
    root = ET.fromstring(PARIS_1)
    for _ in range(data.draw(st.integers(1, 3), label="alterations")):
        parents = [node for node in root.iter() if len(node)]
        if not parents:
            break
        parent = data.draw(st.sampled_from(parents), label="parent")
        index = data.draw(st.integers(0, len(parent) - 1), label="child")
        child = parent[index]
        action = data.draw(st.sampled_from(["delete", "duplicate", "swap", "text", "rename"]), label="action")
        if action == "delete":
            parent.remove(child)
        elif action == "duplicate":
            parent.insert(index, copy.deepcopy(child))
        elif action == "swap" and len(parent) > 1:
            other = data.draw(st.integers(0, len(parent) - 1), label="other")
            parent[index], parent[other] = parent[other], child
        elif action == "text":
            child.text = data.draw(st.sampled_from(TRICKY_TEXTS), label="text")
        elif action == "rename":
            child.tag = data.draw(
                st.sampled_from(["Nombre", "NbVoix", "Candidat", "Tour", "CodX", "Autre"]), label="tag"
            )
    altered = ET.tostring(root, encoding="utf-8")
    assert outcome(read_bytes, altered) == outcome(general, altered)


# -- rounds read through a plan: candidates and percentages built on first use --------------


def results(path: Path) -> ResultFile:
    document = ministry_xml.read_official_file(path)
    assert isinstance(document, ResultFile)
    return document


def planned_rounds(tmp_path: Path) -> list[ministry_xml.RoundResult]:
    bench_reader().generate(tmp_path, 6, departments=1, regions=1)
    rounds: list[ministry_xml.RoundResult] = [
        item
        for path in [*FILES, *sorted(tmp_path.rglob("*.xml"))]
        if isinstance(document := ministry_xml.read_official_file(path), ResultFile)
        for entity in document.entities
        for item in entity.rounds
        if type(item) is _xml_fast._PlannedRound
    ]
    assert len(rounds) >= 6 + 1 + 1 + 1
    return rounds


def plain(item: ministry_xml.RoundResult) -> ministry_xml.RoundResult:
    names = [f.name for f in dataclasses.fields(ministry_xml.RoundResult)]
    return ministry_xml.RoundResult(**{name: getattr(item, name) for name in names})


def test_planned_rounds_behave_as_round_results(tmp_path: Path) -> None:
    import pickle

    for item in planned_rounds(tmp_path):
        fresh = results(Path(item.path)).entities[0].rounds  # nothing built yet
        assert item in fresh and fresh.count(item) == 1
        other = plain(item)
        assert type(other) is ministry_xml.RoundResult
        assert item == other and other == item
        assert not item != other  # noqa: SIM202 (__ne__ too)
        assert hash(item) == hash(other)
        assert repr(item) == repr(other)
        assert item.votes == other.votes and list(item.votes) == list(other.votes)
        assert item.tally == other.tally
        for copied in (copy.copy(item), copy.deepcopy(item), pickle.loads(pickle.dumps(item))):
            assert copied == other and type(copied) is ministry_xml.RoundResult
        replaced = dataclasses.replace(item, round=item.round)
        assert replaced == other and replaced.votes == other.votes
        assert dataclasses.replace(item, candidates=()) != other
        assert dataclasses.replace(item, candidates=()).votes == {}
        with pytest.raises(dataclasses.FrozenInstanceError):
            item.candidates = ()  # type: ignore[misc]
        assert item.__eq__("not a round") is NotImplemented


def test_rate_columns_are_the_rate_data_columns(tmp_path: Path) -> None:
    for item in planned_rounds(tmp_path):
        fresh = results(Path(item.path)).entities[0]
        first = next(r for r in fresh.rounds if r.round == item.round)
        columns = _xml_fast._rate_columns(first)  # before rate_data is built
        assert columns is not None
        rows = item.rate_data
        assert [list(column) for column in columns] == [
            [row[2] for row in rows],
            [row[4] for row in rows],
            [row[5] for row in rows],
        ]
        assert all(row[3] == 2 for row in rows)
        assert _xml_fast._rate_columns(plain(item)) is None
        assert _xml_fast._rate_columns(dataclasses.replace(item)) is None


@given(
    rows=st.lists(st.tuples(st.integers(0, 10**5), st.integers(0, 10**9), st.integers(0, 10**9)), max_size=6)
)
def test_column_check_agrees_with_the_one_by_one_check(rows: list[tuple[int, int, int]]) -> None:
    from electoral_rules.io._checker import _columns_agree

    digits = [d for d, _, _ in rows]
    numerators = [n for _, n, _ in rows]
    denominators = [b for _, _, b in rows]
    expected = all(b and _rate_agrees(d, 2, n, b) for d, n, b in rows)
    assert _columns_agree(digits, numerators, denominators) == expected
    nearest = [((20_000 * n + b) // (2 * b) if b else 0, n, b) for _, n, b in rows]  # rounded
    if nearest:
        columns = [list(column) for column in zip(*nearest, strict=True)]
        assert _columns_agree(*columns) == all(b for _, _, b in nearest)


@given(
    parts=st.lists(
        st.dictionaries(st.sampled_from(["A", "B", "C", "D"]), st.integers(0, 10**6), max_size=4),
        max_size=5,
    )
)
def test_summed_totals_match_a_naive_sum(parts: list[dict[str, int]]) -> None:
    from electoral_rules._mapping import FrozenMap
    from electoral_rules.io.verify import Totals

    totals = [
        Totals(
            registered=i + 10,
            voters=i + 5,
            blank=i,
            null=1,
            expressed=sum(votes.values()),
            votes=FrozenMap(votes),
            sources=(f"f{i}",),
        )
        for i, votes in enumerate(parts)
    ]
    naive: dict[str, int] = {}
    for votes in parts:
        for name, count in votes.items():
            naive[name] = naive.get(name, 0) + count
    summed = Totals.sum(totals)
    assert list(summed.votes.items()) == list(naive.items())  # first-seen order too
    assert (summed.registered, summed.voters, summed.blank, summed.null, summed.expressed) == (
        sum(t.registered for t in totals),
        sum(t.voters for t in totals),
        sum(t.blank for t in totals),
        sum(t.null for t in totals),
        sum(t.expressed for t in totals),
    )
    assert summed.sources == tuple(f"f{i}" for i in range(len(parts)))
    assert Totals.sum([*totals, *totals]).votes == {name: 2 * count for name, count in naive.items()}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"<DateDerMaj>23-04-2017</DateDerMaj>", b"<DateDerMaj>31-02-2017</DateDerMaj>"),
        (b"<ResultatsParvenus>O</ResultatsParvenus>", b"<ResultatsParvenus>X</ResultatsParvenus>"),
        (b"<ResultatsParvenus>O</ResultatsParvenus>", b"<ResultatsParvenus> n </ResultatsParvenus>"),
        (b"<ResultatsParvenus>O</ResultatsParvenus>", b""),
        (b"<HeureDerMaj>21:00:00</HeureDerMaj>", b""),
        (b"<CodSubCom>001</CodSubCom>", b"<CodSubCom>001</CodSubCom><CodSubCom>009</CodSubCom>"),
        (b"<CodSubCom>001</CodSubCom>", b"<CodSubCom><x/></CodSubCom>"),
        (b"<CodSubCom>001</CodSubCom>", b"<CodSubCom> </CodSubCom>"),
        (b"<LibSubCom>Commune 001</LibSubCom>", b"<LibSubCom/>"),
    ],
)
def test_index_lines_read_as_the_general_reader_reads_them(tmp_path: Path, old: bytes, new: bytes) -> None:
    bench_reader().generate(tmp_path, 3, departments=1, regions=1)
    data = (tmp_path / "001/001/001IDX.xml").read_bytes()
    assert old in data
    altered = data.replace(old, new, 1)

    def general_lines(data: bytes, name: str) -> object:
        original = _xml_tree._index_entry
        _xml_tree._index_entry = _xml_tree._index_entry_general
        try:
            return general(data, name)
        finally:
            _xml_tree._index_entry = original

    for document in (data, altered):
        assert outcome(read_bytes, document) == outcome(general_lines, document)
