"""Attach each quotation to its reporting clause by looking around its marks.

A parse of "“A. B. C,” said X." splits the quotation into sentences and
rarely links "said" to all of it, so quotations are attributed from the
text right around them instead: the stretch before the opening mark back to
the sentence start ("X said: “", "X told reporters that “") and the stretch
after the closing mark up to the sentence end ("”, X said.", "” ― Jane
Doe"). A quotation that sits inside running words ("called the offensive
“unjustifiable”") is *embedded*: it makes the surrounding reported clause
mixed instead of standing alone.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from newsgraph.extract.quotes.clauses import Clause
from newsgraph.extract.quotes.cues import CueLexicon
from newsgraph.extract.quotes.unit_types import SENT_END, Attribution, Unit, is_break
_ENDING = tuple(",.!?;:…—–-")
# How a word between a cue and a quotation may hang off the cue: as an adjunct.
_PERMISSIVE_DEPS = {"advmod", "npadvmod", "prep", "pobj", "det", "amod", "compound", "nummod",
                    "poss", "case", "aux", "neg", "prt", "punct", "dative", "cc", "quantmod",
                    "advcl", "mark"}
_MAX_GAP = 80
_NOMINAL = {"PROPN", "NOUN", "ADJ", "DET", "NUM", "PRON", "CCONJ", "ADP", "PART"}


class UnitResolver:
    """Decides, for every quotation of one Doc, whom it belongs to."""

    def __init__(self, doc: Doc, lexicon: CueLexicon, clauses: dict[int, Clause], tok_unit: list[int], text: str):
        self.doc = doc
        self.text = text                # doc.text, built once (spaCy rebuilds it on each access)
        self.lex = lexicon
        self.clauses = clauses          # cue head token index -> Clause
        self.tok_unit = tok_unit        # token index -> unit id or -1

    # -- the stretches around a quotation ------------------------------------
    def before(self, unit: Unit) -> list[int]:
        """Token indices from the sentence start up to the opening mark."""
        out = []
        j = unit.first_tok - 1
        while j >= 0 and len(out) < _MAX_GAP:
            tok = self.doc[j]
            if self.tok_unit[j] >= 0 or is_break(tok) or tok.text in SENT_END:
                break
            out.append(j)
            j -= 1
        out.reverse()
        return out

    def after(self, unit: Unit) -> list[int]:
        """Token indices from the closing mark up to the sentence end."""
        out = []
        j = unit.last_tok + 1
        n = len(self.doc)
        while j < n and len(out) < _MAX_GAP:
            tok = self.doc[j]
            if self.tok_unit[j] >= 0 or is_break(tok):
                break
            out.append(j)
            if tok.text in SENT_END:
                break
            j += 1
        return out

    def _words(self, idx: list[int]) -> list[int]:
        return [j for j in idx if not (self.doc[j].is_punct or self.doc[j].is_space)]

    # -- verdict ---------------------------------------------------------------
    def resolve(self, unit: Unit) -> None:
        """Set ``unit.status`` and ``unit.attribution`` from the text around it; a term
        in marks ("cited “wise Latina”", "dubbed him “ISIS Truther”": two words at most,
        no verb, no ! or ?) is never a quotation of its own, only part of a report."""
        self._resolve(unit)
        if unit.status == "direct" and unit.label_end < 0 and self._term(unit):
            unit.status = "embedded"

    def _term(self, unit: Unit) -> bool:
        words = [self.doc[j] for j in range(unit.first_tok, unit.last_tok + 1)
                 if not (self.doc[j].is_punct or self.doc[j].is_space)]
        text = self.text[unit.parts[-1].start:unit.parts[-1].end].rstrip()
        return len(unit.parts) == 1 and len(words) <= 2 and not text.endswith(("!", "?")) \
            and not any(t.pos_ in ("VERB", "AUX") for t in words)

    def _resolve(self, unit: Unit) -> None:
        label = self.colon_label(unit.first_tok + (0 if unit.parts[0].recovered else 1))
        if label is not None and not unit.parts[0].recovered:
            unit.status, unit.attribution = "direct", label
            unit.label_end = self.doc[label.cue[0]].idx + 1
            return
        before, after = self.before(unit), self.after(unit)
        b_words, a_words = self._words(before), self._words(after)
        pre = self.pre_attribution(before) if b_words else None
        post = self.post_attribution(after, unit) if a_words and not self._new_sentence_after(unit, a_words) else None
        last = unit.parts[-1]
        closes = self.text[last.start:last.end].rstrip().endswith(_ENDING) or (
            bool(after) and self.doc[after[0]].text in (",", ";", ":", "—", "–", "-", "―"))
        before_clean = not b_words or pre is not None or self.doc[before[-1]].text in (":", ",") or (
            len(b_words) <= 3 and not any(self.doc[j].pos_ in ("VERB", "AUX") for j in b_words))
        after_clean = not a_words or post is not None or closes
        if unit.parts[0].recovered and post is None:
            unit.status = "dropped"
            return
        own = self._subject_into_quote(unit, b_words) if pre is None and b_words else None
        if own is not None and post is not None and post.speaker is None and post.speaker_head is None \
                and (post.clause is None or post.clause.speaker is None):
            # The resolution “reaffirms the need ...,” considering that: the cue after the
            # quotation names nobody, the subject before the marks speaks.
            unit.status, unit.attribution = "direct", own
            return
        if pre is not None and post is not None and after_clean:
            # Both sides name someone: a colon or "…,” according to X" keeps the
            # speaker before the quotation; otherwise "“…,” X said" wins.
            ends_colon = self.doc[before[-1]].text == ":"
            source = post.clause is not None and post.clause.kind == "source"
            unit.status, unit.attribution = "direct", (pre if ends_colon or source else post)
        elif pre is not None and after_clean:
            unit.status, unit.attribution = "direct", pre
        elif post is not None and before_clean:
            unit.status, unit.attribution = "direct", post
        elif pre is not None or post is not None or b_words:
            unit.status = "embedded"
        elif not a_words or closes:
            unit.status = "orphan"
        else:
            unit.status = "embedded"

    def _subject_into_quote(self, unit: Unit, b_words: list[int]) -> Optional[Attribution]:
        """A short subject whose verb opens the quotation ("The resolution “reaffirms ...”")."""
        if len(b_words) > 8 or any(self.doc[j].pos_ in ("VERB", "AUX") for j in b_words):
            return None
        for j in b_words:
            head = self.doc[j].head
            if self.doc[j].dep_ == "nsubj" and unit.first_tok < head.i <= unit.last_tok \
                    and head.pos_ in ("VERB", "AUX") and self.doc[j].pos_ in ("NOUN", "PROPN"):
                return Attribution(None, (head.i, head.i + 1), None, j)
        return None

    # -- after the closing mark: "”, X said." ----------------------------------
    def post_attribution(self, after: list[int], unit: Unit) -> Optional[Attribution]:
        """A reporting clause (or dash + name) right after a quotation, or None."""
        words = self._words(after)
        first = words[0]
        credit = self._dash_credit(unit, after)
        if credit is not None:
            return credit
        for j in words:
            clause = self.clauses.get(j)
            if clause is None or clause.kind not in ("verb", "source"):
                continue
            if clause.kind == "source":
                return self._from_clause(clause) if j == first else None
            if clause.side == "right" and clause.clausal and not self._comma_closed(unit):
                continue   # "adding that ..." reports something else
            if self._only_subject_before(clause, after[0], j) or self._named_first(clause, unit, words):
                attribution = self._from_clause(clause)
                if clause.speaker is None or not after[0] <= clause.speaker <= after[-1]:
                    # The parser took the quotation (or nothing) for the subject:
                    # "“…,” read a sign", "“…,” Tulsa police Chief Chuck Jordan said".
                    attribution.clause = None
                    attribution.speaker_head = self._name_head(words) or self._nearest_noun(after, j)
                return attribution
        return None

    def _new_sentence_after(self, unit: Unit, a_words: list[int]) -> bool:
        """“… safeguards.” He demands …: a quotation closed by a full stop ends its sentence,
        so a capitalised word after it that is no name starts the next sentence, whose
        verb attributes nothing to the quotation ("“…,” he said" and "“…?” she asked" do)."""
        last = unit.parts[-1]
        if not self.text[last.start:last.end].rstrip().endswith("."):
            return False
        first = self.doc[a_words[0]]
        return first.is_title and first.pos_ != "PROPN" and first.lemma_.lower() not in self.lex.verbs

    def _nearest_noun(self, after: list[int], cue: int) -> Optional[int]:
        """The head of the noun phrase next to a post-posed cue: before it, else after it."""
        nominal = ("NOUN", "PROPN", "PRON")   # never a possessive ("Just Announced Its ...")
        after = [k for k in after if self.doc[k].tag_ != "PRP$" and self.doc[k].dep_ != "poss"]
        before = [k for k in after if k < cue and self.doc[k].pos_ in nominal]
        if before:
            return before[-1]
        return next((k for k in after if k > cue and self.doc[k].pos_ in nominal), None)

    def _named_first(self, clause: Clause, unit: Unit, words: list[int]) -> bool:
        """“…,” Mr. Daniloff, now 81 and retired in Cambridge, said: the subject opens the
        words after a comma-closed quotation, however long its apposition."""
        if not self._comma_closed(unit):
            return False
        if self._name_head(words) is not None and words[0] < clause.head:
            return True   # a name first; the parser may have lost it in the apposition
        if clause.speaker is None:
            return False
        subject = self.doc[clause.speaker]
        return subject.left_edge.i <= words[0] <= subject.i < clause.head

    def _name_head(self, words: list[int]) -> Optional[int]:
        """The last word of a proper name opening ``words`` ("Mr. Daniloff", "Nate Silver")."""
        doc, k = self.doc, 0
        while k < len(words) and words[k] == words[0] + k and doc[words[k]].pos_ == "PROPN":
            k += 1
        return words[k - 1] if k else None

    def _comma_closed(self, unit: Unit) -> bool:
        """True when the quotation ends with a comma (“…,” he said), the mark of a post-posed cue."""
        last = unit.parts[-1]
        return self.text[last.start:last.end].rstrip().endswith(",")

    def _only_subject_before(self, clause: Clause, start: int, head: int) -> bool:
        """True when nothing but the speaker (and adverbs) stands between a quotation
        and its post-posed cue ("”, French Foreign Minister Catherine Colonna told")."""
        doc = self.doc
        subject = doc[clause.speaker] if clause.speaker is not None else None
        for j in range(start, head):
            tok = doc[j]
            if tok.is_punct or tok.is_space:
                continue
            if subject is not None and subject.left_edge.i <= j <= subject.right_edge.i:
                continue
            if tok.head.i == head and tok.dep_ in ("advmod", "aux", "neg", "npadvmod"):
                continue
            if tok.pos_ in _NOMINAL or tok.is_title or tok.is_upper:
                continue   # a name the parser misread ("Tulsa police Chief ...")
            return False
        return True

    def _dash_credit(self, unit: Unit, after: list[int]) -> Optional[Attribution]:
        """“...” ― Jane Doe: a dash right after the closing mark, then a name."""
        last = unit.parts[-1]
        if last.close < 0:
            return None
        text = self.text
        j = last.close + 1
        while j < len(text) and text[j] in " \u00a0\t":
            j += 1
        dash = next((d for d in sorted(self.lex.dashes, key=len, reverse=True) if text.startswith(d, j)), None)
        if dash is None:
            return None
        first = next((k for k in after if self.doc[k].idx >= j + len(dash)), None)
        if first is None:
            return None
        name = self._name_run(first, after[-1] + 1)
        if name is None:
            return None
        return Attribution(name, None, None, name[1] - 1, cue_chars=(j, j + len(dash)))

    def _name_run(self, start: int, end: int) -> Optional[tuple[int, int]]:
        """Capitalised words from ``start`` (a name after a dash), as a token range."""
        doc = self.doc
        j = start
        while j < end and (doc[j].is_space or doc[j].text in self.lex.dashes):
            j += 1
        k = j
        while k < end and k - j < 6:
            tok = doc[k]
            initial = len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."
            if (tok.is_alpha and (tok.is_title or tok.is_upper)) or initial:
                k += 1
            else:
                break
        return (j, k) if k > j else None

    # -- before the opening mark: "X said: “" ----------------------------------
    def pre_attribution(self, before: list[int]) -> Optional[Attribution]:
        """A reporting clause whose cue leads straight into the quotation, or None."""
        doc = self.doc
        end = before[-1] + 1
        for j in reversed(before):
            clause = self.clauses.get(j)
            if clause is None or clause.kind not in ("verb", "source"):
                continue
            if clause.kind == "source" and doc[before[-1]].text not in (",", ":"):
                break   # "according to the police and “nearly 5,000”": no lead-in
            if all(self._leads_in(doc[k], clause) for k in range(clause.cue[1], end)):
                return self._from_clause(self._outer(clause))
            if doc[before[-1]].text == ":" and clause.kind == "verb" and clause.speaker is not None:
                return self._from_clause(clause)   # "X explained it this way: “...”"
            break   # a nearer verb that does not lead in hides farther ones
        if doc[before[-1]].text == ":":
            return self.colon_intro(before)
        return None

    def colon_intro(self, before: list[int]) -> Optional[Attribution]:
        """Who a colon hands the quotation to: "Pence: “", "HEADLINE - Philip Bump: “",
        "From the report: “", "Kasich resisted: “"."""
        doc, colon = self.doc, before[-1]
        dashes = [k for k in before[:-1] if doc[k].text in self.lex.dashes]
        start = dashes[-1] + 1 if dashes else before[0]
        words = [k for k in range(start, colon) if not doc[k].is_space]
        if words and doc[words[0]].lower_ == "more":
            words = words[1:]
        if len(words) >= 2 and doc[words[0]].lower_ == "from":
            obj = next((k for k in words[1:] if doc[k].dep_ == "pobj"), words[-1])
            return Attribution(None, (words[0], words[0] + 1), None, obj)   # "From the report:"
        verb = doc[colon - 1]
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.pos_ == "VERB" and subj is not None and subj.i >= start and (
                subj.pos_ == "PROPN" or subj.lower_ in ("he", "she", "they")):
            return Attribution(None, (verb.i, verb.i + 1), None, subj.i)   # "Kasich resisted:"
        return self.colon_label(start, stop=colon) if words else None

    def _leads_in(self, tok: Token, clause: Clause) -> bool:
        """True when a word between a cue and a quotation belongs to the cue, not the quote.

        The word's chain of heads must reach the cue without passing through
        the quotation, and enter the cue as an adjunct ("said on Tuesday",
        "said, referring to X,") or as the audience of tell-type verbs
        ("told reporters"), never as its object ("called the offensive “…”").
        """
        if tok.is_punct or tok.is_space or tok.dep_ == "cc" or (tok.lower_ == "that" and tok.dep_ == "mark"):
            return True
        if clause.speaker is not None:
            subject = self.doc[clause.speaker]
            if subject.left_edge.i <= tok.i <= subject.right_edge.i:
                return True   # inverted: "Said Ellis: “...”"
        cue = self.doc[clause.head]
        h = tok
        for _ in range(12):
            if self.tok_unit[h.i] >= 0 or h.i == cue.i:
                return False
            if h.head.i == cue.i:
                if h.dep_ in ("dobj", "dative", "attr", "oprd"):
                    return cue.lemma_.lower() in self.lex.tell_verbs
                return h.dep_ in _PERMISSIVE_DEPS
            if h.head.i == h.i:
                return False
            h = h.head
        return False

    def _outer(self, clause: Clause) -> Clause:
        """The speech clause around a belief verb: in "X said many have come to
        believe “...”", the quotation is X's report, so X is the speaker. Likewise a cue
        describing a noun ("urging those calling for Sanders to “...”", "tweeted at a
        candidate who promised deportation: “...”") hands the quotation to the speech
        act around it."""
        if self.doc[clause.head].dep_ == "acl":
            for anc in list(self.doc[clause.head].ancestors)[:8]:
                outer = self.clauses.get(anc.i)
                if outer is not None and outer.kind == "verb" and outer.speaker is not None \
                        and self.doc[outer.head].dep_ not in ("acl", "relcl"):
                    return outer
            return clause
        if clause.needs != "clause":
            return clause
        for anc in list(self.doc[clause.head].ancestors)[:6]:
            outer = self.clauses.get(anc.i)
            if outer is not None and outer.kind == "verb" and outer.needs == "any" \
                    and outer.content is not None and outer.content[0] <= clause.head < outer.content[1]:
                return outer
        return clause

    def colon_label(self, start: int, stop: Optional[int] = None) -> Optional[Attribution]:
        """"Name: ..." at ``start``: a short name then a colon, as in headlines and
        transcripts ("Pence: ...", "“WALLACE: ...").

        Args:
            start: first token of the line or quotation.
            stop: the colon token when already known.
        Returns:
            The speaker (the name) and cue (the colon), or None.
        """
        doc = self.doc
        n = len(doc)
        while start < n and (doc[start].is_space or doc[start].is_punct) and doc[start].text != ":":
            start += 1
        colon = stop
        if colon is None:
            colon = next((k for k in range(start, min(n, start + 8)) if doc[k].text == ":" or is_break(doc[k])), None)
            if colon is None or doc[colon].text != ":":
                return None
        if colon - start < 1 or colon - start > 6:
            return None
        span = doc[start:colon]
        if span.text.lower().replace("’", "'").strip(" .") in self.lex.not_speakers:
            return None
        if any(t.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "NUM") and not t.is_upper for t in span):
            return None
        if not any(t.pos_ == "PROPN" or (t.is_upper and len(t) > 1) for t in span):
            return None
        if any(e.label_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT") for e in span.ents):
            return None
        head = span.root.i
        return Attribution((start, colon), (colon, colon + 1), None, head)

    def _from_clause(self, clause: Clause) -> Attribution:
        return Attribution(None, clause.cue, clause, clause.speaker)
