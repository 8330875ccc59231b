"""Senses of trigger words in political news that PLOVER does not code (events/guards.py).

The sentences are written for newsgraph in the styles of campaign coverage, wire
copy and opinion; each test pairs the other sense with the event sense it must
not swallow. The full default pipeline runs, as in production.
"""
from __future__ import annotations

from eventkit import events


def kinds(nlp, text):
    return [e.type for e in events(nlp, text)]


def test_rivals_attacking_each_other_is_criticism_but_armed_attacks_stay(nlp):
    for text in ("Senator Alvarez attacked party donors and lawmakers for blocking the farm bill.",
                 "The new super PAC will spend its money attacking Governor Whitfield.",
                 "Mr. Okafor's attack on the mayor dominated the evening news."):
        assert "ASSAULT" not in kinds(nlp, text), text
        assert "ACCUSE" in kinds(nlp, text), text
    assert kinds(nlp, "Gunmen attacked Senator Alvarez's car outside Kandahar, killing two guards.")[0] == "ASSAULT"


def test_election_contests_and_fighting_for_a_bill_are_no_attacks(nlp):
    for text in ("Ms. Lindqvist beat Mr. Harrow in the primary runoff by nine points.",
                 "The governor said she had fought for the bill in every session.",
                 "Polls suggest the senator has the best chance of defeating the incumbent in November."):
        assert "ASSAULT" not in kinds(nlp, text), text


def test_asking_a_question_is_no_request_but_asking_someone_to_act_is(nlp):
    for text in ("A reporter asked the minister whether the border would reopen.",
                 "The moderator asked Mr. Duarte a pointed question about his tax returns.",
                 "\"Who will pay for it?\" asked Senator Brandt."):
        assert "REQUEST" not in kinds(nlp, text), text
    assert "REQUEST" in kinds(nlp, "The Kenyan government asked Uganda to hand over the suspects.")


def test_declining_to_comment_rejects_nothing(nlp):
    for text in ("The ministry declined to comment on the report.",
                 "The senator refused multiple requests for an interview."):
        assert "REJECT" not in kinds(nlp, text), text
    assert "REJECT" in kinds(nlp, "Hungary refused to sign the migration pact.")


def test_unaddressed_obligations_are_no_requests(nlp):
    for text in ("\"A president should never be part of the problem,\" the senator said.",
                 "The mayor said he should have insisted on a recount.",
                 "Those who want to vote must register by Friday, the clerk said.",
                 "The deal will be worse for voters, should the senator win the nomination, the analyst said."):
        assert "REQUEST" not in kinds(nlp, text), text
    assert "REQUEST" in kinds(nlp, "The Irish foreign minister said Israel must allow aid into Gaza.")


def test_a_candidates_rally_or_debate_is_no_protest_but_a_crowd_against_something_is(nlp):
    for text in ("Ms. Park held a rally in Des Moines on Tuesday night.",
                 "Five candidates will participate in the televised debate on Thursday.",
                 "The study demonstrated that turnout rises with early voting."):
        assert "PROTEST" not in kinds(nlp, text), text
    assert "PROTEST" in kinds(nlp, "About 300 people participated in a protest against the new mine in Lyon.")


def test_poll_findings_are_no_support(nlp):
    for text in ("A new survey found that 41 percent of likely voters supported Ms. Ortega.",
                 "The mayor received support from six in 10 Democrats in the poll.",
                 "Ms. Ortega has strong support among older voters in Nevada."):
        assert "SUPPORT" not in kinds(nlp, text), text
    assert "SUPPORT" in kinds(nlp, "The teachers' union endorsed Ms. Ortega on Monday.")


def test_defending_oneself_is_no_support_but_defending_an_ally_is(nlp):
    for text in ("The senator defended himself against the charges on Sunday.",
                 "The candidate defended his record on trade."):
        assert "SUPPORT" not in kinds(nlp, text), text
    assert "SUPPORT" in kinds(nlp, "China defended Russia at the Security Council.")


def test_support_under_without_or_refusal_did_not_happen(nlp):
    for text in ("It is a way to take part without supporting Trump, a donor said.",
                 "Conservative donors reluctant to support Trump can still give to the group."):
        assert "SUPPORT" not in kinds(nlp, text), text


def test_war_words_used_figuratively_or_on_a_bill_are_no_attacks(nlp):
    for text in ("The governor launched a charm offensive to win over investors in Boston.",
                 "Seven senators held the floor for 20 hours to kill the voting bill.",
                 "Seven Democrats filibustered for two days to fight against religious liberty."):
        assert "ASSAULT" not in kinds(nlp, text), text


def test_a_law_that_allows_something_concedes_nothing(nlp):
    assert "CONCEDE" not in kinds(nlp, "Opponents are campaigning against a bill that allows the state to close clinics.")
    assert "CONCEDE" in kinds(nlp, "Belarus allowed the EU monitors to enter the border zone.")


def test_agreeing_with_a_view_is_no_agreement_but_agreeing_to_act_is(nlp):
    for text in ("The analyst agreed that the merger would lift the shares.",
                 "Investors seem to agree: the stock rose 9 percent on Monday.",
                 "Whatever I say, the senator agrees with me."):
        assert "AGREE" not in kinds(nlp, text), text
    assert "AGREE" in kinds(nlp, "Kenya and Somalia agreed to reopen the border crossing at Mandera.")
    assert "AGREE" in kinds(nlp, "Senior Polish and Lithuanian officials agreed on Monday that their countries should share radar data.")


def test_promising_that_something_is_so_is_no_agreement(nlp):
    assert "AGREE" not in kinds(nlp, "At the dinner, Senator Vance pledged that the governor really is in favor of free trade.")
    assert "AGREE" in kinds(nlp, "Japan pledged to provide 50 million dollars in aid to Sri Lanka.")


def test_being_met_with_or_speaking_to_reporters_is_no_consultation(nlp):
    for text in ("The plan was met with fierce opposition from farmers' groups.",
                 "After the vote, Mr. Ruiz spoke to reporters outside the Capitol."):
        assert "CONSULT" not in kinds(nlp, text), text
    assert "CONSULT" in kinds(nlp, "The Iranian foreign minister spoke to his Saudi counterpart on Tuesday.")


def test_releasing_a_statement_frees_nobody(nlp):
    assert "RETREAT" not in kinds(nlp, "The Turkish foreign ministry released a statement on the incident.")
    assert "RETREAT" in kinds(nlp, "Iran released two French nationals on Friday.")


def test_an_attack_made_by_reminding_voters_is_criticism(nlp):
    assert kinds(nlp, "Senator Okafor attacked Governor Lin by reminding voters that the merger cut 3,000 jobs.") == ["ACCUSE"]


def test_being_willing_to_do_nothing_codable_is_no_agreement(nlp):
    for text in ("The question is how far the governor is willing to go for his donors.",
                 "The senator remains committed to seeing the primary through to the convention."):
        assert "AGREE" not in kinds(nlp, text), text
    assert "AGREE" in kinds(nlp, "Turkey is willing to cooperate with Greece on migration.")
