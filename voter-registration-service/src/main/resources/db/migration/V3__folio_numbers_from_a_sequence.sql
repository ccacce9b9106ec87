-- Folio numbers come from one PostgreSQL sequence instead of a counter row per consulate and year.
-- The counter row was locked from the folio's assignment until the commit, so every application at a
-- consulate waited for the one before it: about 30 a second under the event-propagation benchmark,
-- whatever the number of consumers. A sequence hands out numbers without holding a lock. Folios stay
-- "<consulate>-<year>-<number>" and unique; the number increases but no longer counts the consulate's
-- applications (a rolled-back capture leaves a gap). It starts above every number already handed out,
-- so no folio can repeat.
CREATE SEQUENCE application_folio_number;
SELECT setval('application_folio_number', GREATEST((SELECT max(last_number) FROM folio_sequence), 0) + 1, false);
DROP TABLE folio_sequence;
