-- wraith state database, schema V3 (SQLite and PostgreSQL alike).

-- The cluster an agent's workload runs in, when a scan read several clusters (scan-all --context A --context B,
-- --kube-snapshot NAME=FILE); '' for the one unnamed cluster of a single-cluster scan and for every agent recorded
-- before. Agent ids already hold the name (two clusters' equal workloads are two agents), so no row is rewritten.
ALTER TABLE agent ADD COLUMN cluster TEXT NOT NULL DEFAULT '';
