"""Entity stage: who and where, with every surface form and span.

``find_entities(ctx)`` fills ``ctx.mentions`` (every name and resolved
descriptor in the text, each linked to its entity) and ``ctx.entities``
(one record per real-world actor, place or agreement in this document):

1. :mod:`claimgraph.extract.actors_mentions` finds candidates (NER + the actor rulers of
   :mod:`claimgraph.nlp` + toponyms + agreements), repairs labels and spans
   (:mod:`claimgraph.extract.actors_placenames` for places), drops junk;
2. :mod:`claimgraph.resolve.cluster` merges candidates into entities with recorded
   reasons (dictionary, acronym, honorific, partial name, spelling, country, ...;
   logged at DEBUG level on ``claimgraph.extract.entities`` and, except the self-evident
   ones, kept on the entity as ``external_ids["alias_rules"]``);
3. :mod:`claimgraph.extract.actors_roles` attaches role descriptions
   ("the Taliban's interior minister") and resolves descriptor-only mentions to
   the person the document says holds that role.

Later stages map text to entities with ``ctx.entity_at(start, end)``.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from typing import TYPE_CHECKING

from claimgraph.extract import actors_mentions, actors_roles
from claimgraph.extract.actors_candidates import Candidate
from claimgraph.extract.context import DocContext
from claimgraph.model import Entity, Mention, stable_id
from claimgraph.nlp import lexicon
from claimgraph.resolve.cluster import Item, cluster, dictionary_index
from claimgraph.resolve.names import fold, same_word

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

_KIND_PRIORITY = ("country", "province", "district", "city", "town", "neighbourhood", "area")


def find_entities(ctx: DocContext) -> None:
    from claimgraph.geo.geoparse import find_toponyms, rejected_ner_places
    from claimgraph.geo.toponyms import toponym_spans

    sdoc = ctx.sdoc
    # the one toponym finder (what `claimgraph eval geo` measures), computed once per document
    toponyms = list(toponym_spans(sdoc, ctx.gazetteer))
    rejected = rejected_ner_places(sdoc, ctx.gazetteer)
    found = find_toponyms(sdoc, ctx.gazetteer, spans=toponyms, rejected=rejected)
    ctx.toponym_spans = toponyms
    cands = actors_mentions.collect(sdoc, ctx.gazetteer, toponyms, found=found, rejected=rejected)
    items = [_item(sdoc, c, cands) for c in cands]
    _retype_person_orgs(cands, items)
    extra = _propagate_person_names(sdoc, cands, items)
    cands += extra
    items += [_item(sdoc, c, cands) for c in extra]
    _link_acronyms(sdoc, cands, items)
    _link_aka(ctx.document.text, cands, items)
    groups, decisions = cluster(items)
    if log.isEnabledFor(logging.DEBUG):
        for d in decisions:
            log.debug("%s %r ~ %r (%s)", "merge" if d.same else "keep apart", cands[d.a].text, cands[d.b].text, d.rule)

    entities: list[Entity] = []
    entity_of: dict[int, Entity] = {}
    used: set[str] = set()
    # "X, also known as Y": X names the entity, wherever Y recurs
    stated = {fold(cands[i].name) for i, it in enumerate(items) if it.alias_of is not None}
    for group in groups:
        named = [cands[i] for i in group if fold(cands[i].name) not in stated]
        entity = _build_entity(ctx.document.id, [cands[i] for i in group], named)
        if entity.id in used:  # two clusters kept apart with one name (an ambiguous "Shekau"): keep ids distinct
            entity.id = stable_id("ent_", ctx.document.id, entity.type, entity.name, entity.mentions[0])
        used.add(entity.id)
        entities.append(entity)
        for i in group:
            entity_of[i] = entity

    _record_decisions(decisions, cands, entity_of)
    mentions = [
        Mention(c.start_char, c.end_char, c.text, c.label if c.label != "MISC" else "ORG", entity_of[i].id, c.source)
        for i, c in enumerate(cands)
    ]
    by_id = {e.id: e for e in entities}
    mentions += actors_roles.attach_roles(sdoc, mentions, by_id)
    mentions.sort(key=lambda m: (m.start, -m.end))
    for e in entities:
        e.mentions = sorted({m.span for m in mentions if m.entity_id == e.id})
    ctx.mentions.extend(mentions)
    ctx.entities.extend(entities)


#: merges that explain themselves (one dictionary entry, one name written twice) are not recorded
_SELF_EVIDENT = frozenset({"dictionary", "same-name"})


def _record_decisions(decisions: list, cands: list[Candidate], entity_of: dict[int, Entity]) -> None:
    """Why forms were merged (or kept apart), on the entity: ``external_ids["alias_rules"]``, e.g.
    "stated-alias: al-Rufay'i ~ Abu Khadija; partial-name: Mumin ~ Abdul Qadir Mumin". The store keeps
    ``external_ids``, so the reasons survive saving; self-evident merges are left out."""
    notes: dict[str, list[str]] = {}
    for d in decisions:
        if d.rule in _SELF_EVIDENT:
            continue
        a, b = cands[d.a].text, cands[d.b].text
        note = f"{d.rule}: {a} ~ {b}" if d.same else f"kept apart ({d.rule}): {a} / {b}"
        ent = entity_of[d.a]
        if a != b and note not in notes.setdefault(ent.id, []):
            notes[ent.id].append(note)
    for ent in {id(e): e for e in entity_of.values()}.values():
        if notes.get(ent.id):
            ent.external_ids["alias_rules"] = "; ".join(notes[ent.id])


def _item(sdoc: Doc, c: Candidate, cands: list[Candidate]) -> Item:
    etype = c.etype
    dict_id = c.dict_id
    if dict_id is None and etype == "Organization":
        dict_id = dictionary_index().get(fold(c.name))
        if dict_id:
            c.dict_id = dict_id
            c.kind = c.kind or lexicon.actor_by_id()[dict_id].kind
    key = fold(c.name)
    if c.country_of:
        key = fold(c.country_of) + "|"
    elif etype == "Location":
        words = c.name.split()
        suffix = c.admin_suffix or ""
        if suffix and words and words[-1].lower() == suffix:
            key = fold(" ".join(words[:-1]))
        key = f"{key}|{_norm_suffix(suffix)}"
    elif etype == "Agreement":
        words = [w for w in c.name.split() if w.lower() not in lexicon.descriptors().agreement_nouns]
        key = fold(" ".join(words))
    return Item(
        etype=etype,
        name=c.name,
        key=key,
        dict_id=dict_id,
        country_of=c.country_of,
        bare_province=(etype == "Location" and not c.admin_suffix and c.listed_kind == "province"),
    )


def _retype_person_orgs(cands: list[Candidate], items: list[Item]) -> None:
    """NER's ORG "al-Baghdadi" (or GPE "Nasrallah") is the person when the name is a person's name here."""
    person_words: dict[str, int] = {}
    person_keys = {it.key for it in items if it.etype == "Person"}
    single = {k for k in person_keys if k and " " not in k}
    for it in items:
        if it.etype == "Person":
            words = it.key.split()
            for w in {words[0], words[-1]} if words else set():
                person_words[w] = person_words.get(w, 0) + 1
    for c, it in zip(cands, items):
        if it.etype == "Organization" and not it.dict_id and c.source == "ner":
            words = it.key.split()
            if it.key in person_keys or person_words.get(it.key) == 1 or (len(words) > 1 and words[-1] in single):
                it.etype = "Person"
                c.label = "PERSON"
        elif (it.etype == "Location" and c.source == "ner" and not c.kind and not c.country_of and " " not in c.name
              and person_words.get(fold(c.name)) == 1):
            it.etype, it.key = "Person", fold(c.name)  # "Nasrallah" tagged GPE where a person of that name is named
            c.label = "PERSON"


def _propagate_person_names(sdoc: Doc, cands: list[Candidate], items: list[Item]) -> list[Candidate]:
    """A person's name word the NER missed elsewhere ("Umar denied ...") is a mention too.

    Only isolated capitalised proper nouns (not part of a longer name) that match the
    first or last word of a person named in this document, spelling-tolerant.
    """
    words: set[str] = set()
    for it in items:
        if it.etype == "Person":
            ws = it.key.split()
            if ws:
                words.update({ws[0], ws[-1]} if len(ws) > 1 else {ws[0]})
    if not words:
        return []
    import numpy as np
    from spacy.attrs import IS_TITLE, POS
    from spacy.symbols import PROPN

    covered = {i for c in cands for i in range(c.start, c.end)}
    out: list[Candidate] = []
    if len(sdoc) == 0:
        return out
    arr = sdoc.to_array([POS, IS_TITLE])
    for i in np.nonzero((arr[:, 0] == PROPN) & (arr[:, 1] == 1))[0]:
        tok = sdoc[int(i)]
        if tok.i in covered or len(tok) < 3:
            continue
        prev = sdoc[tok.i - 1] if tok.i > 0 else None
        nxt = sdoc[tok.i + 1] if tok.i + 1 < len(sdoc) else None
        if (prev is not None and prev.is_title and prev.pos_ == "PROPN" and not prev.is_sent_start) or \
                (nxt is not None and nxt.is_title and nxt.pos_ == "PROPN"):
            continue
        key = fold(tok.text)
        if not key or " " in key:
            continue
        if not (key in words if len(tok) < 4 else any(same_word(key, w) for w in words)):
            continue  # short words must match exactly ("Nur"), longer ones may differ in spelling
        c = Candidate(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text, "PERSON", "pattern", name=tok.text)
        out.append(c)
    return out


def _norm_suffix(suffix: str) -> str:
    return lexicon.descriptors().admin_suffixes.get(suffix, suffix) if suffix else ""


def _link_acronyms(sdoc: Doc, cands: list[Candidate], items: list[Item]) -> None:
    """'Tehreek-e-Taliban Pakistan (TTP)': the parenthesised form is the preceding name's acronym."""
    by_start = {c.start: i for i, c in enumerate(cands)}
    typed: dict[str, tuple[str, str]] = {}
    for i, c in enumerate(cands):
        if c.end + 2 < len(sdoc) and sdoc[c.end].text == "(" and sdoc[c.end + 2].text == ")":
            j = by_start.get(c.end + 1)
            inner = sdoc[c.end + 1]
            if j is None and inner.is_upper and len(inner) >= 2:
                continue
            if j is not None and _looks_like_acronym(cands[j].text) and _initials_fit(cands[j].text, c.name):
                items[j].acronym_of = i
                items[j].etype = items[i].etype
                items[j].key = fold(cands[j].name)
                typed[cands[j].text] = (items[i].etype, cands[i].label)
    # one sense per document: the acronym means the same elsewhere ("The MoD said ...")
    for c, it in zip(cands, items):
        if c.text in typed and it.acronym_of is None and not it.dict_id:
            it.etype, c.label = typed[c.text]
            it.key = fold(c.name)


_AKA = re.compile(
    r"^\s*[,(]?\s*(?:alias|(?:also|better|popularly|widely|formerly|previously)?\s*known\s+(?:by\s+the\s+name\s+|as)|"
    r"aka|a\.k\.a\.?|also\s+called|nicknamed|(?:by\s+)?(?:his|her|the)?\s*nom\s+de\s+guerre|"
    r"whose\s+(?:real\s+name|nom\s+de\s+guerre|alias|kunya|nickname)\s+is|real\s+name)"
    r"\s*[,:]?\s*[\"'\u201c\u2018]?\s*$",
    re.IGNORECASE,
)


def _link_aka(text: str, cands: list[Candidate], items: list[Item]) -> None:
    """'Nestor Gregorio Vera, alias Ivan Mordisco', 'HTS, formerly known as Jabhat al-Nusra': one actor."""
    ordered = sorted(range(len(cands)), key=lambda k: cands[k].start_char)
    for a, b in zip(ordered, ordered[1:]):
        gap = text[cands[a].end_char:cands[b].start_char]
        if len(gap) <= 40 and _AKA.match(gap):
            if items[a].etype != items[b].etype and not items[b].dict_id:
                items[b].etype = items[a].etype
                cands[b].label = cands[a].label
            items[b].alias_of = a


def _looks_like_acronym(text: str) -> bool:
    """"TTP", "MoD", "LeT", "ISIS-K": short, no spaces, mostly capitals."""
    letters = [ch for ch in text if ch.isalpha()]
    upper = sum(1 for ch in letters if ch.isupper())
    return 2 <= len(text) <= 10 and " " not in text and upper >= 2 and upper * 2 >= len(letters)


def _initials_fit(acronym: str, name: str) -> bool:
    """Loose check that an acronym abbreviates a name: its letters appear, in order, as word initials
    ("TTP"), or as a syllabic abbreviation starting at a word ("AFRICOM" in "... Africa Command")."""
    letters = [ch for ch in acronym.upper() if ch.isalpha()]
    words = [w for w in name.replace("-", " ").split() if w]
    it = iter("".join(w[0] for w in words).upper())
    if all(ch in it for ch in letters):
        return True
    for k, w in enumerate(words):
        if letters and w[0].upper() == letters[0]:
            rest = iter(" ".join(words[k:]).upper())
            if all(ch in rest for ch in letters):
                return True
    return False


def _build_entity(doc_id: str, group: list[Candidate], named: list[Candidate] | None = None) -> Entity:
    etype = Counter(c.etype for c in group).most_common(1)[0][0]
    dict_ids = [c.dict_id for c in group if c.dict_id]
    actor = lexicon.actor_by_id()[dict_ids[0]] if dict_ids else None
    country = next((c.country_of for c in group if c.country_of), None)
    if actor is not None:
        name = actor.name
    elif country is not None:
        name = country
    else:
        pool = [c for c in (named or group) if not c.country_of and c.etype == etype] or \
            [c for c in group if not c.country_of] or group
        name = _canonical_name(etype, pool)
    aliases: list[str] = []
    for c in group:
        if c.text not in aliases:
            aliases.append(c.text)
    titles: list[str] = []
    for c in group:
        for t in c.titles:
            if t not in titles:
                titles.append(t)
    kinds = [c.kind for c in group if c.kind]
    if actor is not None:
        kind: str | None = actor.kind
    elif kinds:
        kind = sorted(kinds, key=lambda k: _KIND_PRIORITY.index(k) if k in _KIND_PRIORITY else 99)[0]
    elif etype == "Organization":
        kind = _org_kind(name)
    else:
        kind = None
    ident = f"dict:{actor.id}" if actor else fold(name)
    entity = Entity(
        id=stable_id("ent_", doc_id, etype, ident),
        type=etype,
        name=name,
        aliases=aliases,
        mentions=sorted({(c.start_char, c.end_char) for c in group}),
        kind=kind,
        titles=titles,
        external_ids={"dictionary": actor.id} if actor else {},
    )
    return entity


def _org_kind(name: str) -> str | None:
    """Kind of an organisation outside the dictionary from words of its name ("... Shura" -> armed_group)."""
    words = lexicon.descriptors().org_kind_words
    for w in name.lower().replace("-", " ").split():
        if w in words:
            return words[w]
    return None


def _canonical_name(etype: str, group: list[Candidate]) -> str:
    """The fullest form: the longest title-free name; places get a capitalised admin noun."""
    names = [c.name for c in group if c.name]
    if not names:
        return group[0].text
    if etype == "Location":
        best = max(names, key=lambda n: (len(n.split()), sum(1 for c in group if c.name == n), n[0].isupper()))
        words = best.split()
        if len(words) > 1 and words[-1].lower() in lexicon.descriptors().admin_suffixes:
            words[-1] = words[-1].capitalize()
        return " ".join(words)
    if etype == "Agreement":
        titled = [n for n in names if n.split()[-1][:1].isupper() and "'" not in n]
        pool = titled or names
        return max(pool, key=lambda n: (sum(1 for c in group if c.name == n), len(n)))
    return max(names, key=lambda n: (len(n.split()), len(n)))
