-- Urgency: how loudly an incident pages, HIGH or LOW, from severity.urgency for its severity or
-- from its route. Incidents opened before this release take the default mapping of their severity.
ALTER TABLE incident ADD COLUMN urgency VARCHAR(8);
UPDATE incident SET urgency = CASE WHEN severity IN ('SEV-3', 'SEV-4') THEN 'LOW' ELSE 'HIGH' END;
ALTER TABLE incident ALTER COLUMN urgency SET NOT NULL;
