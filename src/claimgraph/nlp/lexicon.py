"""Typed views of the actor-stage data files (honorifics, actors, transliteration, descriptors).

The files live in ``claimgraph/data``; this module validates their shape once
(cached, they are immutable at run time) and raises CG201 naming the file when
an edit broke them. The NLP ruler and the entity stage both read from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from claimgraph.data import load_tsv, load_yaml
from claimgraph.errors import ModelError

ACTORS_FILE = "actors.yaml"
HONORIFICS_FILE = "honorifics.tsv"
TRANSLIT_FILE = "transliteration.tsv"
DESCRIPTORS_FILE = "descriptors.yaml"

ORG_KINDS = frozenset({"armed_group", "government", "military", "igo", "ngo", "party", "media"})


@dataclass(frozen=True)
class Honorific:
    term: str
    kind: str
    ruler: bool  # honorific + capitalised words is a person name on its own
    strip: bool  # not part of the name


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()

    @property
    def type(self) -> str:
        return "Organization"

    def surface_forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.acronyms)


@dataclass(frozen=True)
class Descriptors:
    roles: dict[str, str]
    role_modifiers: frozenset[str]
    actor_self_nouns: frozenset[str]
    state_agent_nouns: frozenset[str]
    metonymy_verbs: frozenset[str]
    not_entities: frozenset[str]
    agreement_nouns: frozenset[str]
    admin_suffixes: dict[str, str]
    generic_suffixes: dict[str, str]
    title_case_suffixes: frozenset[str]
    org_kind_words: dict[str, str]
    role_words: frozenset[str] = field(default=frozenset())
    max_role_len: int = 1
    media_nouns: frozenset[str] = field(default=frozenset())
    group_nouns: frozenset[str] = field(default=frozenset())
    speech_verbs: frozenset[str] = field(default=frozenset())
    facility_nouns: frozenset[str] = field(default=frozenset())
    seizure_verbs: frozenset[str] = field(default=frozenset())


def _fail(name: str, detail: str) -> ModelError:
    return ModelError("CG201", subject=name, detail=detail)


@lru_cache(maxsize=None)
def honorifics() -> tuple[Honorific, ...]:
    out = []
    for row in load_tsv(HONORIFICS_FILE):
        for col in ("ruler", "strip"):
            if row[col] not in ("yes", "no"):
                raise _fail(HONORIFICS_FILE, f"{row['term']}: column {col} must be yes or no")
        out.append(Honorific(row["term"], row["kind"], row["ruler"] == "yes", row["strip"] == "yes"))
    return tuple(out)


@lru_cache(maxsize=None)
def strippable_titles() -> tuple[tuple[str, ...], ...]:
    """Title token sequences that are not part of a name, longest first ("Prime Minister" before "Minister")."""
    seqs = {tuple(h.term.split()) for h in honorifics() if h.strip}
    return tuple(sorted(seqs, key=len, reverse=True))


@lru_cache(maxsize=None)
def actors() -> tuple[Actor, ...]:
    data = load_yaml(ACTORS_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise _fail(ACTORS_FILE, "expected a mapping with an 'actors' list")
    out: list[Actor] = []
    seen: set[str] = set()
    for i, item in enumerate(data["actors"]):
        if not isinstance(item, dict) or not item.get("id") or not item.get("name") or not item.get("kind"):
            raise _fail(ACTORS_FILE, f"actor #{i + 1} needs id, name and kind")
        if item["id"] in seen:
            raise _fail(ACTORS_FILE, f"duplicate actor id {item['id']}")
        if item["kind"] not in ORG_KINDS:
            raise _fail(ACTORS_FILE, f"actor {item['id']}: unknown kind {item['kind']}")
        seen.add(item["id"])
        out.append(
            Actor(
                id=str(item["id"]),
                name=str(item["name"]),
                kind=str(item["kind"]),
                country=item.get("country"),
                aliases=tuple(str(a) for a in item.get("aliases") or ()),
                acronyms=tuple(str(a) for a in item.get("acronyms") or ()),
                modifiers=tuple(str(a) for a in item.get("modifiers") or ()),
            )
        )
    return tuple(out)


@lru_cache(maxsize=None)
def actor_by_id() -> dict[str, Actor]:
    return {a.id: a for a in actors()}


@lru_cache(maxsize=None)
def actor_modifiers() -> dict[str, str]:
    """Prenominal word -> actor id ("Houthi" in "a Houthi commander" -> houthis)."""
    return {m: a.id for a in actors() for m in a.modifiers}


@lru_cache(maxsize=None)
def demonyms() -> dict[str, str]:
    """Adjective of nationality -> country name ("Pakistani" -> "Pakistan")."""
    data = load_yaml(ACTORS_FILE)
    dem = data.get("demonyms") or {}
    if not isinstance(dem, dict):
        raise _fail(ACTORS_FILE, "'demonyms' must be a mapping")
    return {str(k): str(v) for k, v in dem.items()}


@lru_cache(maxsize=None)
def transliteration_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = []
    for row in load_tsv(TRANSLIT_FILE):
        try:
            rules.append((re.compile(row["pattern"]), row["replacement"]))
        except re.error as exc:
            raise _fail(TRANSLIT_FILE, f"pattern {row['pattern']!r}: {exc}") from exc
    return tuple(rules)


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list):
        raise _fail(DESCRIPTORS_FILE, f"'{key}' must be a list")
    return frozenset(str(v) for v in value)


def _kind_words(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _fail(DESCRIPTORS_FILE, "'org_kind_words' must map a kind to a list of words")
    out: dict[str, str] = {}
    for kind, words in value.items():
        if kind not in ORG_KINDS:
            raise _fail(DESCRIPTORS_FILE, f"org_kind_words: unknown kind {kind}")
        for w in words or ():
            out.setdefault(str(w).lower(), str(kind))
    return out


@lru_cache(maxsize=None)
def descriptors() -> Descriptors:
    data = load_yaml(DESCRIPTORS_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("roles"), dict):
        raise _fail(DESCRIPTORS_FILE, "expected a mapping with a 'roles' mapping")
    suffixes = data.get("place_suffixes") or {}
    roles = {str(k).lower(): str(v) for k, v in data["roles"].items()}
    bad = [r for r, rel in roles.items() if rel not in ("leader_of", "deputy_of", "member_of")]
    if bad:
        raise _fail(DESCRIPTORS_FILE, f"roles with unknown relation: {', '.join(bad)}")
    return Descriptors(
        roles=roles,
        role_modifiers=_words(data, "role_modifiers"),
        actor_self_nouns=_words(data, "actor_self_nouns"),
        state_agent_nouns=_words(data, "state_agent_nouns"),
        metonymy_verbs=_words(data, "metonymy_verbs"),
        not_entities=_words(data, "not_entities"),
        agreement_nouns=_words(data, "agreement_nouns"),
        admin_suffixes={str(k): str(v) for k, v in (suffixes.get("admin") or {}).items()},
        generic_suffixes={str(k): str(v) for k, v in (suffixes.get("generic") or {}).items()},
        title_case_suffixes=frozenset(str(w) for w in suffixes.get("title_case_only") or ()),
        org_kind_words=_kind_words(data.get("org_kind_words") or {}),
        role_words=frozenset(w for r in roles for w in re.split(r"[\s]+", r)),
        max_role_len=max(len(r.split()) for r in roles),
        media_nouns=_words(data, "media_nouns"),
        group_nouns=_words(data, "group_nouns"),
        speech_verbs=_words(data, "speech_verbs"),
        facility_nouns=_words(data, "facility_nouns"),
        seizure_verbs=_words(data, "seizure_verbs"),
    )
