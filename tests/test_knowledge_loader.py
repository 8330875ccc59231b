"""The one knowledge reader: clear errors naming the file, user files layered over shipped ones."""
from __future__ import annotations

import pytest

from newsgraph.knowledge import DATA_DIR, data_path
from newsgraph.knowledge.loader import KnowledgeError, merge_into, merged, read_yaml, require


def test_every_shipped_yaml_file_reads_as_a_mapping_or_list():
    files = sorted(DATA_DIR.glob("*.yaml"))
    assert len(files) >= 9
    for path in files:
        assert isinstance(read_yaml(path), (dict, list)), path.name


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    bad = tmp_path / "mine.yaml"
    bad.write_text("verbs:\n  - lemma: attack\n   why: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"mine\.yaml: line \d+ not valid YAML"):
        read_yaml(bad)


def test_missing_file_and_scalar_file_are_named(tmp_path):
    with pytest.raises(KnowledgeError, match="absent.yaml: no such knowledge file"):
        read_yaml(tmp_path / "absent.yaml")
    scalar = tmp_path / "scalar.yaml"
    scalar.write_text("just words\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="scalar.yaml: expected a mapping"):
        read_yaml(scalar)


def test_callers_cannot_change_the_cached_copy(tmp_path):
    path = tmp_path / "lex.yaml"
    path.write_text("words: [a, b]\n", encoding="utf-8")
    read_yaml(path)["words"].append("c")
    assert read_yaml(path) == {"words": ["a", "b"]}


def test_user_file_extends_lists_and_overrides_scalars(tmp_path):
    user = tmp_path / "user.yaml"
    user.write_text("extra_section: {threshold: 2}\n", encoding="utf-8")
    shipped = read_yaml(data_path("link.yaml"))
    combined = merged("link.yaml", [user])
    assert combined["extra_section"] == {"threshold": 2}
    assert set(shipped) <= set(combined)


def test_merge_concatenates_lists_and_merges_mappings_key_by_key():
    base = {"cues": ["say"], "limits": {"a": 1, "b": 2}, "name": "x"}
    merge_into(base, {"cues": ["tell"], "limits": {"b": 3}, "name": "y"})
    assert base == {"cues": ["say", "tell"], "limits": {"a": 1, "b": 3}, "name": "y"}


def test_require_names_the_entry_and_the_missing_field():
    with pytest.raises(KnowledgeError, match=r"mine.yaml: verbs\[2\]: entry lacks why"):
        require({"lemma": "attack"}, ["lemma", "why"], "mine.yaml: verbs[2]")
    with pytest.raises(KnowledgeError, match="expected a mapping"):
        require(["attack"], ["lemma"], "mine.yaml: verbs[0]")
