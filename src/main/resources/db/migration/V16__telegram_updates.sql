-- Telegram cannot reach most self-hosted servers, so Firebell long-polls the bot's getUpdates for
-- button presses. One instance polls at a time: it holds this row's lease and renews it while it
-- polls; next_offset is the first update not yet handled, so a press is acted on once.
CREATE TABLE telegram_poll (
    id          INT                      NOT NULL PRIMARY KEY,
    holder      VARCHAR(64),
    lease_until TIMESTAMP WITH TIME ZONE,
    next_offset BIGINT                   NOT NULL
);

INSERT INTO telegram_poll (id, holder, lease_until, next_offset) VALUES (1, NULL, NULL, 0);
