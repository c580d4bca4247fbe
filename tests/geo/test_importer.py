"""GeoNames dump import: real files from ../shared and small hand-made ones, including bad input."""

from __future__ import annotations

import zipfile
import pytest

from claimgraph.errors import GeoError
from claimgraph.geo.importer import detect_format, import_files
from claimgraph.geo.resolve import Toponym, resolve_toponyms


@pytest.fixture()
def scratch_gazetteer(tiny_gazetteer):
    """A small private gazetteer, so imports do not leak into the shared one (see conftest)."""
    return tiny_gazetteer


def _row(gid, name, lat, lon, fclass, fcode, cc, a1="", a2="", pop=0, alts=""):
    cols = [str(gid), name, name, alts, str(lat), str(lon), fclass, fcode, cc, "", a1, a2, "", "", str(pop),
            "", "1000", "Asia/Kabul", "2024-01-01"]
    return "\t".join(cols) + "\n"


def test_formats_are_recognised_by_their_columns():
    assert detect_format(_row(1, "X", 1, 2, "P", "PPL", "AF")) == "geoname"
    assert detect_format("AF.37\tKhowst\tKhowst\t1444362") == "admin1"
    assert detect_format("AF.37.3204\tSpērah\tSperah\t7054019") == "admin2"
    assert detect_format("1\t2\ten\tName\t1\t\t\t") == "alternate"
    assert detect_format("just some text") is None


def test_a_country_dump_adds_villages_districts_and_names(scratch_gazetteer, tmp_path):
    dump = tmp_path / "XX.txt"
    dump.write_text(
        _row(990000001, "Qzalbek", 34.1, 69.2, "P", "PPL", "AF", "17", pop=1200, alts="Qizilbek,Kyzylbek")
        + _row(990000002, "Qzalbek District", 34.12, 69.21, "A", "ADM2", "AF", "17", "9901"),
        encoding="utf-8",
    )
    zipped = tmp_path / "XX.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.write(dump, "XX.txt")
        zf.writestr("readme.txt", "not data")
    counts = import_files(scratch_gazetteer, [zipped])[str(zipped)]
    assert counts["added"] == 2
    village, district, logar = (
        resolve_toponyms(scratch_gazetteer, [Toponym("v", "Kyzylbek"), Toponym("d", "Qzalbek district", parent_key="p"),
                                             Toponym("p", "Logar")])[k] for k in ("v", "d", "p")
    )
    assert village.resolved and village.geonameid == 990000001 and village.admin1 == "Logar"
    assert district.resolved and district.feature == "district" and district.geonameid == 990000002
    assert logar.admin1 == "Logar"


def test_shared_geonames_files_import_and_give_districts(scratch_gazetteer, shared_dir):
    base = shared_dir / "data" / "geonames"
    counts = import_files(scratch_gazetteer, [base / "admin1CodesASCII.txt", base / "admin2Codes.txt"])
    assert counts[str(base / "admin2Codes.txt")]["added"] > 40_000
    barmal, _paktika = (resolve_toponyms(scratch_gazetteer, [Toponym("b", "Barmal district", parent_key="p"),
                                                              Toponym("p", "Paktika")])[k] for k in ("b", "p"))
    # Bêrmal is an admin2 unit without coordinates in these files: known, placed in Paktika, not guessed
    assert not barmal.resolved and barmal.lat is None
    assert barmal.gazetteer_name == "Bêrmal" and barmal.admin1 == "Paktika" and barmal.geonameid == 7053774


@pytest.mark.slow
def test_shared_cities15000_updates_places_by_geonameid(scratch_gazetteer, shared_dir):
    path = shared_dir / "data" / "geonames" / "cities15000.txt"
    counts = import_files(scratch_gazetteer, [path])[str(path)]
    assert counts["added"] > 30_000 and counts["updated"] >= 1
    khost = scratch_gazetteer.by_geonameid(1136469)  # already there: updated in place, not duplicated
    assert khost.admin2_code and khost.fcode == "PPLA"
    assert len([c for c in scratch_gazetteer.candidates("Khost") if c.entry.geonameid == 1136469]) == 1


@pytest.mark.parametrize(
    ("content", "where"),
    [
        (_row(1, "A", 1, 2, "P", "PPL", "AF") + "12\tBroken\trow\n", ":2"),
        (_row(1, "A", 1, 2, "P", "PPL", "AF") + _row(2, "B", "north", 2, "P", "PPL", "AF"), ":2"),
        ("AF.37\tKhowst\tKhowst\tnot-a-number\n", ":1"),
        ("this is not a geonames file\n", ":1"),
    ],
)
def test_bad_files_get_cg301_with_file_and_line(scratch_gazetteer, tmp_path, content, where):
    bad = tmp_path / "bad.txt"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(GeoError) as err:
        import_files(scratch_gazetteer, [bad])
    assert err.value.code == "CG301" and err.value.subject.endswith(where) and str(bad) in err.value.subject


def test_a_bad_file_keeps_what_earlier_files_imported(scratch_gazetteer, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(_row(990000011, "Zarbakhel", 33.0, 69.0, "P", "PPL", "AF", "37"), encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("garbage\n", encoding="utf-8")
    with pytest.raises(GeoError):
        import_files(scratch_gazetteer, [good, bad])
    assert scratch_gazetteer.by_geonameid(990000011) is not None
    assert any(c.entry.geonameid == 990000011 for c in scratch_gazetteer.candidates("Zarbakhel"))


def test_missing_file_is_cg301(scratch_gazetteer, tmp_path):
    with pytest.raises(GeoError) as err:
        import_files(scratch_gazetteer, [tmp_path / "nope.txt"])
    assert err.value.code == "CG301"


def test_kabul_the_river_versus_kabul_the_city(scratch_gazetteer, tmp_path):
    dump = tmp_path / "AF.txt"
    dump.write_text(
        _row(1138958, "Kabul", 34.52813, 69.17233, "P", "PPLC", "AF", "13", pop=4_434_550)
        + _row(1138957, "Kabul River", 33.9, 72.23, "H", "STM", "AF", "", alts="Kabul,Darya-ye Kabul"),
        encoding="utf-8",
    )
    import_files(scratch_gazetteer, [dump])
    city, river = (resolve_toponyms(scratch_gazetteer, [Toponym("c", "Kabul"), Toponym("r", "Kabul River")])[k]
                   for k in ("c", "r"))
    assert city.geonameid == 1138958 and city.feature == "city"
    assert river.geonameid == 1138957 and river.feature == "water"
