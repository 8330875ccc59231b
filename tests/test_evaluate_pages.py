"""The page scorer, and the invented pages in tests/data/pages staying above the targets."""
from pathlib import Path

from newsgraph.evaluate.pages import evaluate_pages, format_page_scores, half_of, score_page, summarize

PAGES = Path(__file__).parent / "data" / "pages"
HTML = ("<html><body><nav><a>Home</a> <a>World</a></nav><h1>Dam talks resume</h1>"
        "<p>Negotiators met again on Thursday to discuss the river.</p>"
        "<div>Subscribe to our weekly newsletter today</div><p>Share</p></body></html>")
GOLD = {"title": "Dam talks resume", "author": "Ana Ruiz", "outlet": "Steppe Courier", "date": None,
        "paragraphs": ["Negotiators met again on Thursday to discuss the river."]}


def test_junk_left_in_the_text_counts_against_removal_unless_marked():
    text = "Negotiators met again on Thursday to discuss the river.\nSubscribe to our weekly newsletter today\nShare"
    kept = score_page(HTML, GOLD, text, [], {"title": "Dam talks resume", "author": None})
    cut = text.index("Subscribe")
    marked = score_page(HTML, GOLD, text, [[cut, len(text)]], {})
    m_kept, m_marked = summarize([kept]), summarize([marked])
    assert m_kept["text_kept"] == m_marked["text_kept"] == 100.0
    assert m_kept["junk_removed"] < m_marked["junk_removed"] == 100.0
    assert m_kept["title"] == 100.0 and m_kept["author"] == 0.0
    assert "date" not in kept.fields   # a field the gold leaves empty is not scored


def test_lost_article_text_counts_by_matched_words():
    score = score_page(HTML, GOLD, "Negotiators met again on Thursday.", [], {})
    assert 0 < summarize([score])["text_kept"] < 100


def test_halves_are_stable_and_both_used():
    names = [p.stem for p in PAGES.glob("*.html")]
    assert {half_of(n) for n in names} == {"A", "B"}
    assert half_of("p01") == half_of("p01")


def test_the_invented_pages_stay_above_the_targets():
    scores = evaluate_pages(PAGES)
    overall = summarize(scores)
    assert overall["pages"] >= 20
    assert overall["text_kept"] >= 96 and overall["junk_removed"] >= 93
    assert overall["title"] >= 85 and overall["author"] >= 85
    assert "half" in format_page_scores(scores)


def test_eval_pages_command_prints_both_halves_and_refuses_a_missing_folder(tmp_path):
    from typer.testing import CliRunner

    from newsgraph.cli.main import app
    runner = CliRunner()
    for name in ("p01.html", "p01.gold.json", "p02.html", "p02.gold.json"):
        (tmp_path / name).write_bytes((PAGES / name).read_bytes())
    result = runner.invoke(app, ["eval", "pages", str(tmp_path), "--details"])
    assert result.exit_code == 0, result.output
    assert [line.split()[0] for line in result.output.splitlines()[1:4]] == ["A", "B", "all"]
    missing = runner.invoke(app, ["eval", "pages", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2


def test_held_out_pages_are_kept_apart_from_the_tuning_pages():
    """tests/data/pages_heldout is scored only as totals (README); a page in both folders would leak."""
    held = {p.stem for p in (PAGES.parent / "pages_heldout").glob("*.html")}
    tuning = {p.stem for p in PAGES.glob("*.html")}
    assert len(held) >= 20 and not held & tuning
    assert all((PAGES.parent / "pages_heldout" / f"{name}.gold.json").is_file() for name in held)
