-- The web list shows the distinct services as a filter; with this index the list of services is
-- read from the index instead of from every incident ever stored.
CREATE INDEX incident_by_service ON incident (service);
