"""The field's dictionaries convert reproducibly into the shipped knowledge files."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from newsgraph.knowledge import DATA_DIR
from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parent.parent


def _converter():
    spec = importlib.util.spec_from_file_location("convert_knowledge", ROOT / "scripts" / "convert_knowledge.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_converter_output_equals_shipped_files(tmp_path):
    source = shared_path("knowledge")
    written = _converter().convert(source, tmp_path)
    assert len(written) == 7
    for path in written:
        shipped = DATA_DIR / path.name
        assert shipped.is_file(), f"{path.name} is not shipped"
        assert path.read_bytes() == shipped.read_bytes(), f"{path.name} differs from the shipped file"


def test_shipped_knowledge_carries_its_licences():
    assert "MIT License" in (DATA_DIR / "LICENSE-PETRARCH2.txt").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in (DATA_DIR / "LICENSE-PLOVER.txt").read_text(encoding="utf-8")
    assert (DATA_DIR / "cameo_plover.tsv").read_text(encoding="utf-8").startswith("# CC BY-SA 4.0")


def test_converted_dates_and_codes_are_read(tmp_path):
    conv = _converter()
    actors = tmp_path / "a.txt"
    actors.write_text("KOFI_ANNAN_\n+K._ANNAN_\n\t[IGOUNO 970101-061231]\n\nHAMAS [PSEREB]\n", encoding="utf-8")
    table = conv.convert_actors([actors])
    assert table["kofi annan"] == ["IGOUNO@19970101-20061231"]
    assert table["k. annan"] == ["IGOUNO@19970101-20061231"]
    assert table["hamas"] == ["PSEREB@-"]


def test_bare_spellings_in_one_run_share_the_next_codes(tmp_path):
    conv = _converter()
    actors = tmp_path / "a.txt"
    actors.write_text("ANNA_LINDQVIST_  # notes\nA._LINDQVIST\nLINDQVIST\n\t[SWEGOV 940101-981231]\n"
                      "LONELY_WORD\n\nOTHER_NAME\n\t[NORGOV]\n"
                      "DEAD_SEA [---]\nKNESSET_X\n\t[ISRGOVLEG]\n", encoding="utf-8")
    table = conv.convert_actors([actors])
    assert table["lindqvist"] == table["anna lindqvist"] == ["SWEGOV@19940101-19981231"]
    assert "lonely word" not in table          # a blank line ends a code-less record
    assert "dead sea" not in table             # a null code of its own is not carried on
    assert table["knesset x"] == ["ISRGOVLEG@-"]
