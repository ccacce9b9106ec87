-- One queue per office for people with and without an appointment (the 2026 service model).
CREATE TABLE ticket_sequence (
    consulate_code VARCHAR(8) NOT NULL REFERENCES consulate (code),
    service_day    DATE       NOT NULL,
    last_number    INTEGER    NOT NULL,
    PRIMARY KEY (consulate_code, service_day)
);

CREATE TABLE ticket (
    id                 UUID         PRIMARY KEY,
    consulate_code     VARCHAR(8)   NOT NULL REFERENCES consulate (code),
    service_day        DATE         NOT NULL,
    number             VARCHAR(8)   NOT NULL,
    kind               VARCHAR(16)  NOT NULL,
    appointment_id     UUID         UNIQUE REFERENCES appointment (id),
    citizen_id         UUID         REFERENCES citizen (id),
    curp               CHAR(18),
    procedure_code     VARCHAR(32)  NOT NULL REFERENCES procedure (code),
    status             VARCHAR(16)  NOT NULL,
    checked_in_at      TIMESTAMPTZ  NOT NULL,
    called_at          TIMESTAMPTZ,
    serving_started_at TIMESTAMPTZ,
    completed_at       TIMESTAMPTZ,
    counter            VARCHAR(16),
    served_by          VARCHAR(200),
    outcome            VARCHAR(24),
    version            BIGINT       NOT NULL DEFAULT 0,
    UNIQUE (consulate_code, service_day, number)
);

CREATE INDEX ticket_queue ON ticket (consulate_code, service_day, status, checked_in_at);
CREATE INDEX ticket_checked_in ON ticket (consulate_code, checked_in_at);
CREATE INDEX ticket_curp ON ticket (curp);

-- A procedure lodged at the counter, timed against its statutory limits.
CREATE TABLE procedure_case (
    id                  UUID          PRIMARY KEY,
    ticket_id           UUID          NOT NULL UNIQUE REFERENCES ticket (id),
    consulate_code      VARCHAR(8)    NOT NULL,
    procedure_code      VARCHAR(32)   NOT NULL REFERENCES procedure (code),
    citizen_id          UUID,
    curp                CHAR(18),
    status              VARCHAR(16)   NOT NULL,
    opened_at           TIMESTAMPTZ   NOT NULL,
    info_request_due    TIMESTAMPTZ   NOT NULL,
    resolution_due      TIMESTAMPTZ   NOT NULL,
    info_requested_at   TIMESTAMPTZ,
    missing_information VARCHAR(1000),
    resolved_at         TIMESTAMPTZ,
    referred_at         TIMESTAMPTZ,
    referred_to         VARCHAR(200),
    version             BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX procedure_case_consulate_opened ON procedure_case (consulate_code, opened_at);
CREATE INDEX procedure_case_curp ON procedure_case (curp);

-- The customer-service certification survey: one per ticket, each answer 1 to 5.
CREATE TABLE survey (
    ticket_id    UUID        PRIMARY KEY REFERENCES ticket (id),
    punctuality  SMALLINT    NOT NULL CHECK (punctuality BETWEEN 1 AND 5),
    duration     SMALLINT    NOT NULL CHECK (duration BETWEEN 1 AND 5),
    courtesy     SMALLINT    NOT NULL CHECK (courtesy BETWEEN 1 AND 5),
    competence   SMALLINT    NOT NULL CHECK (competence BETWEEN 1 AND 5),
    overall      SMALLINT    NOT NULL CHECK (overall BETWEEN 1 AND 5),
    submitted_at TIMESTAMPTZ NOT NULL
);

-- Voter-card identity verifications sent to the voter service (references to biometrics only).
CREATE TABLE identity_verification (
    id                UUID         PRIMARY KEY,
    ticket_id         UUID         NOT NULL UNIQUE REFERENCES ticket (id),
    citizen_id        UUID         NOT NULL REFERENCES citizen (id),
    nationality_proof VARCHAR(32)  NOT NULL,
    fingerprints_ref  VARCHAR(300) NOT NULL,
    photo_ref         VARCHAR(300) NOT NULL,
    signature_ref     VARCHAR(300) NOT NULL,
    verified_at       TIMESTAMPTZ  NOT NULL,
    verified_by       VARCHAR(200) NOT NULL
);
