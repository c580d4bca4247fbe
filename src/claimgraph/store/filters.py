"""The one place claim and entity filters become SQL, for the CLI, the API and the UI alike.

Every condition is a constant SQL fragment with *named* parameters (``:actor``,
``:date_from``…); user values are only ever bound, never spliced into SQL text.
The conditions read ``claims c`` joined to ``documents d``; nothing else needs to
be joined (attributions are looked up in a sub-query).

Two ways of naming an actor or a place:

* exact (the CLI and library default): an entity id, a canonical id, or a name or
  alias equal to the term, ignoring case and diacritics;
* partial (the UI's search boxes): an id, or a name or alias *containing* the term.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

ACTOR_ROLES = ("subject", "object", "source", "target")
PLACE_ROLES = ("location", "origin")

#: Sorts after every character a date can hold, so "2022-04" reaches to the end of April.
DATE_PAD = "\uffff"


def like(term: str) -> str:
    """A LIKE pattern matching ``term`` anywhere, with its wildcards escaped (use with ``ESCAPE '\\'``)."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _roles_sql(roles: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{r}'" for r in roles) + ")"


def entity_match(alias: str, param: str, partial: bool) -> tuple[str, dict[str, str], str]:
    """SQL condition: entity row ``alias`` is the entity named by parameter ``:param``.

    Returns the condition and a function-free description of the extra parameters to bind:
    ``(sql, {name: "exact" | "like"}, param)`` — use :func:`bind_entity_term` to fill them.
    """
    if partial:
        sql = (f"({alias}.id = :{param} OR {alias}.canonical_id = :{param}"
               f" OR {alias}.name LIKE :{param}_like ESCAPE '\\' OR {alias}.aliases_json LIKE :{param}_like ESCAPE '\\')")
        return sql, {param: "exact", f"{param}_like": "like"}, param
    sql = (f"({alias}.id = :{param} OR {alias}.canonical_id = :{param} OR cg_fold({alias}.name) = cg_fold(:{param})"
           f" OR EXISTS (SELECT 1 FROM json_each({alias}.aliases_json) j WHERE cg_fold(j.value) = cg_fold(:{param})))")
    return sql, {param: "exact"}, param


def entity_condition(alias: str, param: str, term: str, partial: bool) -> tuple[str, dict[str, Any]]:
    """:func:`entity_match` with its parameters bound to ``term``."""
    sql, kinds, _ = entity_match(alias, param, partial)
    return sql, {name: (like(term) if kind == "like" else term) for name, kind in kinds.items()}


def document_source(alias: str) -> str:
    """SQL condition: document row ``alias`` is the one named by ``:source`` — its id, or part of its
    outlet, path or URL (ignoring case and diacritics)."""
    return (f"({alias}.id = :source OR instr(cg_fold({alias}.outlet), cg_fold(:source)) > 0"
            f" OR instr(cg_fold({alias}.path), cg_fold(:source)) > 0 OR instr(cg_fold({alias}.url), cg_fold(:source)) > 0)")


@dataclass(frozen=True)
class ClaimFilter:
    """What claims can be filtered by (None = no filter); all conditions are combined with AND.

    ``source`` matches the outlet, path, URL or id of the document, or a speaker in the claim's
    attribution chain. A date range keeps claims whose date (value, or after/before bounds, at
    any precision) overlaps it; claims without a date are left out.
    """

    text: str | None = None          # words inside the claim's evidence
    kind: str | None = None          # relation | event
    predicate: str | None = None     # relation predicate or event type
    event_type: str | None = None    # an event type (implies kind = event)
    entity_type: str | None = None   # some entity of the claim has this type
    actor: str | None = None         # in the role subject/object/source/target
    place: str | None = None         # in the role location/origin
    entity: str | None = None        # in any role
    date_from: str | None = None     # YYYY[-MM[-DD]]
    date_to: str | None = None
    modality: str | None = None
    source: str | None = None
    doc_id: str | None = None
    partial_names: bool = False      # actor/place/entity: part of a name (UI) instead of a whole name

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


def _involves(term: str, param: str, roles: tuple[str, ...] | None, partial: bool) -> tuple[str, dict[str, Any]]:
    cond, params = entity_condition("e", param, term, partial)
    role_sql = f" AND ce.role IN {_roles_sql(roles)}" if roles else ""
    return ("EXISTS (SELECT 1 FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id"
            f" WHERE ce.claim_id = c.id{role_sql} AND {cond})"), params


def claim_conditions(f: ClaimFilter) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions over ``claims c JOIN documents d`` and their named parameters."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if f.text:
        where.append("instr(cg_fold(cg_evidence(d.text, c.evidence_json)), cg_fold(:text)) > 0")
        params["text"] = f.text
    if f.kind:
        where.append("c.kind = :kind")
        params["kind"] = f.kind
    if f.event_type:
        where.append("c.kind = 'event' AND c.predicate = :event_type")
        params["event_type"] = f.event_type
    if f.predicate:
        where.append("c.predicate = :predicate")
        params["predicate"] = f.predicate
    if f.entity_type:
        where.append("EXISTS (SELECT 1 FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id"
                     " WHERE ce.claim_id = c.id AND e.type = :entity_type)")
        params["entity_type"] = f.entity_type
    for term, param, roles in ((f.actor, "actor", ACTOR_ROLES), (f.place, "place", PLACE_ROLES),
                               (f.entity, "entity", None)):
        if term:
            cond, p = _involves(term, param, roles, f.partial_names)
            where.append(cond)
            params.update(p)
    if f.date_from or f.date_to:
        # a claim overlaps [from, to] when its end is not before `from` and its start not after `to`
        where.append("(c.date_value IS NOT NULL OR c.date_after IS NOT NULL OR c.date_before IS NOT NULL)")
        params["date_pad"] = DATE_PAD
        if f.date_from:
            where.append("(COALESCE(c.date_value, c.date_before) IS NULL"
                         " OR COALESCE(c.date_value, c.date_before) || :date_pad >= :date_from)")
            params["date_from"] = f.date_from
        if f.date_to:
            where.append("(COALESCE(c.date_value, c.date_after) IS NULL"
                         " OR COALESCE(c.date_value, c.date_after) <= :date_to || :date_pad)")
            params["date_to"] = f.date_to
    if f.modality:
        where.append("c.modality = :modality")
        params["modality"] = f.modality
    if f.source:
        where.append(
            "(" + document_source("d") + " OR EXISTS (SELECT 1 FROM attributions a WHERE a.doc_id = c.doc_id"
            " AND a.id = c.attribution_id AND instr(cg_fold(a.chain_json), cg_fold(:source)) > 0))"
        )
        params["source"] = f.source
    if f.doc_id:
        where.append("c.doc_id = :doc_id")
        params["doc_id"] = f.doc_id
    return where, params


def where_sql(conditions: list[str]) -> str:
    """`` WHERE a AND b`` (or nothing)."""
    return " WHERE " + " AND ".join(conditions) if conditions else ""
