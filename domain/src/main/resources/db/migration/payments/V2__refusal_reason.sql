-- A refunded marker left by a refused confirmation keeps the refusal's reason, so a later copy of
-- the same confirmation is refused again with it (a marker left by a compensation has none).
ALTER TABLE payments ADD COLUMN refusal_reason VARCHAR(40);
