"""One home per sense idea: the trigger senses (senses.py, contests.py) and the real-news
guards (guards.py, guards_talk.py) ask the same helpers and read the same lists."""
from __future__ import annotations

from eventkit import events

from newsgraph.extract.events.contests import attack_between_rivals, contest_verbs, figurative
from newsgraph.extract.events.lexicon import load_lexicon


def _noun(nlp, text, word):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


def test_a_figurative_modifier_makes_an_attack_words_and_a_fight_nothing(nlp):
    lex = load_lexicon()
    assert figurative(_noun(nlp, "The senator's political attacks on the governor continued.", "attacks"), lex) == "ACCUSE"
    assert figurative(_noun(nlp, "The bill set off a political fight in the state senate.", "fight"), lex) == "drop"
    assert figurative(_noun(nlp, "The two airlines are locked in a price war.", "war"), lex) == "drop"
    assert figurative(_noun(nlp, "The air attack destroyed the depot.", "attack"), lex) is None


def test_a_war_word_used_for_business_or_courts_is_no_assault(nlp):
    for text in ("The two airlines are locked in a fierce price war over transatlantic fares.",
                 "The mining companies began a courtroom battle over the copper concession."):
        assert "ASSAULT" not in [e.type for e in events(nlp, text)], text


def test_contest_verbs_of_rivals_are_winning_struggling_and_ousting():
    lex = load_lexicon()
    verbs = contest_verbs(lex)
    assert {"beat", "sweep", "fight", "battle", "unseat", "wrest"} <= verbs
    assert set(lex.cls("contest_verbs")) <= verbs          # winning verbs are listed once, in contest_verbs


def test_rivals_attack_with_the_verbal_attack_verbs_and_clash():
    lex = load_lexicon()
    assert all(attack_between_rivals(v, lex) for v in ("attack", "slam", "lambast", "clash"))
    assert not attack_between_rivals("bomb", lex)


def test_pressing_or_asking_someone_a_question_is_no_demand(nlp):
    for text in ("Reporters pressed the Kenyan minister on why the loan talks had failed.",
                 "Journalists asked the Peruvian president whether he would resign."):
        assert "REQUEST" not in [e.type for e in events(nlp, text)], text


def test_a_candidates_rally_is_a_campaign_event_and_a_crowds_rally_a_protest(nlp):
    for text in ("Senator Warren held a rally in Des Moines on Monday night.",
                 "Violence broke out at one of Trump's campaign rallies in Chicago."):
        assert "PROTEST" not in [e.type for e in events(nlp, text)], text
    assert "PROTEST" in [e.type for e in events(nlp, "Thousands of teachers held a rally against the pension reform in Lima.")]
