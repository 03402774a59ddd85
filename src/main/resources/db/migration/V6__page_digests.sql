-- Alert storms: a person gets at most paging.maxPagesPerPersonPerMinute pages per contact a
-- minute. Pages beyond that are folded (status FOLDED, digest_at = when their digest goes out)
-- into one digest per person, contact and minute, sent from this outbox table.
ALTER TABLE page_delivery ADD COLUMN digest_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX page_delivery_recent ON page_delivery (person_id, contact_index, status, delivered_at);

CREATE TABLE page_digest (
    person_id       VARCHAR(255)             NOT NULL,
    contact_index   INT                      NOT NULL,
    channel         VARCHAR(16)              NOT NULL,
    send_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    attempts        INT                      NOT NULL,
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(2000),
    delivered_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (person_id, contact_index, send_at)
);

CREATE INDEX page_digest_due ON page_digest (status, send_at);
