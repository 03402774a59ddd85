-- Acknowledgements may expire (an escalation policy's ackTimeout): the escalation remembers until
-- when the acknowledgement holds, and the incident goes back to triggered after that. Each such
-- restart is counted, and its pages and status updates take rounds of their own (restarts * 1000
-- + step), so the outbox's once-per-round key still holds.
-- Heartbeats (dead-man's switches from firebell.yaml) remember their last beat and when the next
-- is due; a missed beat opens one incident, remembered here so that the next beat resolves it.
-- Heartbeat ids are checked at start-up to fit the key (at most 200 characters).
ALTER TABLE escalation ADD COLUMN ack_expires_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE escalation ADD COLUMN restarts INT DEFAULT 0 NOT NULL;

CREATE INDEX escalation_ack_expiry ON escalation (ack_expires_at);

CREATE TABLE heartbeat (
    id                 VARCHAR(255)             NOT NULL PRIMARY KEY,
    last_beat_at       TIMESTAMP WITH TIME ZONE,
    due_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    missed_incident_id BIGINT REFERENCES incident (id)
);
