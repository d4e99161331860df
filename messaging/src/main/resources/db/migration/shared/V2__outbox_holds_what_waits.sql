-- The outbox holds only what waits to be published: the relay deletes a batch's rows once the broker
-- has confirmed every message of it (that delete is the batch's mark), so the table stays as small as
-- the backlog instead of growing with every message ever sent. A row is never published again once
-- deleted, so this adds no way for a duplicate to arrive (see docs/design.md, "Messaging for the sagas").
-- A new table, renamed, because H2 refuses to drop a column that an index names.
CREATE TABLE outbox_waiting (
    message_id     VARCHAR(40)   NOT NULL PRIMARY KEY,
    destination    VARCHAR(100)  NOT NULL,
    correlation_id VARCHAR(40)   NOT NULL,
    body           VARCHAR(4000) NOT NULL,
    seq            BIGINT        NOT NULL
);

INSERT INTO outbox_waiting (message_id, destination, correlation_id, body, seq)
    SELECT message_id, destination, correlation_id, body, seq FROM outbox WHERE published = FALSE;

DROP TABLE outbox;

ALTER TABLE outbox_waiting RENAME TO outbox;

CREATE INDEX outbox_seq_idx ON outbox (seq);
