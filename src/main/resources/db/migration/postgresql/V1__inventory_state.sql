-- wraith state database, schema V1, PostgreSQL: the same tables, columns and keys as db/migration/sqlite/V1, with the
-- scan id from an identity column. Times are ISO-8601 instants (UTC, nine fraction digits) as text in collation "C",
-- so text order is time order whatever the database's collation. Agent ids are content hashes of identity, so a
-- later migration can add a cluster column (default '') without rewriting a row of history.
-- Nothing here holds an env var value or a secret: agent snapshots are the already-redacted inventory records.

-- One row per recorded scan-all run.
CREATE TABLE scan (
  id                BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scan_time         TEXT    COLLATE "C" NOT NULL,
  tool_version      TEXT    NOT NULL,
  catalogue_version TEXT    NOT NULL,
  roots             TEXT    NOT NULL, -- JSON array of the code roots scanned
  layers            TEXT    NOT NULL, -- JSON array of layer statuses {layer, state, reason, warnings}
  confirmed         INTEGER NOT NULL,
  unknown           INTEGER NOT NULL,
  shadow_ai         INTEGER NOT NULL,
  zombie            INTEGER NOT NULL,
  ghost             INTEGER NOT NULL,
  risk_low          INTEGER NOT NULL,
  risk_medium       INTEGER NOT NULL,
  risk_high         INTEGER NOT NULL,
  risk_critical     INTEGER NOT NULL,
  mcp_servers       INTEGER NOT NULL
);

-- Every agent any scan listed, with what the next scan's correlation needs to remember.
CREATE TABLE agent (
  id                  TEXT COLLATE "C" PRIMARY KEY,
  name                TEXT NOT NULL,
  first_seen          TEXT COLLATE "C" NOT NULL, -- time of the first scan that listed it
  last_listed         TEXT COLLATE "C" NOT NULL, -- time of the last scan that listed it
  last_seen_runtime   TEXT COLLATE "C",          -- time of the last scan that observed it at runtime; NULL if none did
  last_classification TEXT NOT NULL,
  last_risk           TEXT NOT NULL,
  last_digest         TEXT NOT NULL,
  last_snapshot       TEXT NOT NULL  -- the InventoryAgent as JSON
);

-- Classification history: one row per agent per scan that listed it.
CREATE TABLE scan_agent (
  scan_id        BIGINT  NOT NULL REFERENCES scan (id),
  agent_id       TEXT    COLLATE "C" NOT NULL REFERENCES agent (id),
  name           TEXT    NOT NULL,
  classification TEXT    NOT NULL,
  risk           TEXT    NOT NULL,
  digest         TEXT    NOT NULL,
  runtime        INTEGER NOT NULL, -- 1 when observed at runtime in that scan
  PRIMARY KEY (scan_id, agent_id)
);
CREATE INDEX scan_agent_by_agent ON scan_agent (agent_id, scan_id);

-- Hashes of the tools each MCP server offered, to spot a tool that changes under the same name (rug pull).
CREATE TABLE mcp_tool (
  server_key TEXT COLLATE "C" NOT NULL,
  tool_name  TEXT COLLATE "C" NOT NULL,
  hash       TEXT NOT NULL,
  first_seen TEXT COLLATE "C" NOT NULL, -- first time this tool name was seen on this server
  hash_since TEXT COLLATE "C" NOT NULL, -- first time the current hash was seen
  last_seen  TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (server_key, tool_name)
);
