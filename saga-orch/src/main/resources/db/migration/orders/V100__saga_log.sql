-- The orchestrator's saga log (saga-orch): one row per saga instance, in the orders database.
CREATE TABLE saga_instances (
    saga_id       VARCHAR(40)   NOT NULL PRIMARY KEY,
    saga_type     VARCHAR(40)   NOT NULL,
    current_step  INT           NOT NULL,
    compensating  BOOLEAN       NOT NULL,
    reason        VARCHAR(40),
    status        VARCHAR(20)   NOT NULL,
    version       BIGINT        NOT NULL,
    saga_data     VARCHAR(4000) NOT NULL,
    updated_at_ms BIGINT        NOT NULL
);

CREATE INDEX saga_instances_status_idx ON saga_instances (status, updated_at_ms);
