CREATE TABLE accounts (
    customer_id   VARCHAR(40) NOT NULL PRIMARY KEY,
    balance_cents BIGINT      NOT NULL
);

CREATE TABLE payments (
    payment_id     VARCHAR(40) NOT NULL PRIMARY KEY,
    order_id       VARCHAR(40) NOT NULL,
    customer_id    VARCHAR(40) NOT NULL,
    amount_cents   BIGINT      NOT NULL,
    status         VARCHAR(16) NOT NULL,
    created_at_ms  BIGINT      NOT NULL,
    refunded_at_ms BIGINT
);

CREATE INDEX payments_order_idx ON payments (order_id);
