-- Stands for a migration a newer wraith applied; this binary must refuse such a database.
CREATE TABLE agent_owner (agent_id TEXT NOT NULL, owner TEXT NOT NULL);
