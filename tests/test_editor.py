"""Checks while typing: every report carries the JSON Schemas of its data files in data/.skema/,
generated from the validator's own schemas and current; every data file names its schema on
its first line; and a schema judges a file as the validator does (checked with the
`jsonschema` package, reading YAML as an editor does)."""
import datetime as dt
import shutil
from decimal import Decimal

import jsonschema
import pytest
import yaml

from lkjip.authoring import editor
from lkjip.authoring.reference import editor_schemas
from lkjip.cli import main
from lkjip.diagnostics import Collector
from lkjip.domain import SUBJECTS
from lkjip.pipeline import Options, run
from lkjip.project import Project
from lkjip.schema import Context
from lkjip.source.text import SourceError
from lkjip.source.yamlfile import parse_yaml

from conftest import REPO, SAMPLES, copy_sample, line_of

REPORTS = {"bundled": REPO, **{name: SAMPLES / name for name in ("kecamatan", "kota", "minimal", "dinas")}}
REGENERATE = "python build.py skema --tulis . tests/samples/kecamatan tests/samples/kota tests/samples/minimal tests/samples/dinas"


@pytest.mark.parametrize("name", list(REPORTS))
def test_the_committed_schemas_and_first_lines_are_current(name):
    assert editor.stale(Project(REPORTS[name])) == [], f"regenerate with: {REGENERATE}"


def test_every_data_file_names_its_schema_on_its_first_line_and_the_path_resolves():
    assert (REPO / "data/laporan.yaml").read_text("utf-8").split("\n")[0] == \
        "# yaml-language-server: $schema=.skema/laporan.schema.json"
    assert (SAMPLES / "kota/data/tabel/musrenbang.yaml").read_text("utf-8").split("\n")[0] == \
        "# yaml-language-server: $schema=../.skema/tabel.schema.json"
    for root in REPORTS.values():
        project = Project(root)
        for path in editor.data_yaml(project):
            first = path.read_text("utf-8").split("\n")[0]
            assert first.startswith(editor.MODELINE), path
            assert (path.parent / first.removeprefix(editor.MODELINE)).is_file(), path


def test_skema_tulis_brings_a_report_up_to_date_and_then_changes_nothing(tmp_path, capsys):
    root = copy_sample("minimal", tmp_path / "laporan")
    shutil.rmtree(root / "data/.skema")
    (root / "data/.skema").mkdir()
    (root / "data/.skema/lama.schema.json").write_text("{}", "utf-8")
    pejabat = root / "data/pejabat.yaml"
    pejabat.write_bytes(b"\xef\xbb\xbf" + pejabat.read_text("utf-8").split("\n", 1)[1].replace("\n", "\r\n").encode())
    laporan = root / "data/laporan.yaml"
    laporan.write_text("# yaml-language-server: $schema=skema-lain.json\n" + laporan.read_text("utf-8").split("\n", 1)[1])
    assert main(["skema", "--tulis", "--dir", str(root)]) == 0
    assert capsys.readouterr().out.endswith(": 22 skema diperbarui, 1 dihapus; baris pertama diperbarui di 2 file data\n")
    assert editor.stale(Project(root)) == []
    assert pejabat.read_bytes().startswith(b"\xef\xbb\xbf# yaml-language-server: $schema=.skema/pejabat.schema.json\r\n")
    assert laporan.read_text("utf-8").count("yaml-language-server") == 1
    assert run(Project(root), Options(pdf=False, write=False)).diagnostics == []
    assert main(["skema", "--tulis", "--dir", str(root)]) == 0
    assert capsys.readouterr().out.endswith(": 0 skema diperbarui, 0 dihapus; baris pertama diperbarui di 0 file data\n")


# --- schema and validator agree --------------------------------------------------------------

class _EditorLoader(yaml.SafeLoader):
    """YAML as the YAML language server reads it (YAML 1.2): dates stay text, keys are text."""


_EditorLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def _as_json(value):
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    assert not isinstance(value, (dt.date, Decimal))
    return value


SCHEMAS = editor_schemas()
KINDS = {**{f.name: f.record() for s in SUBJECTS for f in s.files}, **{f.name: f.kind for s in SUBJECTS for f in s.folders}}


def _schema_accepts(name, text):
    schema = SCHEMAS[name]
    checker = jsonschema.validators.validator_for(schema)
    assert checker is jsonschema.Draft7Validator
    return checker(schema, format_checker=checker.FORMAT_CHECKER).is_valid(_as_json(yaml.load(text, _EditorLoader)))


def _validator_accepts(name, text):
    collector = Collector()
    try:
        doc = parse_yaml(text, f"data/{name}.yaml")
    except SourceError:
        return False
    KINDS[name].convert(doc.data, (), Context(doc, collector))
    return not collector.errors


@pytest.mark.parametrize("name", list(REPORTS))
def test_every_real_data_file_is_valid_to_both(name):
    project = Project(REPORTS[name])
    for path in editor.data_yaml(project):
        kind = editor.schema_name(project.relative(path))
        text = path.read_text("utf-8")
        assert _validator_accepts(kind, text) and _schema_accepts(kind, text), path


CASES = [  # (report, data file, text, replaced by, valid to both)
    ("bundled", "indikator", "jenis: indeks", "jenis: indek", False),                       # not one of the choices
    ("bundled", "indikator", "    arah: naik\n", "    arah: naik\n    warna: merah\n", False),  # unknown key
    ("bundled", "indikator", "    nomor: 1\n", "    nomor: 0\n", False),                   # below the minimum
    ("bundled", "indikator", "    nomor: 1\n", "    nomor: satu\n", False),
    ("bundled", "indikator", "target: {2022: 82, 2023: 87}", "target: {22: 82, 2023: 87}", False),  # not a year
    ("bundled", "indikator", "sementara: true", "sementara: ya", False),
    ("bundled", "indikator", "realisasi: {2022: 100, 2023: 100, 2024: 100}",
     'realisasi: {2022: 100, 2023: 100, 2024: "ISI: realisasi 2024"}', True),            # a placeholder stands in
    ("bundled", "perjanjian_kinerja", "nilai: 93.15 ", "nilai: 93,15 ", False),          # a decimal comma
    ("bundled", "perjanjian_kinerja", "nilai: 81\n", 'nilai: "81%"\n', False),
    ("bundled", "perjanjian_kinerja", "nilai: 81\n", 'nilai: "1.081"\n', False),         # thousands dots
    ("bundled", "perjanjian_kinerja", "nilai: 81\n", "nilai: A\n", True),                # a category word
    ("bundled", "perjanjian_kinerja", "nilai: 81\n", 'nilai: "ISI: target 50%"\n', True),
    ("bundled", "perjanjian_kinerja", "pagu: 2360146480", 'pagu: "Rp 2.360.146.480"', False),
    ("bundled", "perjanjian_kinerja", "pagu: 2360146480", "pagu: -5", False),
    ("bundled", "perjanjian_kinerja", "pagu: 2360146480", 'pagu: "ISI: pagu"', False),   # no stand-in for rupiah
    ("bundled", "perjanjian_kinerja", "tanggal: 2024-01-29", "tanggal: 29-01-2024", False),
    ("bundled", "perjanjian_kinerja", "tanggal: 2024-01-29", "tanggal: 2024-02-30", False),
    ("bundled", "perjanjian_kinerja", "tanggal: 2024-01-29", 'tanggal: "2024-01-29"', True),
    ("bundled", "perjanjian_kinerja", "tanggal: 2024-01-29", 'tanggal: "ISI: tanggal"', True),
    ("bundled", "perjanjian_kinerja", "pihak_kedua: bupati\n", 'pihak_kedua: "ISI: atasan"\n', False),
    ("bundled", "perjanjian_kinerja", "    tempat: Mojokerto\n", "    tempat:\n", True),  # optional, written empty
    ("bundled", "perjanjian_kinerja", "    tahun: 2024\n", "    tahun:\n", False),        # required, written empty
    ("bundled", "pejabat", "id: camat", "id: Camat", False),
    ("bundled", "pejabat", "jabatan: Bupati Mojokerto", 'jabatan: "  "', False),
    ("bundled", "pejabat", 'nip: "19780610 199809 1 001"', "nip: 19780610", True),     # a number is text too
    ("bundled", "laporan", "tahun: 2024", "tahun: 1800", False),
    ("bundled", "laporan", "tahun: 2024", 'tahun: "2024"', True),
    ("bundled", "laporan", "desimal: 2", "desimal: 2.5", False),
    ("bundled", "renstra", 'data_awal: "79.5"', 'data_awal: "79,5"', False),
    ("bundled", "renstra", 'data_awal: "22 orang"', 'data_awal: "22 7"', False),
    ("minimal", "laporan", "penandatangan: kepala\n",
     'penandatangan: kepala\nsampul: "ISI: baris sampul"\n', False),                    # a list of at least one
    ("minimal", "pejabat", "jabatan: Bupati Teladan}", 'jabatan: Bupati Teladan, nama_lain: "ISI: ejaan lain"}', True),
    ("kota", "tabel/musrenbang", "jenis: persen, rumus", "jenis: persentase, rumus", False),
]


@pytest.mark.parametrize("report,file,old,new,valid", CASES, ids=[f"{c[1]}:{c[3].strip()[:30]}" for c in CASES])
def test_schema_and_validator_agree(report, file, old, new, valid):
    text = (REPORTS[report] / "data" / f"{file}.yaml").read_text("utf-8")
    assert old in text
    changed = text.replace(old, new, 1)
    kind = file.split("/")[0]
    assert (_validator_accepts(kind, changed), _schema_accepts(kind, changed)) == (valid, valid)


def test_what_only_the_validator_knows(tmp_path):
    """Rules across keys or files are beyond an editor's schema: the build still reports them."""
    root = copy_sample("kota", tmp_path / "kota")
    table = root / "data/tabel/musrenbang.yaml"
    text = table.read_text("utf-8").replace("usulan: ", "usulann: ", 1)
    table.write_text(text, "utf-8")
    assert _schema_accepts("tabel", text) and not _validator_accepts("tabel", text)
    pejabat = root / "data/pejabat.yaml"
    doubled = pejabat.read_text("utf-8").replace("id: bupati", "id: camat", 1)
    if "id: bupati" not in pejabat.read_text("utf-8"):
        doubled = pejabat.read_text("utf-8").replace("id: wali_kota", "id: camat", 1)
    assert _schema_accepts("pejabat", doubled) and not _validator_accepts("pejabat", doubled)
    assert line_of(table, "usulann") > 1
