"""Store stage: extractions in SQLite, and the queries everything downstream shares.

``Store.open(path)`` creates or opens a database (schema in ``schema.sql``,
later additions in :mod:`~claimgraph.store.migrations`); ``Store.save`` writes
one extraction per transaction; the read methods return model records.
Cross-document identity lives in :mod:`~claimgraph.store.identity`.
"""

from __future__ import annotations

from claimgraph.store.read import SearchHit, StoredClaim, StoredEntity
from claimgraph.store.sqlite import Store
from claimgraph.store.write import SaveResult

__all__ = ["SaveResult", "SearchHit", "Store", "StoredClaim", "StoredEntity"]
