-- An incident's earlier incidents of the same group are found through previous_incident_id (the
-- incident its group opened before it), so the index by group hash, a random key every new
-- incident wrote, goes.
DROP INDEX IF EXISTS incident_by_group;
