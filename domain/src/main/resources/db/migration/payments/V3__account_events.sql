-- The event-sourced account (--accounts-model event-sourced): each customer's account is its stream of
-- events, OPENED with the initial balance, then DEBITED and CREDITED per payment and refund, a long-lived
-- aggregate (unlike an order's three events). Primary key (stream, version): the optimistic concurrency.
CREATE TABLE account_events (
    stream_id       VARCHAR(40)  NOT NULL,
    version         INTEGER      NOT NULL,
    event_type      VARCHAR(16)  NOT NULL,
    payload         VARCHAR(200) NOT NULL,
    committed_at_ms BIGINT       NOT NULL,
    PRIMARY KEY (stream_id, version)
);

-- A snapshot of an account every N events (--snapshot-every N), stored with the version it covers, in
-- the transaction of the event that reached it; loading reads the latest, then only the events after it.
CREATE TABLE account_snapshots (
    stream_id   VARCHAR(40)  NOT NULL,
    version     INTEGER      NOT NULL,
    payload     VARCHAR(200) NOT NULL,
    taken_at_ms BIGINT       NOT NULL,
    PRIMARY KEY (stream_id, version)
);
