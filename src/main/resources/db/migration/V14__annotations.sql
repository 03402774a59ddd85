-- With grafana.annotations, each incident from Grafana gets an annotation on its alert's dashboard
-- and panel (or an organisation annotation), made at the incident's start and turned into a region
-- when it resolves. One row per incident, sent through a lease like the outbox: CREATING posts it,
-- UPDATING patches it with the latest text (and timeEnd), DONE when nothing is left to send.
CREATE TABLE annotation (
    incident_id     BIGINT                   NOT NULL PRIMARY KEY REFERENCES incident (id),
    api_url         CHARACTER VARYING        NOT NULL,
    dashboard_uid   CHARACTER VARYING,
    panel_id        BIGINT,
    starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at         TIMESTAMP WITH TIME ZONE,
    tags            CHARACTER VARYING        NOT NULL,
    text            CHARACTER VARYING        NOT NULL,
    annotation_id   BIGINT,
    state           VARCHAR(16)              NOT NULL,
    version         INT                      NOT NULL,
    attempts        INT                      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_error      CHARACTER VARYING,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX annotation_due ON annotation (state, next_attempt_at);
