-- A sign-in through the OpenID Connect provider that has started and not come back yet: the state
-- sent (its hash), the browser that started it (the hash of a cookie only that browser holds), the
-- nonce the ID token must carry and the PKCE verifier. Taken once by the callback; pruned after 10
-- minutes.
CREATE TABLE oidc_login (
    state_hash   CHAR(64)                 NOT NULL PRIMARY KEY,
    browser_hash CHAR(64)                 NOT NULL,
    nonce        VARCHAR(255)             NOT NULL,
    verifier     VARCHAR(255)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oidc_login_by_age ON oidc_login (created_at);
