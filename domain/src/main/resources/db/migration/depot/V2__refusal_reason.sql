-- A cancelled marker left by a refused reservation keeps the refusal's reason, so a later copy of
-- the same reservation is refused again with it (a marker left by a compensation has none).
ALTER TABLE shopping_lists ADD COLUMN refusal_reason VARCHAR(40);
