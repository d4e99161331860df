CREATE TABLE products (
    sku         VARCHAR(40) NOT NULL PRIMARY KEY,
    name        VARCHAR(80) NOT NULL,
    price_cents BIGINT      NOT NULL,
    stock       BIGINT      NOT NULL
);

CREATE TABLE shopping_lists (
    list_id         VARCHAR(40) NOT NULL PRIMARY KEY,
    order_id        VARCHAR(40) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    created_at_ms   BIGINT      NOT NULL,
    cancelled_at_ms BIGINT
);

CREATE INDEX shopping_lists_order_idx ON shopping_lists (order_id);

CREATE TABLE shopping_list_items (
    list_id  VARCHAR(40) NOT NULL,
    sku      VARCHAR(40) NOT NULL,
    quantity BIGINT      NOT NULL,
    PRIMARY KEY (list_id, sku)
);
