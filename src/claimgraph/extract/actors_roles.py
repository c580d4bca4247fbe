"""Role descriptions and descriptor coreference.

A document tells us who holds which role in three ways, all read from the parse:

* premodifier:  "Taliban Defence Minister Sergei Shoigu", "TTP leader Sheikh Ahmad Umar"
* apposition:   "Abubakar Shekau, the Taliban's interior minister, ..."
* copula:       "Shekau was the deputy of Sheikh Hassan"

Each becomes a :class:`RoleStatement` (person, role, organisation, span) and a
``Description`` on the person. A later descriptor without a name ("the Taliban's
interior minister promised ...") is resolved to the one person the document
says holds that (organisation, role); it becomes a mention (label DESCRIPTOR,
source coref) over the role words, so ``ctx.entity_at`` on the phrase returns
the person while the possessor ("Taliban") still maps to the group. When two
people hold the same role, the descriptor stays unresolved.

:func:`role_statements` is public so the relation stage can turn statements
into leader_of / deputy_of / member_of claims without re-parsing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimgraph.extract import actors_places as places
from claimgraph.model import Description, Entity, Mention
from claimgraph.nlp import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_KEEP_CHILD_DEPS = {"det", "poss", "amod", "compound", "nmod", "case", "nummod"}


@dataclass(frozen=True)
class RoleStatement:
    """'<person> is <role> of <organisation>' as the text states it."""

    person: str  # entity id
    role: str  # normalised role phrase, e.g. "interior minister"
    relation: str  # leader_of | deputy_of | member_of
    org: str | None  # entity id of the organisation/person the role is relative to
    span: tuple[int, int]  # the description text
    text: str
    form: str  # premodifier | apposition | copula | coreference
    former: bool = False


def _role_at(tokens: list[Token]) -> tuple[str, int] | None:
    """The longest role phrase ending at the last of ``tokens``: (role, number of tokens)."""
    desc = lexicon.descriptors()
    words = [t.lower_ if t.lower_ in desc.role_words else "" for t in tokens]
    for n in range(min(desc.max_role_len, len(words)), 0, -1):
        tail = words[-n:]
        if all(tail):
            phrase = " ".join(tail)
            if phrase in desc.roles:
                return phrase, n
            lemma = " ".join([*tail[:-1], tokens[-1].lemma_.lower()])
            if lemma in desc.roles:
                return lemma, n
    return None


def _token_indices(sdoc: Doc, words: frozenset[str]) -> list[int]:
    """Indices of tokens whose lower-case form is in ``words`` (vectorised: no Python loop over the doc)."""
    import numpy as np
    from spacy.attrs import LOWER

    if len(sdoc) == 0:
        return []
    hashes = np.array([sdoc.vocab.strings.add(w) for w in words], dtype="uint64")
    lowers = sdoc.to_array([LOWER]).reshape(-1).astype("uint64")
    return [int(i) for i in np.nonzero(np.isin(lowers, hashes))[0]]


def _mention_index(mentions: list[Mention], sdoc: Doc) -> dict[int, Mention]:
    """Token index -> the name mention covering it."""
    out: dict[int, Mention] = {}
    for m in mentions:
        if m.label == "DESCRIPTOR":
            continue
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            out[t.i] = m
    return out


def role_statements(sdoc: Doc, mentions: list[Mention], entities: dict[str, Entity]) -> list[RoleStatement]:
    """Every role the text attaches to a named person (no coreference here)."""
    at = _mention_index(mentions, sdoc)
    out: list[RoleStatement] = []
    seen: set[tuple[str, tuple[int, int]]] = set()

    def person_at(i: int) -> Mention | None:
        m = at.get(i)
        if m is not None and m.entity_id and entities.get(m.entity_id) and entities[m.entity_id].type == "Person":
            return m
        return None

    def add(st: RoleStatement | None) -> None:
        if st is not None and (st.person, st.span) not in seen:
            seen.add((st.person, st.span))
            out.append(st)

    for m in mentions:
        if m.label == "DESCRIPTOR" or not m.entity_id or entities[m.entity_id].type != "Person":
            continue
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        add(_premodifier(sdoc, span.start, m, at, entities))
        root = span.root
        if root.dep_ == "appos" and not (span.start <= root.head.i < span.end):
            add(_phrase(sdoc, root.head, m.entity_id, at, "apposition"))  # "its spokesman, Yahya Saree"
        for tok in sdoc[span.start:span.end]:
            for child in tok.children:
                if child.dep_ == "appos" and not (span.start <= child.i < span.end):
                    add(_phrase(sdoc, child, m.entity_id, at, "apposition"))
    for tok in sdoc:
        if tok.dep_ == "attr" and tok.head.lemma_ in ("be", "become", "remain"):
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and (pm := person_at(subj.i)) is not None and pm.entity_id:
                add(_phrase(sdoc, tok, pm.entity_id, at, "copula"))
    return out


def _premodifier(sdoc: Doc, start: int, m: Mention, at: dict[int, Mention],
                 entities: dict[str, Entity]) -> RoleStatement | None:
    """'TTP leader Sheikh Ahmad Umar', 'UN Secretary-General Antonio Guterres', 'Army chief General Asim Munir'."""
    desc = lexicon.descriptors()
    j = start - 1
    while j >= 0 and j not in at and (sdoc[j].lower_ in desc.role_words or
                                      (sdoc[j].text == "-" and j > 0 and sdoc[j - 1].lower_ in desc.role_words)):
        j -= 1
    role_toks = [t for t in sdoc[j + 1:start] if t.text != "-"]
    if not role_toks:
        return None
    found = _role_at(role_toks)
    # a rank right before the name is a title when a role precedes it: "Army chief General Asim Munir"
    if found is not None and len(role_toks) > found[1] and found[1] == 1 and role_toks[-1].text[:1].isupper():
        inner = _role_at(role_toks[:-1])
        if inner is not None:
            found = inner
    if found is None:
        return None
    role, _n = found
    org: str | None = None
    first = j + 1
    if j >= 2 and sdoc[j].text == ")" and sdoc[j - 2].text == "(":  # "Syrian Democratic Forces (SDF) commander"
        j -= 3
    if j >= 1 and sdoc[j].text in ("'s", "\u2019s") and at.get(j - 1) is not None:
        j -= 1  # "Pakistan's Interior Minister Mohsin Naqvi"
    if j >= 0 and (om := at.get(j)) is not None and om.entity_id != m.entity_id:
        org = om.entity_id
        span = sdoc.char_span(om.start, om.end, alignment_mode="expand")
        first = span.start if span is not None else j
        j = first - 1
    elif j >= 0 and sdoc[j].text in lexicon.demonyms():  # "Pakistani Defence Minister"
        country = places.country(sdoc[j].text)
        org = next((e.id for e in entities.values() if country and e.name == country.name), None)
        first, j = j, j - 1
    elif j >= 0 and sdoc[j].dep_ == "compound" and sdoc[j].text[:1].isupper() and sdoc[j].pos_ in ("PROPN", "NOUN"):
        first, j = j, j - 1  # "Army chief": an unnamed body, kept in the text only
    former = False
    while j >= 0 and sdoc[j].lower_ in desc.role_modifiers:
        former = former or sdoc[j].lower_ in ("former", "late", "slain")
        first, j = j, j - 1
    text_span = sdoc[first:start]
    if text_span.text.lower().split()[0] in ("the", "a", "an"):
        return None
    return RoleStatement(m.entity_id or "", role, desc.roles[role], org, (text_span.start_char, text_span.end_char),
                         text_span.text, "premodifier", former)


def _phrase(sdoc: Doc, head: Token, person: str, at: dict[int, Mention], form: str) -> RoleStatement | None:
    """A role noun phrase headed by ``head``: its role words, possessor or "of" object, trimmed of other PPs."""
    desc = lexicon.descriptors()
    left = [c for c in head.lefts if c.dep_ in _KEEP_CHILD_DEPS or c.dep_ == "poss"]
    role_toks = [t for t in sdoc[(min([c.i for c in left if c.dep_ in ("compound", "amod")], default=head.i)):head.i + 1]]
    found = _role_at(role_toks)
    if found is None:
        return None
    role, _ = found
    org: str | None = None
    start = min([c.left_edge.i for c in left], default=head.i)
    end = head.i + 1
    for c in left:
        if c.dep_ == "poss":
            org = _entity_in(c, at)
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                org = org or _entity_in(pobj, at)
                end = max(end, _core_end(pobj))
    if org is None:
        for c in left:
            if c.dep_ in ("compound", "nmod") and (om := at.get(c.i)) is not None and om.entity_id != person:
                org = om.entity_id
    if org == person:
        return None
    span = sdoc[start:end]
    former = any(t.lower_ in ("former", "late", "slain") for t in span)
    return RoleStatement(person, role, desc.roles[role], org, (span.start_char, span.end_char), span.text, form, former)


def _core_end(token: Token) -> int:
    """End of a noun phrase without its appositions, relative clauses and trailing punctuation."""
    end = token.i + 1
    for c in token.rights:
        if c.dep_ in ("appos", "relcl", "punct", "acl", "cc", "conj"):
            break
        end = max(end, _core_end(c) if c.dep_ in ("prep", "pobj", "compound", "flat") else c.i + 1)
    return end


def _entity_in(token: Token, at: dict[int, Mention]) -> str | None:
    for t in token.subtree:
        m = at.get(t.i)
        if m is not None and m.entity_id:
            return m.entity_id
    return None


def attach_roles(sdoc: Doc, mentions: list[Mention], entities: dict[str, Entity]) -> list[Mention]:
    """Add descriptions to persons and return new mentions for resolved name-less descriptors."""
    ranks = {h.term for h in lexicon.honorifics() if h.kind in ("military", "civil")}
    statements = []
    for st in role_statements(sdoc, mentions, entities):
        if st.form == "premodifier" and st.text in ranks:  # "Lieutenant General Ahmed Sharif Chaudhry": a title
            if st.text not in entities[st.person].titles:
                entities[st.person].titles.append(st.text)
            continue
        statements.append(st)
    for st in statements:
        person = entities[st.person]
        if all(d.span != st.span for d in person.descriptions):
            person.descriptions.append(Description(st.text, st.span))
    return _coreference(sdoc, mentions, entities, statements)


def _coreference(sdoc: Doc, mentions: list[Mention], entities: dict[str, Entity],
                 statements: list[RoleStatement]) -> list[Mention]:
    holders: dict[tuple[str | None, str, bool], set[str]] = {}
    for st in statements:
        holders.setdefault((st.org, st.role, st.former), set()).add(st.person)
        holders.setdefault((None, st.role, st.former), set()).add(st.person)
    if not holders:
        return []
    at = _mention_index(mentions, sdoc)
    described = {i for st in statements for i in range(st.span[0], st.span[1])}
    out: list[Mention] = []
    for i in _token_indices(sdoc, lexicon.descriptors().role_words):
        tok = sdoc[i]
        if tok.i in at or tok.idx in described or tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS"):
            continue
        found = _role_at(list(sdoc[max(0, tok.i - 3):tok.i + 1]))
        if found is None:
            continue
        # only the head noun of the role phrase ("minister" in "interior minister")
        if tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].lower_ in lexicon.descriptors().role_words and \
                sdoc[tok.i + 1].pos_ == "NOUN":
            continue
        desc_st = _phrase(sdoc, tok, "", at, "coreference")
        if desc_st is None:
            continue
        definite = any(c.dep_ == "poss" or c.lower_ == "the" for c in tok.lefts)
        if not definite:
            continue
        people = holders.get((desc_st.org, desc_st.role, desc_st.former)) or set()
        if len(people) != 1:
            continue
        person = next(iter(people))
        role_start = tok.i - (found[1] - 1)
        head_span = sdoc[role_start:tok.i + 1]
        out.append(Mention(head_span.start_char, head_span.end_char, head_span.text, "DESCRIPTOR", person, "coref"))
        ent = entities[person]
        if all(d.span != desc_st.span for d in ent.descriptions):
            ent.descriptions.append(Description(desc_st.text, desc_st.span))
    return out
