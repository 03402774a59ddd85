-- What responders know that no alert says (summary, impact, root cause, resolution, detection
-- notes, action items) for the draft postmortem, and each incident's alert rule name so earlier
-- incidents of the same rule can be found. JSON values are CHARACTER VARYING text.
ALTER TABLE incident ADD COLUMN alert_name VARCHAR(1000);
ALTER TABLE incident ADD COLUMN summary CHARACTER VARYING;
ALTER TABLE incident ADD COLUMN impact CHARACTER VARYING;
ALTER TABLE incident ADD COLUMN root_cause CHARACTER VARYING;
ALTER TABLE incident ADD COLUMN resolution CHARACTER VARYING;
ALTER TABLE incident ADD COLUMN detection_notes CHARACTER VARYING;
ALTER TABLE incident ADD COLUMN action_items CHARACTER VARYING;

CREATE INDEX incident_by_alert_name ON incident (alert_name, id);
