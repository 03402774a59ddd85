-- Pushover emergency pages repeat until acknowledged in the app; Pushover gives a receipt for each.
-- Firebell keeps them here and looks at them while the incident is open: an acknowledgement in
-- the app acknowledges the incident as that person, and once the incident is no longer triggered
-- (acknowledged anywhere, or resolved) the receipt is cancelled so the repeats stop.
CREATE TABLE pushover_receipt (
    receipt      VARCHAR(64)              NOT NULL PRIMARY KEY,
    incident_id  BIGINT                   NOT NULL REFERENCES incident (id),
    person_id    CHARACTER VARYING        NOT NULL,
    state        VARCHAR(16)              NOT NULL,
    next_look_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX pushover_receipt_due ON pushover_receipt (state, next_look_at);
