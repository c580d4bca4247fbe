"""Actor and place mention candidates: what in the text names someone or somewhere.

Starts from spaCy's entities (NER plus our actor ruler) and the geo stage's
toponym spans, then repairs what the small model gets wrong, all with general
cues rather than lists of answers:

* trims determiners and possessives ("the Afghan Taliban's" -> "Afghan Taliban");
* drops junk: numbers, bare demonyms ("Pakistani"), generic words ("Sharia");
* headlines (title-case lines) keep only names confirmed elsewhere in the text
  or by the actor dictionary ("Taliban Signed Cooperation Agreement" is not an ORG);
* place-name repairs (admin nouns, mislabels, toponym spans): see
  :mod:`claimgraph.extract.actors_placenames`;
* "<actor> government/regime" is the actor, "<country> forces" is the country,
  a capital that accuses or says is its state ("Islamabad has accused");
* named agreements ("the Minsk Agreement", "Juba agreement", "Oslo Accords").

Each candidate keeps its exact character span; nothing here decides identity
(that is :mod:`claimgraph.resolve.cluster`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from claimgraph.extract import actors_placenames as placenames
from claimgraph.extract import actors_places as places
from claimgraph.extract.actors_candidates import LABEL_TYPES, MISC_LABELS, Candidate, is_finite_verb, make
from claimgraph.extract.actors_orgnames import extend_org_names
from claimgraph.extract.actors_repairs import context_repairs, missed_countries, seized_places
from claimgraph.nlp import lexicon
from claimgraph.nlp.ruler import ACTOR_PREFIX, HONORIFIC_ID
from claimgraph.resolve.names import fold, split_titles

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _headline_ranges(sdoc: Doc) -> list[tuple[int, int]]:
    """Token ranges of title-case lines (headlines, subheadings): most words capitalised, no final stop.

    Vectorised over token attributes: a Python loop over every token costs more than the rest of the stage.
    """
    import numpy as np
    from spacy.attrs import IDX, IS_ALPHA, IS_TITLE, IS_UPPER, LENGTH, SENT_START

    n = len(sdoc)
    if n == 0:
        return []
    arr = sdoc.to_array([SENT_START, IS_ALPHA, LENGTH, IS_TITLE, IS_UPPER]).astype("int64")
    sent_starts = np.nonzero(arr[:, 0] == 1)[0]
    # lines count on their own: a headline line may hold an abbreviation's stop ("Gunman Kills L. A. Deputy")
    # or run into the first sentence without one
    idx = sdoc.to_array([IDX]).astype("int64").reshape(-1)
    breaks = [m.end() for m in re.finditer(r"\n", sdoc.text)]
    line_starts = np.searchsorted(idx, breaks) if breaks else np.array([], dtype="int64")
    line_starts = line_starts[line_starts < n]
    word = (arr[:, 1] == 1) & (arr[:, 2] > 3)
    cap = word & ((arr[:, 3] == 1) | (arr[:, 4] == 1))
    out: set[tuple[int, int]] = set()
    for starts in (np.concatenate([[0], sent_starts, line_starts]), np.concatenate([[0], line_starts])):
        starts = np.unique(starts).astype("int64")
        words = np.add.reduceat(word.astype("int64"), starts)
        caps = np.add.reduceat(cap.astype("int64"), starts)
        ends = np.concatenate([starts[1:], [n]])
        for s, e, w, c in zip(starts, ends, words, caps):
            if w < 3 or c / w < 0.75:
                continue
            last = int(e) - 1
            while last > s and sdoc[last].is_space:
                last -= 1
            if sdoc[last].text not in (".", "!", "?") or (last > s and len(sdoc[last - 1]) == 1 and sdoc[last - 1].is_upper):
                out.add((int(s), int(e)))  # "... L. A." ends on an initial's stop, not a sentence's
    return sorted(out)


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


def collect(sdoc: Doc, gazetteer: Any | None, toponyms: list[Any], found: list[Any] | None = None,
            rejected: dict[tuple[int, int], str] | None = None) -> list[Candidate]:
    """All name candidates of a parsed document, with spans, labels and repairs applied.

    ``toponyms`` are the admin-phrase spans (``toponym_spans``); ``found``/``rejected`` the geo finder's
    output for the same document when already computed (see ``merge_toponyms``).
    """
    desc = lexicon.descriptors()
    heads = _headline_ranges(sdoc)
    in_head = [False] * (len(sdoc) + 1)
    for s, e in heads:
        for i in range(s, e):
            in_head[i] = True

    cands: list[Candidate] = []
    for ent in sdoc.ents:
        label = "MISC" if ent.label_ in MISC_LABELS else ent.label_
        if label not in LABEL_TYPES:
            continue
        ent_id = ent.ent_id_ or ""
        dict_id = ent_id[len(ACTOR_PREFIX):] if ent_id.startswith(ACTOR_PREFIX) else None
        c = make(sdoc, ent.start, ent.end, label, "ruler" if ent_id else "ner", dict_id=dict_id)
        if c is None:
            continue
        if ent_id == HONORIFIC_ID:
            c.label = "PERSON"
        if c.label == "LAW" and not any(t.lower_ in desc.agreement_nouns for t in sdoc[c.start:c.end]):
            continue  # "the Constitution", "Article 5": laws, not agreements between parties
        if not dict_id and c.end < len(sdoc) and f"{c.text.lower()} {sdoc[c.end].lower_}" in desc.roles:
            continue  # "Interior" in "Interior Minister" is part of a title, not an organisation
        if dict_id:
            c.kind = lexicon.actor_by_id()[dict_id].kind
        cands.append(c)

    cands = _actor_modifiers(sdoc, cands)
    cands = _join_split_names(sdoc, cands)
    cands = placenames.merge_toponyms(sdoc, cands, toponyms, gazetteer, found=found, rejected=rejected)
    cands = placenames.repair_places(sdoc, cands, gazetteer, desc)
    cands = seized_places(sdoc, cands, gazetteer, desc)
    cands = missed_countries(sdoc, cands)
    cands = _extend_actor_nouns(sdoc, cands, desc)
    cands = extend_org_names(sdoc, cands)
    cands += _agreements(sdoc, cands, desc)
    cands = _drop_overlaps(cands)
    cands = _acronym_branches(sdoc, cands)
    cands = context_repairs(sdoc, cands, desc)

    common = _lowercase_words(sdoc)
    common -= {t.lower_ for c in cands if c.end - c.start > 1 for t in sdoc[c.start:c.end]}  # "Eva Forest" ... "Forest"
    out = []
    for c in cands:
        c.in_headline = in_head[c.start]
        if c.label in ("NORP", "MISC") and not c.dict_id:
            continue  # a bare demonym ("Pakistani", "Afghan") is not an actor of its own
        if _is_junk(c, desc):
            continue
        if c.end - c.start == 1 and not c.dict_id and c.source == "ner" and not c.text.isupper() and \
                sdoc[c.start].lower_ in common:
            continue  # "Groups", "Navy", "Sheriff": the text also writes the word in lower case
        _split_name(c)
        out.append(c)
    return _confirm_headlines(out)


def _lowercase_words(sdoc: Doc) -> set[str]:
    """Words the text writes in lower case somewhere (so a capitalised use is likely not a name)."""
    from spacy.attrs import IS_LOWER, LOWER

    if len(sdoc) == 0:
        return set()
    arr = sdoc.to_array([LOWER, IS_LOWER])
    strings = sdoc.vocab.strings
    return {strings[int(h)] for h in set(arr[arr[:, 1] == 1, 0].tolist())}


def _actor_modifiers(sdoc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'a Houthi commander', 'Shabaab fighters': a dictionary modifier before a common noun is the actor,
    also when NER joined a nationality to it ("Yemeni Houthi leader")."""
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
            continue  # "Houthi said", "Abdul-Malik al-Houthi": a person; only "Houthi commander" is the group
        if any(c.start <= i < c.end and (c.dict_id or (c.end - c.start > 1 and not _demonym_prefix(sdoc, c, i)))
               for c in cands):
            continue
        dict_id = mods[tok.text]
        cands = [c for c in cands if not (c.start <= i < c.end)]
        cands.append(Candidate(i, i + 1, tok.idx, tok.idx + len(tok.text), tok.text, "ORG", "ruler", dict_id=dict_id,
                               kind=lexicon.actor_by_id()[dict_id].kind))
    return sorted(cands, key=lambda c: c.start)


def _demonym_prefix(sdoc: Doc, c: Candidate, i: int) -> bool:
    """NER's 'Yemeni Houthi' in "Yemeni Houthi leader X": the span ends on the modifier at ``i`` and all before
    it are nationality adjectives, so it says whose the actor is and names no new one."""
    dem = lexicon.demonyms()
    return c.end == i + 1 and all(t.text in dem for t in sdoc[c.start:i])


def _join_split_names(sdoc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'Hassan' + 'Sheikh Mohamud': an honorific inside a name must not cut it in two."""
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: c.start):
        prev = out[-1] if out else None
        if (prev is not None and prev.label == "PERSON" and c.label == "PERSON" and c.source == "ruler"
                and not c.dict_id and prev.end == c.start and sdoc[prev.end - 1].whitespace_ == " "):
            joined = make(sdoc, prev.start, c.end, "PERSON", prev.source)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(c)
    return out


def _noun_run(sdoc: Doc, i: int, nouns: frozenset[str], occupied: set[int]) -> int:
    """How many tokens from ``i`` form one of ``nouns`` ("security forces" = 2, "forces" = 1, else 0)."""
    for n in (2, 1):
        if i + n <= len(sdoc) and not any(k in occupied for k in range(i, i + n)):
            if " ".join(t.lower_ for t in sdoc[i:i + n]) in nouns:
                return n
    return 0


_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative"}


_GOVERNMENT_NOUNS = {"government", "regime", "authorities", "administration", "leadership"}


def _shared_agent_noun(sdoc: Doc, c: Candidate, cands: list[Candidate], desc: lexicon.Descriptors,
                       occupied: set[int]) -> bool:
    """'French and Egyptian warships': a demonym coordinated with another that takes a state noun."""
    i = c.end
    if i + 1 < len(sdoc) and sdoc[i].lower_ in ("and", "or", ","):
        nxt = next((o for o in cands if o.start == i + 1 and o.label == "NORP"), None)
        if nxt is not None and places.country(nxt.text) is not None:
            return _noun_run(sdoc, nxt.end, desc.state_agent_nouns, occupied - set(range(nxt.start, nxt.end))) > 0
    return False


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
                ext = make(sdoc, c.start, c.end + n, "ORG", c.source, dict_id=c.dict_id, kind=c.kind)
                if ext is not None:
                    out.append(ext)
                    continue
        else:
            ctry = places.country(c.text)
            cap = places.capital_of(c.text) if c.label == "GPE" and ctry is None else None
            if cap is not None and c.end < len(sdoc) and sdoc[c.end].lower_ in _GOVERNMENT_NOUNS:
                ext = make(sdoc, c.start, c.end + 1, "GPE", "pattern", kind="country", country_of=cap.name)
                if ext is not None:  # "the Khartoum government" is Sudan's government
                    out.append(ext)
                    continue
            n = _noun_run(sdoc, c.end, desc.state_agent_nouns, occupied) if ctry is not None else 0
            gap = 0
            if ctry is not None and not n and c.end + 1 < len(sdoc) and sdoc[c.end].is_lower and \
                    sdoc[c.end].pos_ in ("ADJ", "NOUN", "VERB") and c.end not in occupied and \
                    not is_finite_verb(sdoc[c.end]):  # "Turkey shared intelligence": a clause, not a noun phrase
                gap = 1  # "Bangladeshi peacekeeping troops"
                n = _noun_run(sdoc, c.end + 1, desc.state_agent_nouns, occupied)
            if ctry is not None and not n and c.label == "NORP":
                shared = _shared_agent_noun(sdoc, c, cands, desc, occupied)
                if shared:  # "French and Egyptian warships": each demonym is its state
                    c.label, c.kind, c.country_of = "GPE", "country", ctry.name
                    out.append(c)
                    continue
            if ctry is not None and n:
                n += gap
                if former and sdoc[c.end].lower_ in ("government", "regime", "administration"):
                    ext = make(sdoc, c.start - 1, c.end + n, "ORG", "pattern", kind="government")
                else:
                    ext = make(sdoc, c.start, c.end + n, "GPE", "pattern", kind="country", country_of=ctry.name)
                if ext is not None:
                    out.append(ext)
                    continue
            if c.label == "ORG" and ctry is None and c.end - c.start > 1 and \
                    (head := places.country(sdoc[c.start].text)) is not None and \
                    " ".join(t.lower_ for t in sdoc[c.start + 1:c.end]) in desc.state_agent_nouns:
                c.label, c.kind, c.country_of = "GPE", "country", head.name  # "Iraqi Government" as one NER span
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
    """Named agreements: capitalised name + agreement noun ("Minsk Accord", "Juba agreement")."""
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
            c = make(sdoc, start, tok.i + 1, "AGREEMENT", "pattern")
            if c is not None:
                out.append(c)
                names.add(fold(sdoc[start:name_toks.stop].text))
    for start, end, name_end in possessive:
        if fold(sdoc[start:name_end].text) in names:  # "Minsk's agreement" once "Minsk Agreement" is named
            c = make(sdoc, start, end, "AGREEMENT", "pattern")
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
    if all(c.in_headline for c in cands):
        return cands  # a title-case text with no body (a bare headline) is all we have
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


def _acronym_branches(sdoc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'IS-Somalia', 'AQ-Yemen': an armed group's dictionary name hyphenated to a place names a branch of it
    ("NATO-Afghanistan talks" name no branch: only armed groups have provinces and affiliates).

    The branch is an organisation of the parent's kind, kept apart from the parent (it has no dictionary id).
    """
    out: list[Candidate] = []
    skip: set[int] = set()
    by_start = {c.start: k for k, c in enumerate(cands)}
    for k, c in enumerate(cands):
        if k in skip:
            continue
        j = by_start.get(c.end + 1)
        if not (c.dict_id and c.label == "ORG" and c.kind == "armed_group" and c.end + 1 < len(sdoc) and sdoc[c.end].text in ("-", "\u2010", "\u2011")
                and not sdoc[c.end - 1].whitespace_ and not sdoc[c.end].whitespace_):
            out.append(c)
            continue
        end = None
        if j is not None and cands[j].label in ("GPE", "LOC") and not cands[j].dict_id:
            end = cands[j].end
        elif j is None and sdoc[c.end + 1].is_title and places.country(sdoc[c.end + 1].text, demonym=False):
            end = c.end + 2  # "IS-Mozambique": the country NER did not tag inside the compound
        if end is not None:
            branch = make(sdoc, c.start, end, "ORG", "pattern", kind=c.kind)
            if branch is not None:
                out.append(branch)
                if j is not None:
                    skip.add(j)
                continue
        out.append(c)
    return out
