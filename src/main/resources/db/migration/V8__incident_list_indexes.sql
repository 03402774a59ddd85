-- The web list shows the distinct services as a filter; with this index the list of services is
-- read by jumping from one service to the next instead of scanning every incident ever stored.
CREATE INDEX incident_by_service ON incident (service);
