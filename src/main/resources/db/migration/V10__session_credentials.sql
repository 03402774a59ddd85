-- A session remembers a digest of the credentials it was opened with (the user's password hash
-- and person), so removing a user from firebell.yaml or changing their password ends their
-- sessions at once. Sessions opened before this column existed have none and must log in again.
ALTER TABLE web_session ADD COLUMN credential CHAR(64);
