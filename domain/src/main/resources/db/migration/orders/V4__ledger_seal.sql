ALTER TABLE txlab_run ADD COLUMN acknowledged BIGINT;
ALTER TABLE txlab_run ADD COLUMN ledger_sha256 VARCHAR(64);
