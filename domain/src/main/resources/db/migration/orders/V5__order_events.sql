-- The event-sourced orders model (--orders-model event-sourced): each order is its stream of events,
-- created (with its lines and total), then approved or rejected (with its reason). The primary key
-- (stream, version) is the optimistic concurrency: a second writer of the same version fails.
CREATE TABLE order_events (
    stream_id       VARCHAR(40)   NOT NULL,
    version         INTEGER       NOT NULL,
    event_type      VARCHAR(16)   NOT NULL,
    payload         VARCHAR(4000) NOT NULL,
    committed_at_ms BIGINT        NOT NULL,
    PRIMARY KEY (stream_id, version)
);

-- The run record says which model its orders service keeps, for a recovery to resume it alike.
ALTER TABLE txlab_run ADD COLUMN orders_model VARCHAR(16);
