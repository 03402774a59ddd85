-- The storm limit counts a contact's pages of the last minute on these two indexes. Its queries
-- also ask for the kind (pages, not status updates), which the indexes lacked, so H2 read every
-- counted page's whole row: with a high maxPagesPerPersonPerMinute, a sixth of all memory
-- allocated under a storm of new groups. With the kind in the index the count reads index entries
-- only. Added last, so every query that uses a shorter prefix still does.
DROP INDEX page_delivery_recent;
CREATE INDEX page_delivery_recent ON page_delivery (person_id, contact_id, status, delivered_at, kind);
DROP INDEX page_delivery_leased;
CREATE INDEX page_delivery_leased ON page_delivery (person_id, contact_id, status, lease_until, kind);
