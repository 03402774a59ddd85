-- Web interface log-in: sessions (only a hash of the cookie is kept, with the session's CSRF
-- token) and failed log-in counts per username, shared by every instance.
CREATE TABLE web_session (
    token_hash CHAR(64)                 NOT NULL PRIMARY KEY,
    username   VARCHAR(255)             NOT NULL,
    person_id  VARCHAR(255)             NOT NULL,
    csrf_token VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX web_session_by_expiry ON web_session (expires_at);

CREATE TABLE login_failure (
    username        VARCHAR(255)             NOT NULL PRIMARY KEY,
    failures        INT                      NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL
);
