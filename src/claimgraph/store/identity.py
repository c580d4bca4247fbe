"""Cross-document identity, nomenklatura-style: judgements in, canonical ids out.

Sources are never rewritten. Each stored entity has a *default key*: its
dictionary id when the actor dictionary matched it (``external_ids["dictionary"]``),
else its type plus its normalised name (casefolded, diacritics and punctuation
dropped). Entities with the same key share a canonical id. Users and resolvers
add judgements (``same`` / ``not_same`` / ``unsure`` with a reason) between
entity ids or canonical ids; canonical ids are the connected components of
the ``same`` judgements (union-find), named by their smallest key id, so the
result does not depend on the order judgements were made in.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable

from claimgraph.model import Entity, stable_id

JUDGEMENTS = ("same", "not_same", "unsure")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise_name(name: str) -> str:
    """Casefolded name without diacritics or punctuation: ``"Al-Qaïda"`` → ``"al qaida"``."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", bare.casefold()).strip()


def default_key(entity_type: str, name: str, external_ids: dict[str, str]) -> str:
    dictionary = external_ids.get("dictionary")
    if dictionary:
        return stable_id("can_", "dictionary", dictionary)
    return stable_id("can_", entity_type, normalise_name(name))


def entity_key(entity: Entity) -> str:
    return default_key(entity.type, entity.name, entity.external_ids)


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, node: str) -> str:
        parent = self.parent.setdefault(node, node)
        if parent == node:
            return node
        root = self.find(parent)
        self.parent[node] = root
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller id becomes the root, so names do not depend on order
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def _key_of_entity_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for eid in set(ids):
        row = conn.execute("SELECT type, name, external_ids_json FROM entities WHERE id = ?", (eid,)).fetchone()
        if row is not None:
            out[eid] = default_key(row[0], row[1], json.loads(row[2]))
    return out


def resolver(conn: sqlite3.Connection) -> UnionFind:
    """Union-find over the ``same`` judgements, with entity ids mapped to their default keys."""
    rows = conn.execute("SELECT left_id, right_id FROM judgements WHERE judgement = 'same'").fetchall()
    keys = _key_of_entity_ids(conn, [x for row in rows for x in row if not x.startswith("can_")])
    uf = UnionFind()
    for left, right in rows:
        uf.union(keys.get(left, left), keys.get(right, right))
    return uf


def canonical_for(uf: UnionFind, key: str) -> str:
    return uf.find(key)


def recompute_all(conn: sqlite3.Connection) -> int:
    """Set every entity's canonical_id from the judgements; returns how many changed. Caller holds the transaction."""
    uf = resolver(conn)
    changed = 0
    rows = conn.execute("SELECT id, type, name, external_ids_json, canonical_id FROM entities").fetchall()
    for eid, etype, name, ext, current in rows:
        canonical = uf.find(default_key(etype, name, json.loads(ext)))
        if canonical != current:
            conn.execute("UPDATE entities SET canonical_id = ? WHERE id = ?", (canonical, eid))
            changed += 1
    return changed


def conflicts(conn: sqlite3.Connection, left: str, right: str) -> bool:
    """True when merging ``left`` and ``right`` would join two groups judged not the same."""
    uf = resolver(conn)
    keys = _key_of_entity_ids(conn, [x for x in (left, right) if not x.startswith("can_")])
    a, b = uf.find(keys.get(left, left)), uf.find(keys.get(right, right))
    rows = conn.execute("SELECT left_id, right_id FROM judgements WHERE judgement = 'not_same'").fetchall()
    nkeys = _key_of_entity_ids(conn, [x for row in rows for x in row if not x.startswith("can_")])
    for x, y in rows:
        rx, ry = uf.find(nkeys.get(x, x)), uf.find(nkeys.get(y, y))
        if {rx, ry} == {a, b}:
            return True
    return False
