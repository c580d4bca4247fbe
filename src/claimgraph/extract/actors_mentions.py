"""Actor and place mention candidates: what in the text names someone or somewhere.

Starts from spaCy's entities (NER plus our actor ruler) and the geo stage's
toponym spans, then repairs what the small model gets wrong, all with general
cues rather than lists of answers:

* trims determiners and possessives ("the Afghan Taliban's" -> "Afghan Taliban");
* drops junk: numbers, bare demonyms ("Pakistani"), generic words ("Sharia");
* headlines (title-case lines) keep only names confirmed elsewhere in the text
  or by the actor dictionary ("Taliban Signed Cooperation Agreement" is not an ORG);
* extends place names with their admin noun ("Spera" + "district"), joins
  split ones ("Dowa" "Manda" district) and relabels places NER called PERSON/ORG
  from the suffix, coordination with other places, a list headed by
  "provinces of", a motion preposition, or the gazetteer;
* "<actor> government/regime" is the actor, "<country> forces" is the country,
  a capital that accuses or says is its state ("Islamabad has accused");
* named agreements ("the Mir Ali Agreement", "Doha agreement", "Oslo Accords").

Each candidate keeps its exact character span; nothing here decides identity
(that is :mod:`claimgraph.resolve.cluster`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimgraph.extract import actors_places as places
from claimgraph.nlp import lexicon
from claimgraph.nlp.ruler import ACTOR_PREFIX, HONORIFIC_ID
from claimgraph.resolve.names import fold, split_titles

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LABEL_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "NORP": "Organization",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "AGREEMENT": "Agreement",
    "LAW": "Agreement",
    "MISC": "Organization",  # PRODUCT / EVENT / WORK_OF_ART: kept only if repaired into a place or agreement
}
_MISC_LABELS = {"PRODUCT", "EVENT", "WORK_OF_ART"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}
_MOTION_LEMMAS = {"go", "move", "travel", "transfer", "send", "return", "flee", "relocate", "come", "shift", "deploy",
                  "withdraw", "head", "march", "cross", "arrive", "evacuate", "push", "retreat", "base", "station"}
_PLACE_PREPS = {"in", "into", "near", "at", "across", "inside", "outside", "throughout", "around"}
_MOTION_PREPS = {"from", "to", "toward", "towards"}


@dataclass
class Candidate:
    """One mention of a possible entity: an exact span plus what we know about it."""

    start: int  # token index
    end: int  # token index (exclusive)
    start_char: int
    end_char: int
    text: str  # exact surface text
    label: str  # PERSON ORG GPE LOC FAC NORP AGREEMENT DESCRIPTOR
    source: str  # ner | ruler | pattern | toponym | coref
    dict_id: str | None = None
    kind: str | None = None
    titles: list[str] = field(default_factory=list)
    name: str = ""  # the name without titles / determiners / generic suffix
    country_of: str | None = None  # a country this stands for ("US forces", "Islamabad")
    in_headline: bool = False
    admin_suffix: str | None = None  # "district" for "Spera district"
    listed_kind: str | None = None  # kind stated by a list heading ("the provinces of A, B and C")

    @property
    def etype(self) -> str:
        return LABEL_TYPES.get(self.label, "Organization")


def _headline_ranges(sdoc: Doc) -> list[tuple[int, int]]:
    """Token ranges of title-case lines (headlines, subheadings): most words capitalised, no final stop.

    Vectorised over token attributes: a Python loop over every token costs more than the rest of the stage.
    """
    import numpy as np
    from spacy.attrs import IS_ALPHA, IS_TITLE, IS_UPPER, LENGTH, SENT_START

    n = len(sdoc)
    if n == 0:
        return []
    arr = sdoc.to_array([SENT_START, IS_ALPHA, LENGTH, IS_TITLE, IS_UPPER]).astype("int64")
    starts = np.nonzero(arr[:, 0] == 1)[0]
    if len(starts) == 0 or starts[0] != 0:
        starts = np.concatenate([[0], starts])
    word = (arr[:, 1] == 1) & (arr[:, 2] > 3)
    cap = word & ((arr[:, 3] == 1) | (arr[:, 4] == 1))
    words = np.add.reduceat(word.astype("int64"), starts)
    caps = np.add.reduceat(cap.astype("int64"), starts)
    ends = np.concatenate([starts[1:], [n]])
    out = []
    for s, e, w, c in zip(starts, ends, words, caps):
        if w < 3 or c / w < 0.75:
            continue
        last = int(e) - 1
        while last > s and sdoc[last].is_space:
            last -= 1
        if sdoc[last].text not in (".", "!", "?"):
            out.append((int(s), int(e)))
    return out


def _trim(sdoc: Doc, start: int, end: int) -> tuple[int, int]:
    # caption and dateline prefixes: "FILE - Salman Abedi", "KABUL — Zabiullah Mujahid"
    for k in range(start + 1, min(end - 1, start + 4)):
        if sdoc[k].text in ("-", "\u2013", "\u2014", "--") and all(t.is_upper for t in sdoc[start:k]):
            start = k + 1
            break
    while start < end and (sdoc[start].lower_ in _DETERMINERS or sdoc[start].is_punct or sdoc[start].is_space):
        start += 1
    while end > start and (sdoc[end - 1].text in ("'s", "\u2019s", "'", "\u2019") or sdoc[end - 1].is_punct
                           or sdoc[end - 1].is_space or sdoc[end - 1].pos_ in ("ADP", "CCONJ", "DET")):
        end -= 1
    return start, end


def _make(sdoc: Doc, start: int, end: int, label: str, source: str, **kw: Any) -> Candidate | None:
    start, end = _trim(sdoc, start, end)
    if start >= end:
        return None
    span = sdoc[start:end]
    return Candidate(start, end, span.start_char, span.end_char, span.text, label, source, **kw)


def _is_junk(c: Candidate, desc: lexicon.Descriptors) -> bool:
    text = c.text
    if not any(ch.isalpha() for ch in text) or len(text) < 2:
        return True
    if text in desc.not_entities or text.lower() in {w.lower() for w in desc.not_entities}:
        return True
    if text[0].islower() and not c.dict_id and c.source != "pattern" and \
            not text.startswith(("al-", "al ", "el-", "ad-", "as-", "ash-")):
        return True
    return False


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


def _place_context(span: Span) -> bool:
    """Syntactic cue that a span names a place: object of a locative or motion preposition."""
    root = span.root
    if root.dep_ != "pobj":
        return False
    prep = root.head.lower_
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


def collect(sdoc: Doc, gazetteer: Any | None, toponyms: list[Any]) -> list[Candidate]:
    """All name candidates of a parsed document, with spans, labels and repairs applied."""
    desc = lexicon.descriptors()
    heads = _headline_ranges(sdoc)
    in_head = [False] * (len(sdoc) + 1)
    for s, e in heads:
        for i in range(s, e):
            in_head[i] = True

    cands: list[Candidate] = []
    for ent in sdoc.ents:
        label = "MISC" if ent.label_ in _MISC_LABELS else ent.label_
        if label not in LABEL_TYPES:
            continue
        ent_id = ent.ent_id_ or ""
        dict_id = ent_id[len(ACTOR_PREFIX):] if ent_id.startswith(ACTOR_PREFIX) else None
        c = _make(sdoc, ent.start, ent.end, label, "ruler" if ent_id else "ner", dict_id=dict_id)
        if c is None:
            continue
        if ent_id == HONORIFIC_ID:
            c.label = "PERSON"
        if dict_id:
            c.kind = lexicon.actor_by_id()[dict_id].kind
        cands.append(c)

    cands = _actor_modifiers(sdoc, cands)
    cands = _join_split_names(sdoc, cands)
    cands = _merge_toponyms(sdoc, cands, toponyms)
    cands = _repair_places(sdoc, cands, gazetteer, desc)
    cands = _extend_actor_nouns(sdoc, cands, desc)
    cands += _agreements(sdoc, cands, desc)
    cands = _drop_overlaps(cands)

    out = []
    for c in cands:
        c.in_headline = in_head[c.start]
        if c.label in ("NORP", "MISC") and not c.dict_id:
            continue  # a bare demonym ("Pakistani", "Afghan") is not an actor of its own
        if _is_junk(c, desc):
            continue
        _split_name(c)
        out.append(c)
    return _confirm_headlines(out)


def _actor_modifiers(sdoc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'a Haqqani commander', 'Houthi fighters': a dictionary modifier before a common noun is the actor."""
    import numpy as np
    from spacy.attrs import ORTH

    mods = lexicon.actor_modifiers()
    if not mods or len(sdoc) == 0:
        return cands
    hashes = np.array([sdoc.vocab.strings.add(m) for m in mods], dtype="uint64")
    orths = sdoc.to_array([ORTH]).reshape(-1).astype("uint64")
    hits = [int(i) for i in np.nonzero(np.isin(orths, hashes))[0]]
    for i in hits:
        tok = sdoc[i]
        nxt = sdoc[i + 1] if i + 1 < len(sdoc) else None
        if nxt is None or not nxt.is_lower or nxt.pos_ not in ("NOUN", "ADJ"):
            continue  # "Haqqani said", "Sirajuddin Haqqani": a person; only "Haqqani commander" is the group
        if any(c.start <= i < c.end and (c.dict_id or c.end - c.start > 1) for c in cands):
            continue
        dict_id = mods[tok.text]
        cands = [c for c in cands if not (c.start <= i < c.end)]
        cands.append(Candidate(i, i + 1, tok.idx, tok.idx + len(tok.text), tok.text, "ORG", "ruler", dict_id=dict_id,
                               kind=lexicon.actor_by_id()[dict_id].kind))
    return sorted(cands, key=lambda c: c.start)


def _join_split_names(sdoc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'Hassan' + 'Sheikh Mohamud': an honorific inside a name must not cut it in two."""
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: c.start):
        prev = out[-1] if out else None
        if (prev is not None and prev.label == "PERSON" and c.label == "PERSON" and c.source == "ruler"
                and not c.dict_id and prev.end == c.start and sdoc[prev.end - 1].whitespace_ == " "):
            joined = _make(sdoc, prev.start, c.end, "PERSON", prev.source)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(c)
    return out


def _merge_toponyms(sdoc: Doc, cands: list[Candidate], toponyms: list[Any]) -> list[Candidate]:
    """Add the geo stage's toponym spans; on overlap the longer span wins and keeps the toponym's kind."""
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
        new = _make(sdoc, s, e, "GPE", "toponym", kind=getattr(tp, "kind", None))
        if new is None:
            continue
        if new.kind and sdoc[new.end - 1].lower_ not in lexicon.descriptors().admin_suffixes:
            new.listed_kind = new.kind  # a bare name whose kind the text states (list heading, "X district in Y")
        overl = [c for c in cands if c.start < new.end and new.start < c.end]
        if any(c.dict_id for c in overl):
            continue
        if all((c.end - c.start) <= (new.end - new.start) for c in overl):
            cands = [c for c in cands if c not in overl] + [new]
        else:
            for c in overl:
                if c.label in ("GPE", "LOC", "FAC") and not c.kind:
                    c.kind = new.kind
    return sorted(cands, key=lambda c: c.start)


def _repair_places(sdoc: Doc, cands: list[Candidate], gazetteer: Any | None,
                   desc: lexicon.Descriptors) -> list[Candidate]:
    cands = sorted(cands, key=lambda c: c.start)
    # join adjacent place-ish candidates separated by nothing but a space ("Dowa" "Manda" district)
    joined: list[Candidate] = []
    for c in cands:
        prev = joined[-1] if joined else None
        if (prev is not None and prev.end == c.start and not prev.dict_id and not c.dict_id
                and prev.label in ("GPE", "LOC", "FAC") and c.label in ("GPE", "LOC", "FAC")
                and sdoc[prev.end - 1].whitespace_ == " "):
            merged = _make(sdoc, prev.start, c.end, prev.label, prev.source, kind=prev.kind or c.kind)
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
        elif (last := sdoc[c.end - 1]).lower_ in desc.admin_suffixes and c.end - c.start > 1:
            c.kind = c.kind or desc.admin_suffixes[last.lower_]
            c.admin_suffix = last.lower_
            if c.label not in ("GPE", "LOC", "FAC"):
                c.label = "GPE"
            is_place = True
        if not c.kind:
            listed = _list_head_kind(span.root, desc)
            if listed:
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
            elif (c.label == "ORG" or len(span) == 1) and (_conj_with_place(span, cands) or
                                                          (c.label == "PERSON" and _place_context(span))):
                c.label, is_place = "GPE", True
        if is_place:
            place_texts.add(_bare(c.text, desc))
        if is_place and not c.kind:
            ctry = places.country(c.text)
            if ctry is not None:
                c.kind = "country"
            elif places.capital_of(c.text) is not None:
                c.kind = "city"  # a national capital named bare is the city, not its province
            else:
                c.kind = places.gazetteer_kind(gazetteer, c.text) or places.gazetteer_feature(gazetteer, c.name)
    cands = _split_run_on_places(sdoc, cands, place_texts)
    # one sense per document: a name used as a place elsewhere is a place here too
    for c in cands:
        if c.label in ("PERSON", "ORG") and c.source == "ner" and not c.titles and c.text in place_texts:
            c.label = "GPE"
    return cands


def _split_run_on_places(sdoc: Doc, cands: list[Candidate], place_texts: set[str]) -> list[Candidate]:
    """'Pasa Mila Paktika' (a place then its province, comma omitted): split off a trailing known place."""
    out: list[Candidate] = []
    for c in cands:
        if (c.label in ("GPE", "LOC", "FAC", "PERSON") and not c.dict_id and c.source in ("ner", "toponym")
                and not c.admin_suffix
                and c.end - c.start >= 3):
            last = sdoc[c.end - 1]
            others = place_texts - {c.text}
            if last.text in others and (c.label != "PERSON" or _place_context(sdoc[c.start:c.end])):
                head = _make(sdoc, c.start, c.end - 1, "GPE", "ner", kind=None)
                tail = _make(sdoc, c.end - 1, c.end, "GPE", "ner", kind=None)
                if head is not None and tail is not None:
                    out += [head, tail]
                    continue
        out.append(c)
    return out


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


def _noun_run(sdoc: Doc, i: int, nouns: frozenset[str], occupied: set[int]) -> int:
    """How many tokens from ``i`` form one of ``nouns`` ("security forces" = 2, "forces" = 1, else 0)."""
    for n in (2, 1):
        if i + n <= len(sdoc) and not any(k in occupied for k in range(i, i + n)):
            if " ".join(t.lower_ for t in sdoc[i:i + n]) in nouns:
                return n
    return 0


_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative"}


def _extend_actor_nouns(sdoc: Doc, cands: list[Candidate], desc: lexicon.Descriptors) -> list[Candidate]:
    """'Taliban government' is the Taliban; 'US forces' is the United States; 'Islamabad has accused' is Pakistan."""
    out = []
    occupied = {i for c in cands for i in range(c.start, c.end)}
    for c in cands:
        prev = sdoc[c.start - 1] if c.start > 0 else None
        former = prev is not None and prev.lower_ in ("former", "ousted", "previous", "toppled")
        if c.dict_id:
            n = _noun_run(sdoc, c.end, desc.actor_self_nouns, occupied)
            if n and not former and sdoc[c.end].lower_ in ("government", "regime", "administration", "authorities"):
                ext = _make(sdoc, c.start, c.end + n, "ORG", c.source, dict_id=c.dict_id, kind=c.kind)
                if ext is not None:
                    out.append(ext)
                    continue
        else:
            ctry = places.country(c.text)
            n = _noun_run(sdoc, c.end, desc.state_agent_nouns, occupied) if ctry is not None else 0
            if ctry is not None and n:
                if former and sdoc[c.end].lower_ in ("government", "regime", "administration"):
                    ext = _make(sdoc, c.start - 1, c.end + n, "ORG", "pattern", kind="government")
                else:
                    ext = _make(sdoc, c.start, c.end + n, "GPE", "pattern", kind="country", country_of=ctry.name)
                if ext is not None:
                    out.append(ext)
                    continue
            if c.label == "NORP" and ctry is not None:
                root = sdoc[c.start:c.end].root
                if root.dep_ in _NOMINAL_DEPS and root.pos_ in ("NOUN", "PROPN"):
                    c.label, c.kind, c.country_of = "GPE", "country", ctry.name  # "the Algerians said"
        if c.label in ("GPE",) and not c.dict_id:
            cap = places.capital_of(c.text) if not c.text.isupper() else None  # "KABUL —" is a dateline
            root = sdoc[c.start:c.end].root
            verb = root.head
            if cap is not None and root.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in desc.metonymy_verbs:
                c.country_of = cap.name
                c.kind = "country"
            elif (ctry := places.country(c.text, demonym=False)) is not None:
                c.kind = "country"
                if ctry.name.lower() != c.text.lower():
                    c.country_of = ctry.name  # "US", "U.S.", "Britain" name the country by another form
        out.append(c)
    return out


def _agreements(sdoc: Doc, cands: list[Candidate], desc: lexicon.Descriptors) -> list[Candidate]:
    """Named agreements: capitalised name + agreement noun ("Mir Ali Accord", "Doha agreement")."""
    out: list[Candidate] = []
    names: set[str] = set()
    actor_spans = [(c.start, c.end) for c in cands if c.label in ("ORG", "PERSON", "NORP")]
    place_tokens = {i for c in cands if c.label in ("GPE", "LOC", "FAC") for i in range(c.start, c.end)}
    possessive: list[tuple[int, int, int]] = []
    for tok in sdoc:
        if tok.lower_ not in desc.agreement_nouns:
            continue
        j = tok.i - 1
        poss = False
        if j >= 0 and sdoc[j].text in ("'s", "\u2019s"):
            poss, j = True, j - 1
        start = j + 1
        while j >= 0 and sdoc[j].text[:1].isupper() and sdoc[j].pos_ in ("PROPN", "NOUN", "ADJ") and not sdoc[j].is_sent_start:
            start, j = j, j - 1
        if j >= 0 and sdoc[j].text[:1].isupper() and sdoc[j].pos_ == "PROPN" and sdoc[j].is_sent_start:
            start = j
        if start > tok.i - 1 - (1 if poss else 0):
            continue
        name_toks = range(start, tok.i - (1 if poss else 0))
        titled = tok.text[:1].isupper()
        placey = all(i in place_tokens for i in name_toks)
        actorish = any(s <= i < e and not (s <= tok.i < e) for s, e in actor_spans for i in name_toks)
        if poss:
            possessive.append((start, tok.i + 1, name_toks.stop))
            continue
        if (titled and not actorish) or (placey and not actorish):
            c = _make(sdoc, start, tok.i + 1, "AGREEMENT", "pattern")
            if c is not None:
                out.append(c)
                names.add(fold(sdoc[start:name_toks.stop].text))
    for start, end, name_end in possessive:
        if fold(sdoc[start:name_end].text) in names:  # "Mir Ali's agreement" once "Mir Ali Agreement" is named
            c = _make(sdoc, start, end, "AGREEMENT", "pattern")
            if c is not None:
                out.append(c)
    return out


def _drop_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep one candidate per token: agreements and dictionary actors first, then the longer span."""
    def rank(c: Candidate) -> tuple[int, int, int]:
        return (c.label == "AGREEMENT", c.dict_id is not None, c.end - c.start)

    taken: set[int] = set()
    kept = []
    for c in sorted(cands, key=rank, reverse=True):
        if any(i in taken for i in range(c.start, c.end)):
            continue
        taken.update(range(c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _split_name(c: Candidate) -> None:
    words = c.text.split()
    if c.label == "PERSON":
        titles, rest = split_titles(words)
        c.titles = titles
        c.name = " ".join(rest)
    elif c.label in ("GPE", "LOC", "FAC") and len(words) > 1 and words[-1].lower() == "area":
        c.name = " ".join(words[:-1])
    else:
        c.name = c.text


def _confirm_headlines(cands: list[Candidate]) -> list[Candidate]:
    """Headline candidates survive only if the dictionary knows them or the body names them too."""
    body = {fold(c.name) for c in cands if not c.in_headline}
    body_words = {w for key in body for w in key.split()}
    out = []
    for c in cands:
        if c.in_headline and not c.dict_id:
            key = fold(c.name)
            if key not in body and not (c.label == "PERSON" and key in body_words):
                continue
        out.append(c)
    return out
