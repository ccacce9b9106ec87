-- The citizen timeline: every procedure of a citizen across the suite, newest first. A read model fed
-- by this service's own changes and by the voter and scholarship topics.
CREATE TABLE timeline_entry (
    seq         BIGSERIAL    PRIMARY KEY,
    id          UUID         NOT NULL UNIQUE,
    curp        CHAR(18)     NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    source      VARCHAR(32)  NOT NULL,
    kind        VARCHAR(64)  NOT NULL,
    title       VARCHAR(300) NOT NULL,
    reference   VARCHAR(100),
    status      VARCHAR(32),
    dedupe_key  VARCHAR(200) UNIQUE
);

CREATE INDEX timeline_entry_curp ON timeline_entry (curp, occurred_at DESC, seq DESC);

-- ARCO requests (Access, Rectification, Cancellation, Opposition) under the LGPDPPSO, each tracked
-- against the legal response deadline in working days.
CREATE TABLE arco_request (
    id          UUID          PRIMARY KEY,
    citizen_id  UUID          NOT NULL REFERENCES citizen (id),
    curp        CHAR(18)      NOT NULL,
    type        VARCHAR(16)   NOT NULL,
    details     VARCHAR(2000),
    status      VARCHAR(16)   NOT NULL,
    received_at TIMESTAMPTZ   NOT NULL,
    due_on      DATE          NOT NULL,
    answered_at TIMESTAMPTZ,
    answer      VARCHAR(2000),
    answered_by VARCHAR(200),
    filed_by    VARCHAR(200)  NOT NULL
);

CREATE INDEX arco_request_curp ON arco_request (curp, received_at DESC);
CREATE INDEX arco_request_open ON arco_request (due_on) WHERE status IN ('RECEIVED', 'IN_PROGRESS');
