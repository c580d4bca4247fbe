"""Unnamed collective actors: "the police", "Afghan rebels", "security forces", "protesters".

News reports most of their events between actors that have no name: the police, the army,
protesters, "Palestinian officials". The entity stage finds *named* actors only, so this stage
adds, right after it, one :class:`~claimgraph.model.Entity` of type ``Group`` per distinct
noun phrase headed by an agent noun of ``data/agents.yaml`` (with its CAMEO/PLOVER sector code):

- the phrase is its left modifiers and head as written, without determiner, numbers or
  possessive pronouns ("the two Afghan rebels" → "Afghan rebels"); a modifier that a named
  mention covers stays out of the span (the named entity keeps its tokens) but gives the
  group its country ("Pakistan's army" → "army", country PK);
- a demonym modifier gives the country ("Afghan rebels" → AF), so does an "of/in/from"
  place after the head ("the government of Sudan" → "government", SD);
- "rebel leaders", "police officials": a member noun after an agent noun takes its sector;
  an agent noun modifying any other noun is a group of its own ("a police post", "guerrilla camps");
- a head that a named mention covers is not an agent (a named entity wins: "Taliban fighters"
  is the Taliban, and "Israeli police" stays the entity stage's);
- a definite description of a non-state armed group with no country ("the insurgents", "the
  militant group": ``armed_descriptor_sectors``) is a mention of the armed group named just before
  it, when the document has named one and no earlier group has that head;
- a demonym on a thing that is no actor ("an Indian proposal", "Palestinian homes") is a
  nationality group of its own (sector ``demonym_owner_sector``): the thing's author or owner;
- a bare re-mention ("the rebels") joins the one earlier group with the same head, if there
  is exactly one ("Afghan rebels … the rebels"); that may be a named phrase the entity stage
  linked ("Iraqi officials" → Iraq … "the officials": a coreference mention of Iraq).

The claim stages use these groups only where no named entity fills a role (see
:meth:`claimgraph.extract.syntax.Actors.of_np`); nothing here invents an actor, every group
has the spans of its mentions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from claimgraph.data import load_tsv, load_yaml
from claimgraph.model import Entity, Mention, stable_id

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimgraph.extract.context import DocContext

#: mention label of an agent phrase
AGENT_LABEL = "AGENT"
_DROP_DEPS = frozenset({"det", "nummod", "predet", "quantmod", "punct", "case"})
_MOD_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_DROP_WORDS = frozenset({"its", "their", "his", "her", "our", "my", "your", "some", "many", "several", "few",
                         "other", "all", "both", "those", "these", "such", "more", "most", "dozens", "hundreds",
                         "thousands", "of", "the", "a", "an", "'s", "’s"})


@dataclass(frozen=True)
class Lexicon:
    nouns: dict[str, str]
    sectors: dict[str, str]
    members: frozenset[str]
    instruments: frozenset[str]
    quantities: frozenset[str]
    demonym_plural_sector: str
    demonym_owner_sector: str
    armed_sectors: frozenset[str]
    country_only: frozenset[str]
    demonyms: dict[str, str]
    country_names: dict[str, str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_yaml("agents.yaml")
    demonyms = {r["demonym"].lower(): r["target"] for r in load_tsv("geo_demonyms.tsv")
                if len(r.get("target", "")) == 2}
    names = {r["alias"].lower(): r["target"] for r in load_tsv("geo_aliases.tsv") if len(r.get("target", "")) == 2}
    return Lexicon(
        nouns={str(k).lower(): str(v).upper() for k, v in data["nouns"].items()},
        sectors={str(k).upper(): str(v) for k, v in data["sectors"].items()},
        members=frozenset(w.lower() for w in data["members"]),
        instruments=frozenset(w.lower() for w in data.get("instruments") or ()),
        quantities=frozenset(w.lower() for w in data.get("quantities") or ()),
        demonym_plural_sector=str(data.get("demonym_plural_sector") or "CVL"),
        demonym_owner_sector=str(data.get("demonym_owner_sector") or "NAT"),
        armed_sectors=frozenset(str(s).upper() for s in data.get("armed_descriptor_sectors") or ()),
        country_only=frozenset(str(w).lower() for w in data.get("country_only") or ()),
        demonyms=demonyms,
        country_names=names,
    )


def sector_of_word(tok: Token) -> str | None:
    """The sector code of an agent noun token (by lemma, then as written), else None."""
    nouns = lexicon().nouns
    low = tok.lower_
    return nouns.get(tok.lemma_.lower()) or nouns.get(low) or (nouns.get(low[:-1]) if low.endswith("s") else None)


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 of a country name or demonym, from the packaged tables and ISO 3166."""
    lex = lexicon()
    low = name.strip().lower()
    if low in lex.demonyms:
        return lex.demonyms[low]
    if low in lex.country_names:
        return lex.country_names[low]
    try:
        import pycountry

        return str(pycountry.countries.lookup(name.strip()).alpha_2)
    except (LookupError, ImportError):
        return None


@dataclass
class _Phrase:
    start: int  # token index
    end: int  # token index, exclusive
    head: Token
    sector: str
    country: str | None


def _named_tokens(ctx: DocContext) -> dict[int, str]:
    """token index → entity id, for tokens that an entity-linked mention covers."""
    out: dict[int, str] = {}
    sdoc = ctx.sdoc
    for m in ctx.mentions:
        if not m.entity_id:
            continue
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            out.setdefault(t.i, m.entity_id)
    return out


def _sector(tok: Token) -> str | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    lex = lexicon()
    own = sector_of_word(tok)
    if own and tok.lemma_.lower() in lex.members:
        # "rebel commanders", "police officials": the members take their body's sector
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i:
                s = sector_of_word(c)
                if s:
                    own = s
                    break
    if own:
        # a capitalised head mid-sentence is a name the entity stage did not take ("Army Corps"),
        # except the names of peoples ("Kurds", "Shiites")
        if (tok.pos_ == "PROPN" and not tok.is_sent_start and tok.text[:1].isupper()
                and tok.lower_ not in lex.nouns and own not in ("ETH", "REL")):
            return None
        return own
    low = tok.lower_
    if tok.tag_ in ("NNS", "NNPS") and low.endswith("s") and low[:-1] in lex.demonyms and tok.text[:1].isupper():
        return lex.demonym_plural_sector  # "Iraqis", "Nigerians"
    if tok.lemma_.lower() in lex.instruments:
        # "Israeli helicopters", "army bulldozers": the armed force that uses them
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i:
                s = sector_of_word(c)
                if s:
                    return s
                if c.lower_ in lex.demonyms:
                    return "MIL"
        return None
    if tok.lemma_.lower() in lex.members:
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i:
                s = sector_of_word(c)
                if s:
                    return s
    return None


def _phrase(ctx: DocContext, tok: Token, named: dict[int, str]) -> _Phrase | None:
    if tok.i in named or tok.dep_ == "amod":
        return None
    if tok.dep_ == "compound" and (tok.head.i in named or _sector(tok.head) is not None
                                   or tok.head.lemma_.lower() in lexicon().instruments):
        return None  # "army officers", "army bulldozers": the head's phrase; "police post": the police
    sector = _sector(tok)
    if sector is None:
        return None
    lex = lexicon()
    mods = [c for c in tok.children if c.i < tok.i and c.dep_ in _MOD_DEPS]
    start = min((c.left_edge.i for c in mods), default=tok.i)
    country: str | None = None
    # drop leading determiners/quantifiers, and anything up to the last named token (kept by its entity)
    i = start
    for k in range(start, tok.i):
        t = ctx.sdoc[k]
        if k in named:
            country = country or _country_of_entity(ctx, named[k])
            i = k + 1
        elif t.lower_ in _DROP_WORDS or t.dep_ in _DROP_DEPS or t.like_num:
            if i == k:
                i = k + 1
    start = i
    while start < tok.i and (ctx.sdoc[start].is_punct or ctx.sdoc[start].lower_ in _DROP_WORDS):
        start += 1
    for k in range(start, tok.i + 1):
        low = ctx.sdoc[k].lower_
        if country is None and ctx.sdoc[k].text[:1].isupper():
            country = lex.demonyms.get(low) or (lex.demonyms.get(low[:-1]) if k == tok.i and low.endswith("s") else None)
    if country is None and tok.lemma_.lower() in lex.country_only:
        return None  # "the east side": no party without a country
    if start == tok.i and tok.lemma_.lower() in lex.instruments:
        return None  # "army bulldozers" with the army named: the named entity is the actor
    if country is None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "from"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.i in named:
                        country = _country_of_entity(ctx, named[p.i])
    return _Phrase(start=start, end=tok.i + 1, head=tok, sector=sector, country=country)


def _country_of_entity(ctx: DocContext, entity_id: str) -> str | None:
    e = ctx.entity(entity_id)
    if e is None or e.type != "Location":
        return None
    if e.place is not None and e.place.country and e.kind == "country":
        return e.place.country
    if e.kind not in (None, "country"):
        return None
    return country_code(e.name)


def find_agents(ctx: DocContext) -> None:
    """Add a ``Group`` entity (+ mentions) for every agent noun phrase no named mention covers."""
    named = _named_tokens(ctx)
    sdoc = ctx.sdoc
    text = ctx.document.text
    by_key: dict[tuple[str, str | None], Entity] = {}
    by_head: dict[str, list[Entity]] = {}
    #: head lemma -> entities of earlier named phrases with that agent head ("Iraqi officials" → Iraq)
    named_heads: dict[str, set[str]] = {}
    types = {e.id: e.type for e in ctx.entities}
    lex = lexicon()
    covered: set[int] = set()
    described: dict[str, str] = {}  # armed-group description as written -> the group it referred to
    for tok in sdoc:
        if tok.i in named:
            if (tok.pos_ == "NOUN" and sector_of_word(tok) and types.get(named[tok.i]) in ("Location", "Organization")
                    and (tok.i + 1 >= len(sdoc) or named.get(tok.i + 1) != named[tok.i])):
                named_heads.setdefault(tok.lemma_.lower(), set()).add(named[tok.i])
            continue
        ph = _phrase(ctx, tok, named)
        if ph is None:
            continue
        covered.update(range(ph.start, ph.end))
        s, e = sdoc[ph.start].idx, sdoc[ph.end - 1].idx + len(sdoc[ph.end - 1].text)
        name = text[s:e]
        head = tok.lemma_.lower()
        bare = ph.start == tok.i and ph.country is None
        entity = by_key.get((name.lower(), ph.country))
        if entity is None and bare:
            earlier = {g.id for g in by_head.get(head, [])} | named_heads.get(head, set())
            if len(earlier) == 1:
                (only,) = earlier
                entity = next((g for g in by_head.get(head, []) if g.id == only), None)
                if entity is None:
                    # "Iraqi officials said … The officials also said": the named phrase's entity
                    ctx.mentions.append(Mention(s, e, name, AGENT_LABEL, only, "coref"))
                    continue
        if entity is None and ph.country is None and ph.sector in lex.armed_sectors \
                and not by_head.get(head) and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            # the same description again is the same group, however many groups were named between
            armed = described.get(name.lower()) or _armed_antecedent(ctx, tok)
            if armed is not None:
                described[name.lower()] = armed
                # "the insurgent group denied involvement": the armed group just named
                ctx.mentions.append(Mention(s, e, name, "DESCRIPTOR", armed, "coref"))
                covered.update(range(ph.start, ph.end))
                continue
        if entity is None:
            ext = {"sector": ph.sector}
            if ph.country:
                ext["country"] = ph.country
            entity = Entity(
                id=stable_id("ent_", ctx.document.id, "Group", name.lower(), ph.country or "", (s, e)),
                type="Group",
                name=name,
                kind=lex.sectors.get(ph.sector, ph.sector.lower()),
                external_ids=ext,
            )
            ctx.entities.append(entity)
            by_key[(name.lower(), ph.country)] = entity
            by_head.setdefault(head, []).append(entity)
        if name not in entity.aliases:
            entity.aliases.append(name)
        entity.mentions.append((s, e))
        ctx.mentions.append(Mention(s, e, name, AGENT_LABEL, entity.id, "pattern"))
    _nationality_owners(ctx, named, covered)


def _armed_antecedent(ctx: DocContext, tok: Token) -> str | None:
    """The named non-state armed group (entity kind ``armed_group``) that a definite description at
    ``tok`` refers to: the only one named before it, or else the one named last, in the same or the
    previous sentence. None when the document names none before it."""
    start = tok.idx
    last: dict[str, int] = {}
    for e in ctx.entities:
        if e.type == "Organization" and e.kind == "armed_group":
            before = [s for s, _ in e.mentions if s < start]
            if before:
                last[e.id] = max(before)
    if len(last) == 1:
        return next(iter(last))
    if not last:
        return None
    best = max(last, key=lambda k: last[k])
    sent = tok.sent
    prev_start = ctx.sdoc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return best if last[best] >= ctx.sdoc[prev_start].idx else None


def _is_place_noun(tok: Token) -> bool:
    """An admin or settlement noun ("province", "district", "village", "border"); "state", "department",
    "agency" and "division" are left out: "the Syrian state" is an actor."""
    from claimgraph.nlp.lexicon import descriptors

    desc = descriptors()
    word = tok.lower_
    if word in ("state", "states", "department", "agency", "division"):
        return False
    return word in desc.admin_suffixes or word in desc.generic_suffixes


def _nationality_owners(ctx: DocContext, named: dict[int, str], covered: set[int]) -> None:
    """A demonym modifying a thing that is no actor ("rejected an Indian proposal", "over Israeli
    air raids", "demolished Palestinian homes") names the nation whose thing it is: one ``Group``
    per demonym (sector ``demonym_owner_sector``), so the claim stages can take the owner as an
    event's actor. Demonyms inside an agent phrase ("Afghan rebels") or a name stay theirs."""
    lex = lexicon()
    text = ctx.document.text
    by_name: dict[str, Entity] = {}
    for tok in ctx.sdoc:
        if (tok.dep_ not in ("amod", "compound", "nmod") or not tok.text[:1].isupper()
                or tok.i in named or tok.i in covered or tok.head.i in named or tok.head.i in covered
                or tok.head.pos_ != "NOUN" or tok.head.i < tok.i or tok.head.dep_ == "compound"):
            # ("Sudanese RSF commander Dagalo": a title before a name is the relation stage's)
            continue
        country = lex.demonyms.get(tok.lower_)
        if country is None or _is_place_noun(tok.head):
            continue  # "the Syrian province of Hama", "an Afghan village": the nationality says where, owns nothing
        s, e = tok.idx, tok.idx + len(tok.text)
        entity = by_name.get(tok.lower_)
        if entity is None:
            entity = Entity(
                id=stable_id("ent_", ctx.document.id, "Group", tok.lower_, country, (s, e)),
                type="Group",
                name=tok.text,
                kind=lex.sectors.get(lex.demonym_owner_sector, "nationality"),
                external_ids={"sector": lex.demonym_owner_sector, "country": country},
                aliases=[tok.text],
            )
            ctx.entities.append(entity)
            by_name[tok.lower_] = entity
        entity.mentions.append((s, e))
        ctx.mentions.append(Mention(s, e, tok.text, AGENT_LABEL, entity.id, "pattern"))



@lru_cache(maxsize=1)
def state_sectors() -> frozenset[str]:
    """Sector codes of the state's own bodies (``state_sectors`` in agents.yaml)."""
    return frozenset(str(s).upper() for s in load_yaml("agents.yaml").get("state_sectors") or ())


def state_stand_ins(ctx: DocContext) -> dict[str, str]:
    """Group id → the country entity it acts for, for state groups (government, military, police,
    courts, legislature: ``state_sectors`` in agents.yaml) of a country that the document names.

    "Iraqi officials said they arrested …" in a report that names Iraq: the state acts, as
    "Iraq's officials" would be read by the claim stages when the entity stage links the
    modifier. A group of a country the document never names stays the group. So does a
    nationality word ("rejected the Venezuelan demands" → Venezuela when Venezuela is named).
    """
    state = state_sectors() | {lexicon().demonym_owner_sector}
    countries: dict[str, str] = {}
    for e in ctx.entities:
        if e.type == "Location" and e.kind == "country":
            code = (e.place.country if e.place is not None and e.place.country else None) or country_code(e.name)
            if code:
                countries.setdefault(code.upper(), e.id)
    out: dict[str, str] = {}
    for e in ctx.entities:
        if e.type == "Group" and e.external_ids.get("sector") in state:
            country = countries.get((e.external_ids.get("country") or "").upper())
            if country:
                out[e.id] = country
    return out
