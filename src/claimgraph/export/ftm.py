"""FollowTheMoney entities (JSON Lines) for Aleph, OpenSanctions tooling and the ``ftm`` CLI.

Built with the ``followthemoney`` model itself (``model.make_entity``), so every
schema and property name is checked by the library as it is set.

* each source document → ``Article`` (title, publisher, publishedAt, sourceUrl, bodyText);
* each merged actor → ``Person`` / ``Organization`` (aliases, titles, descriptions), each
  agreement → ``Contract``, each place → ``Address`` (coordinates, country, region);
  with ``proof`` (the Articles it is found in), ``publisher`` and ``sourceUrl``, plus a
  ``Documentation`` link from every Article to every actor it mentions;
* each relation claim → ``Membership`` (member_of / leader_of / deputy_of into an
  organisation, with ``role`` and dates), ``Associate`` (between two people) or
  ``UnknownLink`` (any other tie, ``role`` names it);
* each event claim → ``Event`` (``organizer`` = PLOVER actors, ``involved`` = actors and
  recipients, date, ``location`` and ``addressEntity``).

Every claim entity keeps its provenance: ``proof`` (the Article), ``recordId``
(the claim id), ``description`` (the exact evidence text), ``summary`` (modality
and who says so), ``publisher``/``sourceUrl``. Modality is never dropped: links
carry it in ``status``, events in ``keywords`` (``modality:denied``) and in the
first words of ``summary``.

FtM entity ids may not contain ``_``, so claimgraph ids are written with ``-``
(``clm_ab12…`` → ``clm-ab12…``); see :func:`ftm_id`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from claimgraph.export.common import Actor, ClaimView, Corpus, build_corpus, jsonl_line
from claimgraph.model import DateInterval, Document, Extraction, stable_id

MEMBERSHIP_ROLES = {"member_of": "member", "leader_of": "leader", "deputy_of": "deputy"}
PREDICATE_LABELS = {
    "leader_of": "leader of",
    "deputy_of": "deputy of",
    "member_of": "member of",
    "party_to": "party to",
    "supports": "supports",
    "allied_with": "allied with",
    "located_in": "located in",
    "part_of": "part of",
}
SCHEMA_BY_TYPE = {"Person": "Person", "Organization": "Organization", "Group": "Organization", "Agreement": "Contract",
                  "Location": "Address"}


def ftm_id(claimgraph_id: str) -> str:
    """An FtM-valid entity id for a claimgraph id (documents, claims)."""
    return claimgraph_id.replace("_", "-")


def actor_id(key: str) -> str:
    """The FtM entity id of a merged actor, from its canonical key."""
    return ftm_id(stable_id("ent_", key))


def _provenance(proxy: EntityProxy, docs: Iterable[Document]) -> None:
    for doc in docs:
        proxy.add("proof", ftm_id(doc.id))
        proxy.add("publisher", doc.outlet)
        proxy.add("sourceUrl", doc.url)


def _dates(proxy: EntityProxy, date: DateInterval | None) -> None:
    if date is None:
        return
    proxy.add("date", date.value)
    proxy.add("startDate", date.after)
    proxy.add("endDate", date.before)


def _article(doc: Document) -> EntityProxy:
    art = model.make_entity("Article")
    art.id = ftm_id(doc.id)
    art.add("title", doc.title or doc.path or doc.id)
    art.add("fileName", doc.path)
    art.add("publisher", doc.outlet)
    art.add("publishedAt", doc.published)
    art.add("sourceUrl", doc.url)
    art.add("bodyText", doc.text)
    return art


def _actor(actor: Actor, docs: dict[str, Document]) -> EntityProxy:
    schema = SCHEMA_BY_TYPE.get(actor.type, "Organization")
    proxy = model.make_entity(schema)
    proxy.id = actor_id(actor.key)
    if schema == "Address":
        proxy.add("full", actor.name)
        proxy.add("name", actor.name)
        place = actor.place
        if place is not None:
            if place.resolved and place.lat is not None and place.lon is not None:
                # as strings: FtM formats a float number with two decimals (about 1 km lost)
                proxy.add("latitude", repr(float(place.lat)))
                proxy.add("longitude", repr(float(place.lon)))
            proxy.add("country", place.country)
            proxy.add("region", place.admin1)
            proxy.add("state", place.admin2)
            if place.feature in ("city", "town", "village"):
                proxy.add("city", place.gazetteer_name or actor.name)
            proxy.add("remarks", place.reason)
    elif schema == "Contract":
        proxy.add("title", actor.name)
        proxy.add("name", actor.name)
        proxy.add("type", "agreement")
    else:
        proxy.add("name", actor.name)
        proxy.add("classification", actor.kind)
        if schema == "Person":
            proxy.add("title", actor.titles)
    proxy.add("alias", [a for a in actor.aliases if a != actor.name])
    proxy.add("description", actor.descriptions)
    proxy.add("wikidataId", actor.external_ids.get("wikidata"))
    proxy.add("notes", f"claimgraph canonical key: {actor.key}")
    _provenance(proxy, [docs[d] for d in actor.doc_ids])
    return proxy


def _claim_common(proxy: EntityProxy, view: ClaimView) -> None:
    c = view.claim
    proxy.id = ftm_id(c.id)
    proxy.add("recordId", c.id)
    proxy.add("description", view.evidence)
    said = f"{c.modality}, according to {view.chain_text}"
    if c.historical:
        said += " (a past state of affairs)"
    if view.contradicted_by:
        said += "; contradicted by " + ", ".join(view.contradicted_by)
    proxy.add("summary", said)
    _provenance(proxy, [view.document])
    _dates(proxy, c.date)


def _relation(view: ClaimView, corpus: Corpus) -> EntityProxy | None:
    c = view.claim
    subj, obj = corpus.actor(view.subject_key), corpus.actor(view.object_key)
    if subj is None or obj is None:
        return None
    if c.predicate in MEMBERSHIP_ROLES and obj.type == "Organization" and subj.is_actor:
        proxy = model.make_entity("Membership")
        proxy.add("member", actor_id(subj.key))
        proxy.add("organization", actor_id(obj.key))
        proxy.add("role", c.role or MEMBERSHIP_ROLES[c.predicate])
        proxy.add("status", c.modality)
    elif subj.type == "Person" and obj.type == "Person":
        proxy = model.make_entity("Associate")
        proxy.add("person", actor_id(subj.key))
        proxy.add("associate", actor_id(obj.key))
        proxy.add("relationship", PREDICATE_LABELS.get(c.predicate, c.predicate) + (f" ({c.role})" if c.role else ""))
    else:
        proxy = model.make_entity("UnknownLink")
        proxy.add("subject", actor_id(subj.key))
        proxy.add("object", actor_id(obj.key))
        proxy.add("role", PREDICATE_LABELS.get(c.predicate, c.predicate) + (f" ({c.role})" if c.role else ""))
        proxy.add("status", c.modality)
    _claim_common(proxy, view)
    return proxy


def _event(view: ClaimView, corpus: Corpus) -> EntityProxy:
    c = view.claim
    proxy = model.make_entity("Event")
    actors = [a for a in (corpus.actor(k) for k in view.source_keys) if a is not None]
    recipients = [a for a in (corpus.actor(k) for k in view.target_keys) if a is not None]
    name = c.predicate + (f" ({c.mode})" if c.mode else "")
    if actors:
        name += ": " + ", ".join(a.name for a in actors)
    if recipients:
        name += " → " + ", ".join(a.name for a in recipients)
    if c.modality != "asserted":
        name += f" [{c.modality}]"
    proxy.add("name", name)
    for a in actors:
        if a.is_actor:
            proxy.add("organizer", actor_id(a.key))
    for a in actors + recipients:
        if a.is_actor:
            proxy.add("involved", actor_id(a.key))
        else:
            # a state named as actor ("Pakistan carried out airstrikes") is an Address here, which
            # `involved` cannot point to: keep its name and country instead
            proxy.add("namesMentioned", a.name)
            if a.place is not None:
                proxy.add("country", a.place.country)
    place = corpus.actor(view.location_key)
    if place is not None:
        proxy.add("location", place.name)
        proxy.add("addressEntity", actor_id(place.key))
        if place.place is not None:
            proxy.add("country", place.place.country)
    proxy.add("keywords", [c.predicate, c.mode, f"modality:{c.modality}"])
    proxy.add("notes", f"attribution: {view.chain_text}")
    origin = corpus.actor(view.origin_key)
    if origin is not None:
        proxy.add("notes", f"from: {origin.name}")
    _claim_common(proxy, view)
    return proxy


def iter_entities(extractions: Iterable[Extraction]) -> Iterator[EntityProxy]:
    """Articles, actors (with Documentation links), relation links and events, in that order."""
    corpus = build_corpus(extractions)
    docs = {d.id: d for d in corpus.documents}
    for doc in corpus.documents:
        yield _article(doc)
    for actor in corpus.actors.values():
        yield _actor(actor, docs)
        for doc_id in actor.doc_ids:
            link = model.make_entity("Documentation")
            link.id = ftm_id(stable_id("dcm_", doc_id, actor.key))
            link.add("document", ftm_id(doc_id))
            link.add("entity", actor_id(actor.key))
            link.add("role", "mentioned")
            link.add("publisher", docs[doc_id].outlet)
            yield link
    for view in corpus.relations:
        proxy = _relation(view, corpus)
        if proxy is not None:
            yield proxy
    for view in corpus.events:
        yield _event(view, corpus)


def write_ftm(extractions: Iterable[Extraction], stream: TextIO) -> int:
    """Write FtM entities as JSON Lines (the format ``ftm validate`` and Aleph read); returns the count."""
    n = 0
    for proxy in iter_entities(extractions):
        stream.write(jsonl_line(proxy.to_dict()))
        n += 1
    return n
