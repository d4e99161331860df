-- The run record says how its payments service keeps accounts (rows, or event-sourced streams with a
-- snapshot every N events), for a recovery to resume it alike.
ALTER TABLE txlab_run ADD COLUMN accounts_model VARCHAR(16);
ALTER TABLE txlab_run ADD COLUMN snapshot_every INTEGER;
