-- A column width must never decide what a sender may send. Text that senders or people write
-- becomes CHARACTER VARYING without a length (H2 keeps up to 1,048,576 characters, PostgreSQL any
-- length). Indexed identifiers keep their width: the code stores a value that fits (a digest for
-- a longer one) and keeps the full text beside it. Incidents also learn when their first alert
-- started (durations run from there, not from receipt), how many alerts the sender left out of
-- its notification, and each alert's values when it fired and the highest seen while firing.
ALTER TABLE alert_group ALTER COLUMN group_key SET DATA TYPE CHARACTER VARYING;

ALTER TABLE incident ALTER COLUMN receiver SET DATA TYPE CHARACTER VARYING;
ALTER TABLE incident ALTER COLUMN title SET DATA TYPE CHARACTER VARYING;
ALTER TABLE incident ALTER COLUMN external_url SET DATA TYPE CHARACTER VARYING;
ALTER TABLE incident ALTER COLUMN acknowledged_by SET DATA TYPE CHARACTER VARYING;
ALTER TABLE incident ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE incident ADD COLUMN truncated_alerts INT DEFAULT 0 NOT NULL;

ALTER TABLE incident_alert ALTER COLUMN generator_url SET DATA TYPE CHARACTER VARYING;
ALTER TABLE incident_alert ALTER COLUMN dashboard_url SET DATA TYPE CHARACTER VARYING;
ALTER TABLE incident_alert ALTER COLUMN panel_url SET DATA TYPE CHARACTER VARYING;
ALTER TABLE incident_alert ALTER COLUMN silence_url SET DATA TYPE CHARACTER VARYING;
ALTER TABLE incident_alert ALTER COLUMN image_url SET DATA TYPE CHARACTER VARYING;
-- The sender's fingerprint when it is longer than the key column; NULL when the key is the text.
ALTER TABLE incident_alert ADD COLUMN fingerprint_text CHARACTER VARYING;
ALTER TABLE incident_alert ADD COLUMN fired_values CHARACTER VARYING;
ALTER TABLE incident_alert ADD COLUMN fired_value_string CHARACTER VARYING;
ALTER TABLE incident_alert ADD COLUMN peak_values CHARACTER VARYING;

ALTER TABLE timeline_entry ALTER COLUMN description SET DATA TYPE CHARACTER VARYING;
ALTER TABLE timeline_entry ALTER COLUMN actor SET DATA TYPE CHARACTER VARYING;

ALTER TABLE maintenance_window ALTER COLUMN reason SET DATA TYPE CHARACTER VARYING;
ALTER TABLE maintenance_window ALTER COLUMN created_by SET DATA TYPE CHARACTER VARYING;

ALTER TABLE page_delivery ALTER COLUMN last_error SET DATA TYPE CHARACTER VARYING;
ALTER TABLE page_digest ALTER COLUMN last_error SET DATA TYPE CHARACTER VARYING;

ALTER TABLE web_session ALTER COLUMN username SET DATA TYPE CHARACTER VARYING;

-- Incidents recorded before this release: the earliest alert start, else the receipt time; the
-- values of alerts still firing are the values they fired with.
UPDATE incident SET started_at = COALESCE(
    (SELECT MIN(a.starts_at) FROM incident_alert a WHERE a.incident_id = incident.id), opened_at);
UPDATE incident SET started_at = opened_at WHERE started_at > opened_at;
UPDATE incident_alert SET fired_values = alert_values, fired_value_string = value_string
WHERE status = 'FIRING';
