"""The seed articles' timeline (ingest, then `timeline --json`): the central events
with the right actors and status, no actor pointed at itself, no event without actors."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import shared_path


@pytest.fixture(scope="module")
def timeline(tmp_path_factory):
    seeds = shared_path("seeds")
    db = tmp_path_factory.mktemp("seeds") / "ev.db"
    subprocess.run([sys.executable, "-m", "newsgraph", "ingest", str(seeds), "--db", str(db)],
                   check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-m", "newsgraph", "timeline", "--db", str(db), "--json"],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def entries(timeline, kind, trigger_words):
    return [e for e in timeline if e["type"] == kind
            and any(w in m["trigger"]["text"].lower() for m in e["mentions"] for w in trigger_words)]


def test_no_entry_points_an_actor_at_itself(timeline):
    assert [e["summary"] for e in timeline if set(e["source"]) & set(e["target"])] == []


def test_every_entry_names_an_actor(timeline):
    assert [e["summary"] for e in timeline if not e["source"] and not e["target"]] == []


def test_the_offensive_is_azerbaijan_s_asserted_assault(timeline):
    found = entries(timeline, "ASSAULT", ("offensive",))
    assert any("AZE" in e["source"] and "AZE" not in e["target"] and e["status"] == "asserted" for e in found)


def test_macron_called_pashinyan(timeline):
    found = entries(timeline, "CONSULT", ("call",))
    assert any("person:emmanuel-macron" in e["source"] and "person:nikol-pashinyan" in e["target"] for e in found)


def test_rallies_are_protests(timeline):
    found = entries(timeline, "PROTEST", ("rallies", "participated", "gathered"))
    assert found and all(e["status"] == "asserted" for e in found)


def test_the_senate_resolution_calls_on_the_government(timeline):
    found = [e for e in timeline if e["type"] == "REQUEST" and "org:fra-senate" in e["source"]]
    assert any("FRA" in e["target"] for e in found)


def test_france_asked_the_security_council(timeline):
    found = [e for e in timeline if e["type"] == "REQUEST" and "igo:un-security-council" in e["target"]]
    assert any("FRA" in e["source"] for e in found)
