-- Tables of the platform chassis, shared by every service. This is a Flyway repeatable migration:
-- it runs again whenever it changes, so every statement must be idempotent. See docs/adr/0004.

CREATE TABLE IF NOT EXISTS outbox_event (
    seq           BIGSERIAL    PRIMARY KEY,
    event_id      UUID         NOT NULL UNIQUE,
    topic         VARCHAR(200) NOT NULL,
    aggregate_key VARCHAR(200) NOT NULL,
    event_type    VARCHAR(200) NOT NULL,
    payload       TEXT         NOT NULL,
    request_id    VARCHAR(128),
    occurred_at   TIMESTAMPTZ  NOT NULL,
    published_at  TIMESTAMPTZ,
    attempts      INTEGER      NOT NULL DEFAULT 0
);

CREATE INDEX IF NOT EXISTS outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS inbox_message (
    consumer    VARCHAR(100) NOT NULL,
    event_id    VARCHAR(200) NOT NULL,
    event_type  VARCHAR(200) NOT NULL,
    topic       VARCHAR(200) NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE IF NOT EXISTS idempotency_key (
    scope        VARCHAR(400) NOT NULL,
    idem_key     VARCHAR(255) NOT NULL,
    request_hash BYTEA        NOT NULL,
    response     TEXT,
    created_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, idem_key)
);

CREATE INDEX IF NOT EXISTS idempotency_key_created ON idempotency_key (created_at);
