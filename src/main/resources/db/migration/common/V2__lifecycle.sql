-- wraith state database, schema V2 (SQLite and PostgreSQL alike).

-- wraith ack ID --note TEXT: someone looked at an agent and said so. The latest row per agent is the one that counts;
-- earlier ones stay as its record. An acknowledged agent that is not running is no longer listed; one that runs
-- again is listed again.
CREATE TABLE agent_ack (
  agent_id TEXT NOT NULL REFERENCES agent (id),
  acked_at TEXT NOT NULL, -- ISO-8601 instant, UTC
  note     TEXT NOT NULL,
  PRIMARY KEY (agent_id, acked_at)
);

-- 1 when the scan listed the agent as inactive: seen running by an earlier scan, not by this one.
ALTER TABLE scan_agent ADD COLUMN inactive INTEGER NOT NULL DEFAULT 0;
