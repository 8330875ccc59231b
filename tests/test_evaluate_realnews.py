"""The hand judgements of real-news events (eval/realnews_judged.json) stay well formed."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

JUDGED = Path(__file__).resolve().parent.parent / "eval" / "realnews_judged.json"
CODES = {"ok", "t:s", "t:g", "t:sg"}


def test_folds_split_by_the_parity_of_the_id_hash_and_judgements_are_fold_b():
    data = json.loads(JUDGED.read_text(encoding="utf-8"))
    fold = {aid: int(hashlib.md5(aid.encode()).hexdigest(), 16) % 2 for aid in
            data["fold_A_articles"] + data["fold_B_articles"]}
    assert all(fold[a] == 0 for a in data["fold_A_articles"]) and all(fold[a] == 1 for a in data["fold_B_articles"])
    for key, judgement in data["judgements"].items():
        article, start, kind, _trigger = key.split("|", 3)
        assert article in data["fold_B_articles"] and start.isdigit() and kind.isupper()
        assert judgement["code"] in CODES or judgement["code"].startswith("x:"), key
