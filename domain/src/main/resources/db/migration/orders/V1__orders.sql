CREATE TABLE orders (
    order_id      VARCHAR(40) NOT NULL PRIMARY KEY,
    customer_id   VARCHAR(40) NOT NULL,
    total_cents   BIGINT      NOT NULL,
    status        VARCHAR(16) NOT NULL,
    reason        VARCHAR(32),
    created_at_ms BIGINT      NOT NULL,
    decided_at_ms BIGINT
);

CREATE INDEX orders_status_idx ON orders (status);

CREATE TABLE order_items (
    order_id         VARCHAR(40) NOT NULL,
    line_no          INTEGER     NOT NULL,
    sku              VARCHAR(40) NOT NULL,
    quantity         BIGINT      NOT NULL,
    unit_price_cents BIGINT      NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
