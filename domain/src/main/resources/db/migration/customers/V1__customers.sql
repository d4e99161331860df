CREATE TABLE customers (
    customer_id VARCHAR(40) NOT NULL PRIMARY KEY,
    name        VARCHAR(80) NOT NULL,
    enabled     BOOLEAN     NOT NULL
);

CREATE TABLE authorizations (
    authorization_id VARCHAR(40) NOT NULL PRIMARY KEY,
    order_id         VARCHAR(40) NOT NULL,
    customer_id      VARCHAR(40) NOT NULL,
    authorized_at_ms BIGINT      NOT NULL
);

CREATE INDEX authorizations_order_idx ON authorizations (order_id);
