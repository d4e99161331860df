-- The read models of the event-sourced orders model, projected asynchronously from order_events
-- (harness ReadModelProjector). Each event is projected once: its projected flag is set in the
-- transaction that applies it to the views (a flag per event, as the relay's published flag, so an
-- event whose transaction commits after a later one was projected is found by the next pass).
ALTER TABLE order_events ADD COLUMN projected BOOLEAN DEFAULT FALSE NOT NULL;

CREATE INDEX order_events_unprojected_idx ON order_events (projected, committed_at_ms);

-- An order's summary: its status, total, item count and decision time; version is its stream's
-- version the row reflects (an event at or below it was applied: projecting is idempotent).
CREATE TABLE order_summary (
    order_id       VARCHAR(40) NOT NULL PRIMARY KEY,
    customer_id    VARCHAR(40) NOT NULL,
    status         VARCHAR(16) NOT NULL,
    total_cents    BIGINT      NOT NULL,
    item_count     BIGINT      NOT NULL,
    decided_at_ms  BIGINT,
    version        INTEGER     NOT NULL
);

-- Per customer: the orders placed and the total of those approved.
CREATE TABLE customer_orders (
    customer_id          VARCHAR(40) NOT NULL PRIMARY KEY,
    orders_placed        BIGINT      NOT NULL,
    approved_total_cents BIGINT      NOT NULL
);

-- A rebuild from zero writes here, never into the live views; it replaces them only once it matches.
CREATE TABLE order_summary_shadow (
    order_id       VARCHAR(40) NOT NULL PRIMARY KEY,
    customer_id    VARCHAR(40) NOT NULL,
    status         VARCHAR(16) NOT NULL,
    total_cents    BIGINT      NOT NULL,
    item_count     BIGINT      NOT NULL,
    decided_at_ms  BIGINT,
    version        INTEGER     NOT NULL
);

CREATE TABLE customer_orders_shadow (
    customer_id          VARCHAR(40) NOT NULL PRIMARY KEY,
    orders_placed        BIGINT      NOT NULL,
    approved_total_cents BIGINT      NOT NULL
);

-- One row the projector and a rebuild lock (SELECT ... FOR UPDATE) so that one applies at a time.
CREATE TABLE read_model_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO read_model_lock (id) VALUES (1);
