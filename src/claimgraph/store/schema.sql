-- Migration 1: the claimgraph store. One writer, many readers; WAL mode.
-- Records mirror claimgraph.model; JSON columns hold lists. Offsets are into documents.text.
CREATE TABLE IF NOT EXISTS documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,            -- hash of normalised text
    path TEXT, url TEXT, title TEXT, outlet TEXT,
    published TEXT,                     -- YYYY[-MM[-DD]]
    source_format TEXT NOT NULL,
    text TEXT NOT NULL,
    meta_json TEXT NOT NULL DEFAULT '{}',
    pipeline_version TEXT NOT NULL,
    analysed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');

CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,                -- per-document entity id
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    canonical_id TEXT NOT NULL,         -- cross-document identity (derived from judgements)
    type TEXT NOT NULL, kind TEXT, name TEXT NOT NULL,
    aliases_json TEXT NOT NULL, titles_json TEXT NOT NULL,
    descriptions_json TEXT NOT NULL, external_ids_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_doc ON entities(doc_id);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities(canonical_id);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, label TEXT NOT NULL, source TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);

CREATE TABLE IF NOT EXISTS places (
    entity_id TEXT PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    resolved INTEGER NOT NULL, lat REAL, lon REAL, country TEXT, admin1 TEXT, admin2 TEXT,
    feature TEXT, geonameid INTEGER, gazetteer_name TEXT, method TEXT, confidence REAL,
    reason TEXT, parent TEXT
);

CREATE TABLE IF NOT EXISTS attributions (
    id TEXT NOT NULL, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    chain_json TEXT NOT NULL,           -- [{text, entity_id, span}], outermost first
    evidence_start INTEGER, evidence_end INTEGER, cue TEXT, scope_start INTEGER, scope_end INTEGER,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,                 -- relation | event
    predicate TEXT NOT NULL,            -- relation predicate or PLOVER event type
    subject TEXT, object TEXT, role TEXT,
    sources_json TEXT NOT NULL, targets_json TEXT NOT NULL,
    mode TEXT, location TEXT, origin TEXT,
    date_value TEXT, date_after TEXT, date_before TEXT, date_precision TEXT, date_json TEXT,
    modality TEXT NOT NULL, historical INTEGER NOT NULL,
    attribution_id TEXT,
    evidence_json TEXT NOT NULL, trigger_json TEXT, counts_json TEXT NOT NULL DEFAULT '{}',
    extractor TEXT NOT NULL, extractor_version TEXT NOT NULL, confidence REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc_id);
CREATE INDEX IF NOT EXISTS claims_predicate ON claims(kind, predicate);

-- every entity a claim involves, for actor/place filters
CREATE TABLE IF NOT EXISTS claim_entities (
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    role TEXT NOT NULL                  -- subject | object | source | target | location | origin
);
CREATE INDEX IF NOT EXISTS claim_entities_entity ON claim_entities(entity_id);
CREATE INDEX IF NOT EXISTS claim_entities_claim ON claim_entities(claim_id);

CREATE TABLE IF NOT EXISTS contradictions (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    key TEXT NOT NULL, claims_for_json TEXT NOT NULL, claims_against_json TEXT NOT NULL
);

-- entity resolution decisions (nomenklatura-style): never rewrite sources, record judgements
CREATE TABLE IF NOT EXISTS judgements (
    left_id TEXT NOT NULL, right_id TEXT NOT NULL,
    judgement TEXT NOT NULL,            -- same | not_same | unsure
    reason TEXT, created_at TEXT NOT NULL,
    PRIMARY KEY (left_id, right_id)
);
