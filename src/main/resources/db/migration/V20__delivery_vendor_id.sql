-- What a vendor named the message it took (Slack's channel/ts, Pushover's receipt), kept with the
-- delivery: a press on a Slack message's buttons is checked against the page it belongs to, and
-- the message is edited when the incident moves on.
ALTER TABLE page_delivery ADD COLUMN vendor_id CHARACTER VARYING;
CREATE INDEX page_delivery_vendor ON page_delivery (vendor_id);
