"""Which sense a trigger has, read from the words around it.

Why this module exists: a trigger word carries several senses ("attacked her
record" is criticism, "attacked the base" force; "withdrew from the deal"
undoes an agreement, "withdrew troops" is a retreat). After the lexicon gives
a type, these rules look at the trigger's own dependents to settle the sense;
the words they test are lexicon classes in plover.yaml.
"""
from __future__ import annotations

from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.triggers import Candidate


def refine(cand: Candidate, lex: Lexicon) -> None:
    """Type and mode details read from the words around a trigger: opposing an attack is
    criticising it (ACCUSE); a consultation "over the phone" has mode phone."""
    if cand.type == "REJECT" and cand.kind == "verb" and lex.lemma(cand.head) == "oppose":
        objs = [c for c in cand.head.children if c.dep_ == "dobj"]
        if objs:
            entry = lex.nouns.get(lex.lemma(objs[0]))
            violent = (entry is not None and entry.type in ("ASSAULT", "COERCE")) or \
                lex.lemma(objs[0]) == "use"          # "opposed the use of heavy weapons"
            if violent:
                cand.type, cand.role = "ACCUSE", None
    if cand.type == "ASSAULT" and cand.kind == "verb" and any(
            c.dep_ == "prep" and c.lower_ == "with" and any(lex.lemma(g) in lex.cls("verbal_manner")
                                                         for g in c.children) for c in cand.head.children):
        cand.type, cand.mode = "ACCUSE", None    # "attacked with words / with anger"
    if cand.type == "ASSAULT" and cand.kind == "verb" and lex.lemma(cand.head) in lex.cls("verbal_attack_verbs"):
        for child in cand.head.children:
            if child.dep_ == "prep" and child.lower_ in lex.cls("grievance_preps") and any(
                    g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") and g.pos_ != "NUM"
                    for g in child.children):
                cand.type, cand.mode = "ACCUSE", None   # "attacked Clinton over her record"
    if cand.kind == "verb" and lex.lemma(cand.head) in lex.cls("exit_verbs") and any(
            c.dep_ == "prep" and c.lower_ in lex.cls("exit_preps") and any(
                lex.lemma(g) in lex.cls("deal") for g in c.subtree if g.dep_ == "pobj")
            for c in cand.head.children):
        cand.type, cand.mode = "REJECT", None       # "withdrew from the nuclear deal"
    if cand.type == "CONSULT" and cand.mode is None:
        for child in list(cand.head.children) + list(cand.anchor.children):
            if child.dep_ == "prep" and any(lex.lemma(g) in lex.cls("phone_words")
                                            for g in child.children if g.dep_ == "pobj"):
                cand.mode = "phone"
