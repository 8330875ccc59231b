"""Triggers found in forms the verb lexicon alone misses (issue 11, trigger recall).

Each test pins one general rule with short sentences written for newsgraph
(not taken from any gold file); the full default pipeline runs, as in production.
"""
from __future__ import annotations

from eventkit import events, countries


def of_type(nlp, text, kind):
    return [e for e in events(nlp, text) if e.type == kind]


def test_a_claimed_attack_belongs_to_the_claimer(nlp):
    found = of_type(nlp, "Al-Shabaab claimed responsibility for the attack on a hotel in Mogadishu.", "ASSAULT")
    assert found and countries(found[0].source) == {"SOM"}


def test_accepting_responsibility_for_a_non_event_codes_no_attack(nlp):
    assert not of_type(nlp, "Officials accepted responsibility for the delays.", "ASSAULT")


def test_an_event_noun_that_sparks_a_reaction_happened(nlp):
    assert of_type(nlp, "The arrest of the mayor angered his supporters.", "COERCE")
    assert of_type(nlp, "The killing of a student by police triggered riots in Nairobi.", "ASSAULT")


def test_a_reaction_named_by_a_causal_verb_is_an_event_without_the_causer_as_actor(nlp):
    found = of_type(nlp, "Rebels shelled the town, prompting protests by Congolese students.", "PROTEST")
    assert found and not any(a.text == "Rebels" for a in found[0].source)
    recalled = of_type(nlp, "The attack prompted France to recall its ambassador.", "SANCTION")
    assert recalled and countries(recalled[0].source) == {"FRA"}
    attacks = of_type(nlp, "The attack prompted France to recall its ambassador.", "ASSAULT")
    assert not any("FRA" in countries(e.target) for e in attacks)     # who reacts is not the target


def test_a_reaction_with_nobody_named_is_no_event(nlp):
    assert not of_type(nlp, "Rebels shelled the town, prompting protests in the capital.", "PROTEST")


def test_a_participle_reaction_blames_the_main_clause_subject(nlp):
    found = of_type(nlp, "Chile scrapped its lithium royalty law, drawing condemnation from mining firms.", "ACCUSE")
    assert found and countries(found[0].target) == {"CHL"}


def test_a_blaming_adjective_on_a_named_actor_is_criticism_by_the_speaker(nlp):
    found = of_type(nlp, "China's military drills near Taiwan are provocative, the State Department said.", "ACCUSE")
    assert found and countries(found[0].source) == {"USA"} and countries(found[0].target) == {"CHN"}
    assert not of_type(nlp, "The situation in the north is dangerous, officials said.", "ACCUSE")
    assert not of_type(nlp, "The ruling was not illegal, the court said.", "ACCUSE")


def test_a_headline_infinitive_is_a_future_event_with_its_subject(nlp):
    found = of_type(nlp, "Macron to visit Algeria next month", "CONSULT")
    assert found and found[0].status == "future"
    assert countries(found[0].source) == {"FRA"} and countries(found[0].target) == {"DZA"}
    deployed = of_type(nlp, "Kenya to deploy 1,000 police officers to Haiti", "MOBILIZE")
    assert deployed and deployed[0].status == "future" and countries(deployed[0].source) == {"KEN"}


def test_blacklisting_is_a_sanction_and_stripping_rights_coercion(nlp):
    assert of_type(nlp, "The Treasury blacklisted two Iranian shipping firms.", "SANCTION")
    assert of_type(nlp, "The court stripped the senator of his immunity.", "COERCE")
    assert not events(nlp, "The thieves stripped the car.")


def test_an_imposed_compound_measure_keeps_the_compound_type(nlp):
    kinds = [e.type for e in events(nlp, "Washington imposed new export controls on chips bound for China.")]
    assert "SANCTION" in kinds and "COERCE" not in kinds
    assert [e.type for e in events(nlp, "The army imposed a curfew on the city.")] == ["COERCE"]


def test_a_state_cutting_trade_flows_is_a_sanction(nlp):
    found = of_type(nlp, "Russia halted gas exports to Poland.", "SANCTION")
    assert found and countries(found[0].target) == {"POL"}
    assert not events(nlp, "Exports fell sharply in May.")


def test_crowd_control_weapons_and_dispersing_a_march_are_coercion(nlp):
    assert of_type(nlp, "Police used tear gas against the crowd.", "COERCE")
    assert not events(nlp, "The army used drones to survey the border.")


def test_a_crowd_setting_fires_riots_but_gunmen_attack(nlp):
    assert [e.type for e in events(nlp, "Rioters torched cars in the suburbs of Lyon.")] == ["PROTEST"]
    assert [e.type for e in events(nlp, "Gunmen set fire to a church in Kaduna.")] == ["ASSAULT"]


def _parsed(nlp, words, heads, deps, pos, lemmas):
    """A Doc with a given parse: the rule below repairs a parse the model makes only in
    some contexts, so the test fixes the parse instead of hoping for it."""
    from spacy.tokens import Doc
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
               sent_starts=[True] + [False] * (len(words) - 1))


def _finder(doc):
    from newsgraph.extract.events.args import ArgBuilder
    from newsgraph.extract.events.countries import CountryResolver
    from newsgraph.extract.events.lexicon import load_lexicon
    from newsgraph.extract.events.triggers import TriggerFinder
    lex = load_lexicon(())
    return TriggerFinder(lex, ArgBuilder(doc, lex, CountryResolver(lex)))


def test_a_counted_crowd_misparsed_under_a_preposition_is_the_protest_s_subject(nlp):
    doc = _parsed(nlp, ["In", "Nantes", ",", "two", "thousand", "people", "gathered", "."],
                  [6, 0, 6, 4, 5, 0, 6, 6], ["prep", "pobj", "punct", "compound", "nummod", "pobj", "ROOT", "punct"],
                  ["ADP", "PROPN", "PUNCT", "NUM", "NUM", "NOUN", "VERB", "PUNCT"],
                  ["in", "Nantes", ",", "two", "thousand", "people", "gather", "."])
    cand = _finder(doc).verb(doc[6])
    assert cand is not None and cand.type == "PROTEST" and [t.text for t in cand.sources] == ["people"]


def test_a_verb_with_its_own_subject_has_no_stray_subject(nlp):
    doc = _parsed(nlp, ["In", "Nantes", ",", "people", "gathered", "."], [4, 0, 4, 4, 4, 4],
                  ["prep", "pobj", "punct", "nsubj", "ROOT", "punct"], ["ADP", "PROPN", "PUNCT", "NOUN", "VERB", "PUNCT"],
                  ["in", "Nantes", ",", "people", "gather", "."])
    assert _finder(doc).stray_subject(doc[4]) == []


def test_a_police_raid_is_law_enforcement_and_an_army_raid_an_attack(nlp):
    assert of_type(nlp, "Kosovo police raided Serb-run municipal offices in the north.", "COERCE")
    assert of_type(nlp, "Israeli troops raided the Jenin refugee camp.", "ASSAULT")


def test_brokering_a_truce_is_mediation_and_leaving_an_alliance_a_sanction(nlp):
    found = of_type(nlp, "Egypt and Qatar brokered a truce between Israel and Hamas.", "CONSULT")
    assert found and countries(found[0].source) == {"EGY", "QAT"}
    assert of_type(nlp, "Armenia suspended its participation in the CSTO military alliance.", "SANCTION")


def test_a_headline_verb_tagged_as_a_noun_or_adjective_is_still_the_verb(nlp):
    found = of_type(nlp, "Sudan's army chief rejects ceasefire talks", "REJECT")
    assert found and countries(found[0].source) == {"SDN"}
    expelled = of_type(nlp, "Mali, Niger expel diplomats as row over border deepens", "SANCTION")
    assert expelled and {"MLI", "NER"} <= countries(expelled[0].source)


def test_headlines_without_an_event_verb_stay_empty(nlp):
    for text in ("Markets rally as inflation cools", "Oil prices rise on supply fears", "Apple unveils new iPhone"):
        assert not events(nlp, text), text


def test_beating_a_team_in_a_match_is_no_attack(nlp):
    assert not events(nlp, "Spain beat England 2-1 in the Euro 2024 final.")
    assert of_type(nlp, "Police beat protesters with batons in Harare.", "ASSAULT")


def test_a_state_hitting_a_target_with_weapons_is_an_attack(nlp):
    found = of_type(nlp, "Ukraine hits Russian oil refinery with drones", "ASSAULT")
    assert found and countries(found[0].source) == {"UKR"}
    assert not events(nlp, "The storm hit the coast with heavy rain.")


def test_tearing_up_or_exiting_an_agreement_rejects_it(nlp):
    for text in ("Trump tore up the Iran nuclear deal in 2018.", "Niger's junta scrapped a military pact with France.",
                 "The US exits the Paris climate agreement"):
        kinds = [e.type for e in events(nlp, text)]
        assert "REJECT" in kinds and "AGREE" not in kinds, text


def test_a_market_rally_is_no_protest(nlp):
    assert not of_type(nlp, "Stocks staged a strong rally on Friday.", "PROTEST")


def test_revoking_licences_and_house_arrest_are_coercion(nlp):
    assert of_type(nlp, "The ministry revoked the licences of three independent broadcasters.", "COERCE")
    assert of_type(nlp, "The regime placed the former president under house arrest.", "COERCE")
    assert of_type(nlp, "Ankara closed its airspace to Israeli flights.", "COERCE")


def test_deaths_from_natural_causes_are_no_attack(nlp):
    for text in ("Heavy rains killed 12 people in Kerala.", "Twenty people were killed by floods in Bahia.",
                 "The earthquake killed more than 2,000 people in Herat."):
        assert not of_type(nlp, text, "ASSAULT"), text
    assert of_type(nlp, "Israeli fire killed five Palestinians near the fence.", "ASSAULT")


def test_a_work_that_attacks_something_criticises_it(nlp):
    assert not of_type(nlp, "The film attacks the myth of the self-made man.", "ASSAULT")


def test_arming_a_group_is_military_aid_and_flouting_sanctions_imposes_none(nlp):
    found = of_type(nlp, "Iran armed the Houthis.", "AID")
    assert found and countries(found[0].source) == {"IRN"}
    assert not events(nlp, "The ministry funded the new bridge.")
    assert not of_type(nlp, "Pyongyang continues to flout UN sanctions with every missile launch.", "SANCTION")


def test_condemnation_of_an_act_blames_whoever_did_it(nlp):
    text = "The killing of a Palestinian teenager by Israeli troops drew condemnation from the UN."
    found = of_type(nlp, text, "ACCUSE")
    assert found and countries(found[0].target) == {"ISR"}


def test_the_expulsion_of_diplomats_is_a_sanction(nlp):
    assert of_type(nlp, "The expulsion of the diplomats was announced by the foreign ministry in Warsaw.", "SANCTION")


def test_a_rule_for_the_public_told_by_an_authority_is_a_restriction(nlp):
    text = "Under the new rules, travellers arriving from Asia must quarantine for a week, the health minister said."
    assert [e.type for e in events(nlp, text)] == ["COERCE"]
    assert not events(nlp, "Residents should stay indoors, police said.")
    assert not events(nlp, "Investors must be patient, the analyst said.")
    text = '"The shelling must stop and discussions on the border must be resumed," the prime minister wrote.'
    assert not of_type(nlp, text, "COERCE")          # a demand about acts, not a rule for the public


def test_seizing_control_is_force_and_establishing_ties_is_support(nlp):
    assert of_type(nlp, "M23 rebels seized control of Goma on Monday.", "ASSAULT")
    found = of_type(nlp, "Israel and Bahrain established diplomatic ties in 2020.", "SUPPORT")
    assert found and countries(found[0].source) == {"ISR", "BHR"}
    assert not events(nlp, "The board restored the old logo.")


def test_less_lethal_rounds_are_crowd_control_and_live_rounds_force(nlp):
    assert of_type(nlp, "Police fired rubber bullets to disperse the crowd.", "COERCE")
    assert of_type(nlp, "Soldiers fired live bullets at the crowd.", "ASSAULT")


def test_stripping_critics_of_citizenship_is_coercion(nlp):
    assert of_type(nlp, "The regime stripped dozens of dissidents of their nationality.", "COERCE")


def test_vowing_revenge_threatens_and_pushing_back_troops_is_combat(nlp):
    found = of_type(nlp, "Iran vowed revenge for the killing of its general.", "THREATEN")
    assert found and countries(found[0].source) == {"IRN"}
    assert of_type(nlp, "The army repelled rebel fighters near the border.", "ASSAULT")
    assert not events(nlp, "The minister pushed back against criticism.")


def test_a_verbless_headline_gives_its_event_noun_the_named_root(nlp):
    found = of_type(nlp, "Xi in Moscow for talks with Putin", "CONSULT")
    assert found and [a.text for a in found[0].source] == ["Xi"] and countries(found[0].target) == {"RUS"}


def test_praise_verbs_beyond_praise_are_support(nlp):
    found = of_type(nlp, "The US lauded Qatar's mediation efforts.", "SUPPORT")
    assert found and countries(found[0].source) == {"USA"} and countries(found[0].target) == {"QAT"}
