-- One outbox and one inbox per database, whichever services it holds (migrated once per database).
CREATE TABLE outbox (
    message_id     VARCHAR(40)   NOT NULL PRIMARY KEY,
    destination    VARCHAR(100)  NOT NULL,
    correlation_id VARCHAR(40)   NOT NULL,
    body           VARCHAR(4000) NOT NULL,
    seq            BIGINT        NOT NULL,
    published      BOOLEAN       NOT NULL
);

CREATE INDEX outbox_unpublished_idx ON outbox (published, seq);

CREATE TABLE inbox (
    message_id     VARCHAR(40)   NOT NULL,
    consumer       VARCHAR(100)  NOT NULL,
    processed_at_ms BIGINT       NOT NULL,
    PRIMARY KEY (message_id, consumer)
);
