"""Where places and organisations are: part_of between places, located_in for organisations.

Mechanisms (every one needs the text to say it; the gazetteer only vetoes or confirms):

* admin nesting: "Bama District, Borno State", "Konduga district in Borno", "Devault, Chester
  County, Pennsylvania" (an address chain: the first place is in every later one);
  "A, B" with no admin word counts only when the gazetteer puts the resolved A inside the
  resolved B, or B is a resolved province/country and A is a smaller or unknown place. A pair
  the gazetteer puts apart ("Kabul, Helmand" — a list) is never nested;
* capitals: "Qatar's capital, Doha", "Doha, the capital of Qatar";
* classifying copulas and appositions: "Tal Afar is a city in Nineveh Province", "Goma, a city
  in North Kivu" (part_of); "Roketsan is a manufacturer based in Ankara", "the Mercy Corps, an
  aid group headquartered in Portland" (located_in for an organisation);
* an organisation's own "in" phrase: "Johns Hopkins University in Baltimore, Maryland" (located_in);
* a nationality word or country on a place noun: "the Syrian city of Idlib" → part_of(Idlib, Syria)
  when the document names Syria (a country it does not name is never invented), "the U.S. state
  of Michigan".

Not here on purpose: a person "born in" / "died in" a place is no located_in (MODEL.md:
located_in says where an actor lives, is based or has moved to — birth and death places
are biography, not presence); see the negative tests in ``tests/extract/test_relations_places.py``.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from claimgraph.extract.context import DocContext
from claimgraph.extract.relations_base import RelationsBase
from claimgraph.extract.syntax import char_span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimgraph.geo.gazetteer import GazEntry
    from claimgraph.model import Place

_RANK = {"country": 5, "province": 4, "admin1": 4, "state": 4, "district": 3, "admin2": 3, "city": 2,
         "town": 2, "village": 1, "neighbourhood": 1, "area": 1}
# verbs (as participles after an organisation's class noun) that say where it is based
_BASED = frozenset({"base", "headquarter", "headquartered", "locate", "situate"})
_COPULAS = frozenset({"be", "remain"})


def _fold(name: str) -> str:
    """A name without accents or case ("Mediaș" and "Medias" alike)."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


class PlaceRelations(RelationsBase):
    """part_of between places and located_in for organisations (see the module docstring)."""

    def __init__(self, ctx: DocContext):
        super().__init__(ctx)
        # address chains found by admin_nesting: inner mention start -> (outer entity, outer mention start)
        self.chains: dict[int, tuple[str, int]] = {}
        self.place_mentions = [(m.start, m.end, m.entity_id) for m in sorted(ctx.mentions, key=lambda m: m.start)
                               if m.entity_id and self.actors.type_of(m.entity_id) == "Location"]

    # -- gazetteer -----------------------------------------------------------------------

    def _place(self, ent: str) -> Place | None:
        e = self.ctx.entity(ent)
        return e.place if e is not None and e.place is not None and e.place.resolved else None

    def _level(self, ent: str) -> str | None:
        e = self.ctx.entity(ent)
        if e is None:
            return None
        return (e.place.feature if e.place and e.place.resolved else None) or e.kind

    def _inside(self, inner: str, outer: str) -> bool | None:
        """True/False when the gazetteer knows whether ``inner`` lies in ``outer``; None when it cannot tell."""
        e = self.ctx.entity(inner)
        pi, po = self._place(inner), self._place(outer)
        if pi is not None and e is not None and e.place is not None and e.place.parent == outer:
            return True
        if pi is None or po is None or not po.feature:
            return None
        ri, ro = _RANK.get(pi.feature or ""), _RANK.get(po.feature)
        if ri is not None and ro is not None and ri >= ro:
            return False
        if pi.country and po.country and pi.country != po.country:
            return False
        if po.feature == "country":
            return pi.country == po.country if pi.country else None
        if po.feature in ("province", "admin1", "state"):
            return pi.admin1 == po.admin1 if pi.admin1 and po.admin1 else None
        if po.feature in ("district", "admin2"):
            return pi.admin2 == po.admin2 if pi.admin2 and po.admin2 else None
        return None

    def _named_elsewhere(self, name: str, outer: Place) -> bool:
        """The gazetteer has places called ``name``, none of them in ``outer`` (by country, and by
        province when ``outer`` is one; an entry with no province is given the benefit of the doubt)."""
        gaz = self.ctx.gazetteer
        if gaz is None or not outer.country:
            return False
        found = [c for c in gaz.candidates(name, fuzzy=False) if _fold(c.entry.name) == _fold(name)]
        by_province = outer.feature in ("province", "admin1", "state") and bool(outer.admin1)

        def elsewhere(entry: GazEntry) -> bool:
            if entry.country != outer.country:
                return True
            return by_province and bool(entry.admin1) and entry.admin1 != outer.admin1

        return bool(found) and all(elsewhere(c.entry) for c in found)

    def _place_in(self, inner: str, outer: str) -> bool:
        """The text says ``inner`` is in ``outer``: true unless the gazetteer or their kinds say otherwise."""
        return inner != outer and self._inside(inner, outer) is not False and self._containable(inner, outer)

    def _containable(self, inner: str, outer: str) -> bool:
        """Could ``inner`` lie in ``outer`` by their kinds (a country lies in no place)."""
        ki, ko = self._level(inner), self._level(outer)
        if ki in _RANK and ko in _RANK:
            return _RANK[ki] < _RANK[ko] or (_RANK[ki] <= 2 and _RANK[ko] <= 2 and ki != ko)
        return ki != "country"

    # -- admin nesting -------------------------------------------------------------------

    def admin_nesting(self) -> None:
        """"Bama District, Borno State" / "Konduga district in Borno" / "A, B, C" address chains → part_of."""
        doc = self.ctx.sdoc
        text = self.ctx.document.text  # Doc.text is rebuilt on every access
        locs = self.place_mentions
        nested: list[tuple[int, int, str, int, int, str, bool]] = []  # inner span, outer span, comma link
        for (s1, e1, a), (s2, e2, b) in zip(locs, locs[1:]):
            link = self._nesting_link(text, (s1, e1, a), (s2, e2, b))
            if link is None:
                continue
            nested.append((s1, e1, a, s2, e2, b, link == [","]))
            ev_tok = doc.char_span(s1, e2, alignment_mode="expand")
            self.emit("part_of", a, b, (s1, e2), ev_tok.root if ev_tok is not None else None,
                      outlet_voice=True, modality="asserted", confidence=0.75)
        # an address chain "A, B, C": A lies in C as well
        self.chains = {s1: (b, s2) for s1, _, _, s2, _, b, comma in nested if comma}
        for s1, _, a, s2, _, b, _ in nested:
            self._along_chain("part_of", a, s1, s2)

    def _along_chain(self, predicate: str, subject: str, ev_start: int, outer: int | str) -> None:
        """Emit ``predicate`` from ``subject`` to every place after ``outer`` in its address chain
        (``outer``: the character offset of that place's mention, or its entity id — then its first
        mention at or after ``ev_start``)."""
        if isinstance(outer, str):
            outer = next((s for s, _, e in self.place_mentions if e == outer and s >= ev_start), -1)
        seen = {subject}
        at = outer
        while at in self.chains:
            outer, nxt = self.chains[at]
            if outer in seen:
                break
            seen.add(outer)
            if predicate != "part_of" or self._place_in(subject, outer):
                end = next((e for s, e, _ in self.place_mentions if s == nxt), nxt)
                self.emit(predicate, subject, outer, (ev_start, end), None, outlet_voice=True, modality="asserted",
                          confidence=0.7)
            at = nxt

    def _nesting_link(self, text: str, first: tuple[int, int, str], second: tuple[int, int, str]) -> list[str] | None:
        """The link words ([","], ["in"], ["of"], [",", "in"]) when ``first`` is written as lying in ``second``."""
        s1, e1, a = first
        s2, e2, b = second
        if a == b or s2 < e1:
            return None
        words = text[e1:s2].replace(",", " , ").split()
        if len(words) > 3:
            return None
        low = [w.lower() for w in words]
        inner_words = [w for w in low if w in self.admin_words] + [
            w.lower() for w in text[s1:e1].split()[-1:] if w.lower() in self.admin_words]
        outer_words = [w.lower() for w in text[s2:e2].split()[-1:] if w.lower() in self.admin_words]
        outer_words += [w.lower() for w in text[e2:e2 + 12].split()[:1] if w.lower() in self.admin_words]
        if inner_words and outer_words and self.admin_words[inner_words[0]] >= self.admin_words[outer_words[0]]:
            return None  # "Borno state, Bama district" lists two places, the second smaller
        link = [w for w in low if w not in self.admin_words]
        comma_only = [w for w in link if w != "the"] == [","]
        if [w for w in link if w != "the"] not in ([","], ["in"], ["of"], [",", "in"]) or link == [",", "the"]:
            return None  # "A, B", "A in (the) B", "A of (the) B", "A, in (the) B"
        inside = self._inside(a, b)
        if inside is False or not self._containable(a, b):
            return None
        if comma_only and not inner_words and not inside:
            # "Logar, Helmand, Nuristan" is a list; "Devault, Chester County" and "Hamadan, Iran" nest
            if not (outer_words or self._level(b) in ("country", "province", "admin1", "state")):
                return None
            if self._place(a) is not None and inside is None:
                return None  # both on the map, and the map cannot confirm it
            pb, ea = self._place(b), self.ctx.entity(a)
            if self._place(a) is None and pb is not None and ea is not None and self._named_elsewhere(ea.name, pb):
                return None  # "Riga, Tartu": the map knows a Riga, none in Tartu — a list
        return link

    def nesting_closure(self) -> None:
        """A place the text puts in B, where the text (anywhere) puts B in C, lies in C: "Bama District,
        Borno State" … "Borno State, in Nigeria" → part_of(Bama District, Nigeria). Evidence: both
        statements; only asserted nestings, never one the gazetteer or the places' kinds contradict."""
        claims = [c for c in self.by_key.values() if c.predicate == "part_of" and c.status == "asserted"
                  and c.subject and c.object]
        outer: dict[str, list[tuple[str, tuple[int, int]]]] = {}
        for claim in claims:
            outer.setdefault(claim.subject or "", []).append((claim.object or "", claim.evidence[0]))
        for _ in range(2):  # chains of up to four places
            added = False
            for a, bs in list(outer.items()):
                for b, ev_ab in list(bs):
                    for far, ev_bc in list(outer.get(b, [])):
                        if far == a or any(x == far for x, _ in outer[a]) or not self._place_in(a, far):
                            continue
                        self.emit("part_of", a, far, ev_ab, None, outlet_voice=True, modality="asserted",
                                  confidence=0.6)
                        self.emit("part_of", a, far, ev_bc, None, outlet_voice=True, modality="asserted",
                                  confidence=0.6)
                        outer[a].append((far, ev_ab))
                        added = True
            if not added:
                break

    # -- classifying copulas and appositions ---------------------------------------------

    def place_descriptions(self) -> None:
        """"X is a city in Y", "X, a town in Y", "X is a company based in Y", "the Syrian city of Idlib"."""
        for tok in self.ctx.sdoc:
            ent = self.actors.at(tok)
            if ent is None:
                self._nationality_place(tok)
                continue
            kind = self.actors.type_of(ent)
            if kind not in ("Location", "Organization") or tok.head.i != tok.i and self.actors.at(tok.head) == ent:
                continue
            for noun in self._class_nouns(tok):
                for prep, place_tok in self._where(noun):
                    places = self._named_places(place_tok)
                    ev = char_span(tok.doc, min(tok.left_edge.i, noun.i), place_tok.right_edge.i + 1)
                    for p in places:
                        if kind == "Location":
                            if prep == "in" and self._inside(ent, p) is not False and self._containable(ent, p):
                                self.emit("part_of", ent, p, ev, noun, outlet_voice=True, modality="asserted",
                                          confidence=0.7)
                                self._along_chain("part_of", ent, ev[0], p)
                        elif p != ent:
                            self.emit("located_in", ent, p, ev, noun, outlet_voice=True, modality="asserted",
                                      confidence=0.7)
                            self._along_chain("located_in", ent, ev[0], p)

    def organisations_in_places(self) -> None:
        """"Johns Hopkins University in Baltimore, Maryland", "the BBC in the UK", "Hamas in Gaza":
        an organisation whose own noun phrase places it is located there (and along the address).
        Only an "in" phrase on the organisation's name itself — "an attack by Hamas in Israel", where
        the parser hangs the place on the attack, says nothing — and never after "by". Not for armed
        groups: "ISIS in Iraq", "IS in Syria" name a branch or a theatre of operations rather than
        where the group is based (the verbs "operate in" / "based in" state that explicitly)."""
        for tok in self.ctx.sdoc:
            org = self.actors.at(tok)
            if org is None or self.actors.type_of(org) != "Organization":
                continue
            ent = self.ctx.entity(org)
            if ent is not None and ent.kind == "armed_group":
                continue
            if tok.head.i != tok.i and self.actors.at(tok.head) == org:
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ == "by" or tok.dep_ == "agent":
                continue
            for c in tok.children:
                if c.dep_ != "prep" or c.lower_ != "in":
                    continue
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    ev = char_span(tok.doc, tok.left_edge.i, p.right_edge.i + 1)
                    for place in self.places_of(p):
                        if place != org:
                            self.emit("located_in", org, place, ev, c, confidence=0.6)
                            self._along_chain("located_in", org, ev[0], place)

    def _named_places(self, tok: Token) -> list[str]:
        """The places a phrase names, the one named by "of" first: "the U.S. state of Michigan" →
        [Michigan, United States]; otherwise as :func:`places_of`."""
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.capital_nouns:
            named = [e for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj" for e in self.places_of(p)]
            if named:
                return named + [e for e in self.places_of(tok) if e not in named]
        return self.places_of(tok)

    def _class_nouns(self, tok: Token) -> list[Token]:
        """Common nouns that classify ``tok``: "X is a town", "X, a town", "X, which is a town"."""
        out = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN" and self.actors.at(c) is None]
        if tok.dep_ == "nsubj" and tok.head.lemma_ in _COPULAS:
            out += [c for c in tok.head.children if c.dep_ == "attr" and c.pos_ == "NOUN" and self.actors.at(c) is None]
        more = [x for c in out for x in c.conjuncts if x.pos_ == "NOUN" and self.actors.at(x) is None]
        return out + more

    def _where(self, noun: Token) -> list[tuple[str, Token]]:
        """("in", place head) for "a city in Y" and "a firm based / headquartered in Y"."""
        out = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                out += [("in", p) for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ in ("acl", "amod") and (c.lemma_.lower() in _BASED or c.lower_ in _BASED):
                for x in c.children:
                    if x.dep_ == "prep" and x.lower_ in ("in", "at"):
                        out += [("based", p) for p in x.children if p.dep_ == "pobj"]
        return out

    def _nationality_place(self, tok: Token) -> None:
        """"the Syrian city of Idlib", "the U.S. state of Michigan" → part_of(place, country)."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.capital_nouns:
            return
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
        if not mods:
            return
        country = next((e for c in mods for t in c.subtree for e in [self.actors.at(t)]
                        if e and self._level(e) == "country"), None)  # "the U.S. state of Michigan"
        country = country or self.country_of_demonym([t for c in mods for t in c.subtree])
        if country is None:
            return
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    for place in self.places_of(p):
                        if place != country and self._inside(place, country) is not False \
                                and self._containable(place, country):
                            ev = char_span(tok.doc, tok.left_edge.i, p.right_edge.i + 1)
                            self.emit("part_of", place, country, ev, tok, outlet_voice=True, modality="asserted",
                                      confidence=0.7)
