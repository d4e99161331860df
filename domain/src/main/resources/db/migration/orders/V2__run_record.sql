CREATE TABLE txlab_run (
    run_key               INTEGER       NOT NULL PRIMARY KEY,
    implementation        VARCHAR(32)   NOT NULL,
    topology              VARCHAR(32)   NOT NULL,
    workload              VARCHAR(2000) NOT NULL,
    durability            VARCHAR(16)   NOT NULL,
    initial_stock         BIGINT        NOT NULL,
    initial_money_cents   BIGINT        NOT NULL,
    termination_bound_ms  BIGINT        NOT NULL,
    tm_node               VARCHAR(64),
    tm_log_dir            VARCHAR(1000),
    setup_complete        BOOLEAN       NOT NULL,
    started_at_ms         BIGINT        NOT NULL
);
