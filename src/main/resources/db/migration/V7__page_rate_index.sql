-- The page rate limit counts, per contact, pages delivered in the last minute and pages being
-- sent right now. The second count needs its own index: without it every claim during a storm
-- scanned all of the person's pending pages.
CREATE INDEX page_delivery_leased ON page_delivery (person_id, contact_index, status, lease_until);
