-- Baseline of the scholarship-service schema. The IME-Becas and contest tables follow in later
-- migrations; the outbox and inbox tables come from the platform's repeatable migration.
SELECT 1;
