-- Portable like V1. Which model (provider/model, as the price table names it) each ledger entry is for, so the admins
-- can see usage and cost per person and model. Entries from before are NULL: their model was not kept.
ALTER TABLE model_usage ADD COLUMN model VARCHAR(255);
CREATE INDEX model_usage_recorded_idx ON model_usage (recorded_at);
