"""Place-name repairs of the actor stage: what the small NER model gets wrong about places.

* extends a place with its admin noun ("Gao" + "district") and joins split names
  ("Dowa" "Manda" district); a generic "area" is kept in the text, not in the name;
* relabels places NER called PERSON/ORG from the suffix, coordination with other
  places, a list heading ("the provinces of Logar, Helmand and Farah"), a locative or
  motion preposition, the gazetteer, or their use as a place elsewhere in the text;
* merges the geo stage's toponym spans (the longer span wins and brings its kind);
* splits run-on names ("Bama Borno" = "Bama" + known "Borno").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimgraph.extract import actors_places as places
from claimgraph.extract.actors_candidates import Candidate, make
from claimgraph.nlp import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_MOTION_LEMMAS = {"go", "move", "travel", "transfer", "send", "return", "flee", "relocate", "come", "shift", "deploy",
                  "withdraw", "head", "march", "cross", "arrive", "evacuate", "push", "retreat", "base", "station",
                  "advance", "drive", "fly", "sail", "escape", "infiltrate", "smuggle", "redeploy"}
_PLACE_PREPS = {"in", "into", "near", "at", "across", "inside", "outside", "throughout", "around", "through", "via"}
_MOTION_PREPS = {"from", "to", "toward", "towards"}
_ENGLISH_PREPS = {"in", "on", "at", "to", "from", "with", "by", "for", "into", "near", "after", "before"}


def _suffix_kind(token: Token, desc: lexicon.Descriptors) -> tuple[str, str] | None:
    low = token.lower_
    if low in desc.admin_suffixes:
        return desc.admin_suffixes[low], "admin"
    if low in desc.generic_suffixes:
        return desc.generic_suffixes[low], "generic"
    return None


def _list_head_kind(token: Token, desc: lexicon.Descriptors) -> str | None:
    """Kind given by a list heading: "the provinces of Logar, Helmand and Farah" -> province."""
    t = token
    for _ in range(8):
        if t.dep_ == "conj" or t.dep_ == "appos":
            t = t.head
            continue
        break
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in desc.admin_suffixes:
        return desc.admin_suffixes[t.head.head.lower_]
    # "Logar and Ghazni provinces"
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if t.head.lower_ in desc.admin_suffixes and t.head.lower_.endswith("s") and t.dep_ in ("compound", "nmod"):
        return desc.admin_suffixes[t.head.lower_]
    del nxt
    return None


_PATH_PREPS = {"through", "via", "into", "near", "across", "toward", "towards"}
_NON_LOCATIVE_VERBS = {"believe", "trust", "confide", "invest", "succeed", "participate", "engage", "result",
                       "interest", "join", "include", "involve", "specialise", "specialize"}
_INCIDENT_NOUNS = {"attack", "strike", "airstrike", "raid", "clash", "fighting", "battle", "operation", "offensive",
                   "bombing", "explosion", "blast", "ambush", "shelling", "killing", "violence", "protest", "unrest",
                   "war", "conflict", "deployment", "presence", "flooding", "siege", "incursion", "skirmish"}


def _place_context(span: Span, strict: bool = False) -> bool:
    """Syntactic cue that a span names a place: object of a locative or motion preposition.

    ``strict``: only path and proximity prepositions ("through", "near", "toward" after a motion verb), for
    spans that look like a person's full name ("confidence in Ashraf Ghani" is no place).
    """
    root = span.root
    if strict:
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "attacks in A and B": B takes A's preposition
    if root.dep_ != "pobj":
        return False
    prep = root.head.lower_
    if strict:
        head = root.head.head
        if prep in ("toward", "towards"):
            return head.lemma_.lower() in _MOTION_LEMMAS
        if prep in ("in", "at"):  # "attacks in X", "was killed in X"; not "confidence in X", "believe in X"
            return (head.pos_ == "VERB" and head.lemma_.lower() not in _NON_LOCATIVE_VERBS) or \
                head.lemma_.lower() in _INCIDENT_NOUNS
        return prep in _PATH_PREPS and head.pos_ in ("VERB", "AUX")
    if prep in _PLACE_PREPS:
        return True
    if prep == "of":  # "the border areas of X", "the district of X"
        desc = lexicon.descriptors()
        noun = root.head.head.lemma_.lower()
        return noun in desc.admin_suffixes or noun in desc.generic_suffixes
    if prep in _MOTION_PREPS:
        verb = root.head.head
        return verb.lemma_.lower() in _MOTION_LEMMAS
    return False


def merge_toponyms(sdoc: Doc, cands: list[Candidate], toponyms: list[Any], gazetteer: Any | None = None,
                   found: list[Any] | None = None, rejected: dict[tuple[int, int], str] | None = None) -> list[Candidate]:
    """Add the geo stage's toponym spans; on overlap the longer span wins and keeps the toponym's kind.

    The spans are those of :func:`claimgraph.geo.geoparse.find_toponyms` — the one toponym finder that
    ``claimgraph eval geo`` measures — together with any ``toponyms`` the caller passes: admin phrases,
    gazetteer repairs, names the NER split ("Baja California"), and every other mention of a name once
    taken for a place. The NER place spans that finder rejects leave the places too (:func:`_drop_rejected`).

    A toponym may overrule a name NER read as a person or organisation only with evidence of
    its own: an admin or area word in the span or a prominent gazetteer place of that name
    ("Farah" yes, a list of committee members after "the province of ..." no).

    ``found`` and ``rejected`` are ``find_toponyms`` / ``rejected_ner_places`` of this document when the
    caller already computed them (the entity stage does, once per document).
    """
    from claimgraph.geo.geoparse import find_toponyms, rejected_ner_places

    admin = lexicon.descriptors().admin_suffixes
    generic = lexicon.descriptors().generic_suffixes
    if rejected is None:
        rejected = rejected_ner_places(sdoc, gazetteer)
    if found is None:
        found = find_toponyms(sdoc, gazetteer, rejected=rejected)
    cands = _drop_rejected(cands, rejected)
    have = {(c.start_char, c.end_char) for c in cands}
    passed = {(tp.start, tp.end) for tp in toponyms}
    toponyms = list(toponyms) + [tp for tp in found
                                 if (tp.start, tp.end) not in have and (tp.start, tp.end) not in passed]
    if not toponyms:
        return cands
    char_to_tok = {t.idx: t.i for t in sdoc}
    end_to_tok = {t.idx + len(t.text): t.i + 1 for t in sdoc}
    demonyms = lexicon.demonyms()
    for tp in toponyms:
        s, e = char_to_tok.get(tp.start), end_to_tok.get(tp.end)
        if s is None or e is None:
            continue
        words = sdoc[s:e]
        if any(t.text in ("'s", "\u2019s") for t in words):
            continue  # "Russia's state": the admin noun belongs to the possessor's phrase, not a place name
        if words[0].text in demonyms and not any(t.is_title for t in words[1:]):
            continue  # "French city", "Afghan province": a demonym and a common noun
        if any(t.pos_ in ("NUM", "VERB", "AUX", "PRON") or t.lower_ in _ENGLISH_PREPS for t in words):
            continue  # a title-case headline run ("Twelve Soldiers In Kunduz Province") is no place name
        new = make(sdoc, s, e, "GPE", "toponym", kind=getattr(tp, "kind", None))
        if new is None:
            continue
        if new.kind and not getattr(tp, "guessed", False) and \
                sdoc[new.end - 1].lower_ not in lexicon.descriptors().admin_suffixes:
            new.listed_kind = new.kind  # a bare name whose kind the text states (list heading, "X district in Y")
        overl = [c for c in cands if c.start < new.end and new.start < c.end]
        if any(c.dict_id for c in overl):
            continue
        if any(c.label in ("PERSON", "ORG") for c in overl) and sdoc[new.end - 1].lower_ not in admin and \
                sdoc[new.end - 1].lower_ not in generic and not places.gazetteer_kind(gazetteer, new.text):
            continue
        if all((c.end - c.start) <= (new.end - new.start) for c in overl):
            cands = [c for c in cands if c not in overl] + [new]
        else:
            for c in overl:
                if c.label in ("GPE", "LOC", "FAC") and not c.kind:
                    c.kind = new.kind
    return sorted(cands, key=lambda c: c.start)


def _drop_rejected(cands: list[Candidate], rejected: dict[tuple[int, int], str]) -> list[Candidate]:
    """NER place candidates the toponym finder rejects: a word of a person's full name becomes that
    person ("Buhari" after "Muhammadu Buhari"); a disease named after a place ("Ebola" of "Ebola virus")
    and a capitalised common noun ("the Centre") are no names of places and are dropped."""
    out = []
    for c in cands:
        why = rejected.get((c.start_char, c.end_char)) if c.source == "ner" and not c.dict_id else None
        if why == "person":
            c.label = "PERSON"
        elif why is not None:
            continue
        out.append(c)
    return out


def repair_places(sdoc: Doc, cands: list[Candidate], gazetteer: Any | None,
                   desc: lexicon.Descriptors) -> list[Candidate]:
    cands = sorted(cands, key=lambda c: c.start)
    # join adjacent place-ish candidates separated by nothing but a space ("Dowa" "Manda" district)
    joined: list[Candidate] = []
    for c in cands:
        prev = joined[-1] if joined else None
        if (prev is not None and prev.end == c.start and not prev.dict_id and not c.dict_id
                and prev.label in ("GPE", "LOC", "FAC") and c.label in ("GPE", "LOC", "FAC")
                and sdoc[prev.end - 1].whitespace_ == " "):
            merged = make(sdoc, prev.start, c.end, prev.label, prev.source, kind=prev.kind or c.kind)
            if merged is not None:
                joined[-1] = merged
                continue
        joined.append(c)
    cands = joined

    org_words = {w: k for w, k in desc.org_kind_words.items() if k != "igo"}
    place_texts: set[str] = set()
    for c in cands:
        if c.dict_id or c.source == "ruler" and c.label == "PERSON":
            continue
        if c.label in ("GPE", "LOC", "FAC") and c.source == "ner" and c.end - c.start > 1 and \
                sdoc[c.end - 1].lower_ in org_words:
            c.label = "ORG"  # "Kataib Sayyid al-Shuhada Brigade", "Ministry of Interior" are organisations
            continue
        span = sdoc[c.start:c.end]
        nxt = sdoc[c.end] if c.end < len(sdoc) else None
        suffix = _suffix_kind(nxt, desc) if nxt is not None and not nxt.is_sent_start else None
        if suffix is not None and nxt is not None and nxt.lower_ in desc.title_case_suffixes and not nxt.is_title:
            suffix = None  # "Russia state media" is no state; "Borno State" is
        is_place = c.label in ("GPE", "LOC", "FAC")
        if suffix is not None and c.label == "NORP" and c.text in lexicon.demonyms():
            continue  # "the Syrian province of Hama", "an Afghan district": a nationality describes, names no place
        if suffix is not None and (is_place or c.label in ("PERSON", "ORG", "NORP", "MISC")) and nxt is not None:
            kind, cls = suffix
            if cls == "admin" and nxt.lower_ not in ("provinces", "districts"):
                c.end, c.end_char, c.text = c.end + 1, nxt.idx + len(nxt.text), sdoc[c.start:c.end + 1].text
                c.admin_suffix = nxt.lower_
            elif cls == "generic" and nxt.lower_ == "area" and c.label != "NORP":
                c.end, c.end_char, c.text = c.end + 1, nxt.idx + len(nxt.text), sdoc[c.start:c.end + 1].text
                c.admin_suffix = None
            elif not is_place or c.label == "NORP":
                continue  # "Turkish border", "Syrian town": a demonym or a name before a generic noun is no place
            c.kind = c.kind or kind
            c.label = "GPE"
            is_place = True
        elif (last := sdoc[c.end - 1]).lower_ in desc.admin_suffixes and c.end - c.start > 1 and \
                not any(t.text in ("'s", "\u2019s") or t.lower_ in desc.org_kind_words for t in sdoc[c.start:c.end - 1]):
            # ("Sheriff's Department", "Police Department" are bodies, "Arauca Department" a place)
            c.kind = c.kind or desc.admin_suffixes[last.lower_]
            c.admin_suffix = last.lower_
            if c.label not in ("GPE", "LOC", "FAC"):
                c.label = "GPE"
            is_place = True
        if not c.kind:
            listed = _list_head_kind(span.root, desc)
            # a full name NER gave a person or body stays one inside a list of places ("X for the province of Y")
            if listed and not (c.label in ("PERSON", "ORG") and len(span) > 1):
                c.kind = c.listed_kind = listed
                if c.label in ("PERSON", "ORG", "NORP") and c.source != "ruler":
                    c.label = "GPE"
                is_place = True
        if not is_place and c.label in ("PERSON", "ORG") and c.source == "ner" and not c.titles and \
                (places.country(c.text, demonym=False) or places.capital_of(c.text)):
            c.label, is_place = "GPE", True  # "Mali's junta", "Ankara was trying": states and capitals are places
        if not is_place and c.label in ("PERSON", "ORG") and c.source == "ner":
            gkind = places.gazetteer_kind(gazetteer, c.text)
            if gkind and (gazetteer is not None):
                if c.label == "ORG" or _place_context(span) or _conj_with_place(span, cands):
                    c.label, c.kind, is_place = "GPE", gkind, True
            elif len(span) == 1 and (_conj_with_place(span, cands) or (c.label == "PERSON" and _place_context(span))):
                c.label, is_place = "GPE", True
            elif c.label == "ORG" and len(span) == 1 and not span.text.isupper() and _path_context(span):
                c.label, is_place = "GPE", True  # "pushed into Sambisa", "advanced toward Kidal"
            elif c.label == "PERSON" and not c.titles and not _after_title(sdoc, c.start, desc) and \
                    _place_context(span, strict=True):
                c.label, is_place = "GPE", True  # "advanced through Badia al-Sham toward al-Tanf"
        if is_place:
            place_texts.add(_bare(c.text, desc))
        if is_place and not c.kind:
            ctry = places.country(c.text)
            if ctry is not None:
                c.kind = "country"
            elif places.capital_of(c.text) is not None:
                c.kind = "city"  # a national capital named bare is the city, not its province
            else:
                c.kind = places.gazetteer_kind(gazetteer, c.text) or places.gazetteer_feature(gazetteer, c.text)
    cands = _split_run_on_places(sdoc, cands, place_texts)
    # one sense per document: a name used as a place elsewhere is a place here too
    for c in cands:
        if c.label in ("PERSON", "ORG") and c.source == "ner" and not c.titles and c.text in place_texts:
            c.label = "GPE"
    return cands


def _split_run_on_places(sdoc: Doc, cands: list[Candidate], place_texts: set[str]) -> list[Candidate]:
    """'Bama Borno' (a place then its state, comma omitted): split off a trailing known place."""
    out: list[Candidate] = []
    for c in cands:
        if (c.label in ("GPE", "LOC", "FAC", "PERSON") and not c.dict_id and c.source in ("ner", "toponym")
                and not c.admin_suffix
                and c.end - c.start >= 3):
            last = sdoc[c.end - 1]
            others = place_texts - {c.text}
            if last.text in others and (c.label != "PERSON" or _place_context(sdoc[c.start:c.end])):
                head = make(sdoc, c.start, c.end - 1, "GPE", "ner", kind=None)
                tail = make(sdoc, c.end - 1, c.end, "GPE", "ner", kind=None)
                if head is not None and tail is not None:
                    out += [head, tail]
                    continue
        out.append(c)
    return out


def _path_context(span: Span) -> bool:
    """A bare name after a path preposition of a verb, with no article: "pushed into Sambisa", "fled toward
    Kidal" ("in the Senate", "in Congress" are too weak a cue for a name NER called an organisation)."""
    root = span.root
    if root.dep_ != "pobj" or (span.start > 0 and span.doc[span.start - 1].pos_ == "DET"):
        return False
    prep, head = root.head.lower_, root.head.head
    if prep in ("toward", "towards", "to", "from"):
        return head.lemma_.lower() in _MOTION_LEMMAS
    return prep in _PATH_PREPS and head.pos_ == "VERB"


def _after_title(sdoc: Doc, start: int, desc: lexicon.Descriptors) -> bool:
    """The name follows a role or honorific ("Defence Minister Sergei Shoigu", "Gen. X"): a person."""
    if start == 0:
        return False
    prev = sdoc[start - 1] if sdoc[start - 1].text != "." or start < 2 else sdoc[start - 2]
    word = prev.text.rstrip(".").lower()
    return word in desc.role_words or word in {h.term.rstrip(".").lower() for h in lexicon.honorifics()}


def _bare(text: str, desc: lexicon.Descriptors) -> str:
    words = text.split()
    if len(words) > 1 and words[-1].lower() in desc.admin_suffixes:
        words = words[:-1]
    return " ".join(words)


def _conj_with_place(span: Span, cands: list[Candidate]) -> bool:
    """The span is coordinated with a place candidate ("Logar, Helmand, Nuristan")."""
    root = span.root
    neighbours = [root.head] if root.dep_ == "conj" else []
    neighbours += [t for t in root.children if t.dep_ == "conj"]
    if root.dep_ == "conj":
        neighbours += [t for t in root.head.children if t.dep_ == "conj" and t.i != root.i]
    place_tokens = {i for c in cands if c.label in ("GPE", "LOC", "FAC") and not c.dict_id for i in range(c.start, c.end)}
    return any(t.i in place_tokens for t in neighbours)
