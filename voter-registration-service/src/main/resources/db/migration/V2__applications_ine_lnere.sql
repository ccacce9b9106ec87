-- Voter-card applications from abroad (INE's Credencial para Votar desde el Extranjero).
CREATE TABLE folio_sequence (
    consulate_code VARCHAR(8) NOT NULL,
    year           INTEGER    NOT NULL,
    last_number    INTEGER    NOT NULL,
    PRIMARY KEY (consulate_code, year)
);

CREATE TABLE application (
    id                        UUID          PRIMARY KEY,
    folio                     VARCHAR(24)   NOT NULL UNIQUE,
    curp                      CHAR(18)      NOT NULL,
    given_names               VARCHAR(100)  NOT NULL,
    first_surname             VARCHAR(100)  NOT NULL,
    second_surname            VARCHAR(100),
    date_of_birth             DATE          NOT NULL,
    sex                       CHAR(1)       NOT NULL,
    voting_state              CHAR(2),
    nationality_proof         VARCHAR(32)   NOT NULL,
    address_line1             VARCHAR(200)  NOT NULL,
    address_line2             VARCHAR(200),
    address_city              VARCHAR(100)  NOT NULL,
    address_region            VARCHAR(100),
    address_postal_code       VARCHAR(20),
    address_country           CHAR(2)       NOT NULL,
    consulate_code            VARCHAR(8)    NOT NULL,
    proof_of_address_issued_on DATE         NOT NULL,
    address_in_district       BOOLEAN       NOT NULL,
    documents_verified        BOOLEAN       NOT NULL,
    fingerprints_ref          VARCHAR(300)  NOT NULL,
    photo_ref                 VARCHAR(300)  NOT NULL,
    signature_ref             VARCHAR(300)  NOT NULL,
    source                    VARCHAR(24)   NOT NULL,
    verification_id           UUID          UNIQUE,
    status                    VARCHAR(24)   NOT NULL,
    remediation_reasons       VARCHAR(200),
    remediation_deadline      DATE,
    delivery_attempts         INTEGER       NOT NULL DEFAULT 0,
    held_until                DATE,
    delivered_at              TIMESTAMPTZ,
    activated_at              TIMESTAMPTZ,
    election_id               VARCHAR(40)   NOT NULL,
    created_at                TIMESTAMPTZ   NOT NULL,
    updated_at                TIMESTAMPTZ   NOT NULL,
    created_by                VARCHAR(200)  NOT NULL,
    version                   BIGINT        NOT NULL DEFAULT 0
);

-- One open application per CURP: closed ones (rejected, returned, cancelled) do not count.
CREATE UNIQUE INDEX application_open_per_curp ON application (curp)
    WHERE status NOT IN ('REJECTED', 'RETURNED', 'CANCELLED');
CREATE INDEX application_curp ON application (curp);
CREATE INDEX application_consulate ON application (consulate_code, created_at);
CREATE INDEX application_delivered ON application (delivered_at) WHERE status = 'DELIVERED';
CREATE INDEX application_remediation ON application (remediation_deadline) WHERE status = 'NEEDS_REMEDIATION';
CREATE INDEX application_held ON application (held_until) WHERE status = 'HELD';

CREATE TABLE application_history (
    id             BIGSERIAL    PRIMARY KEY,
    application_id UUID         NOT NULL REFERENCES application (id),
    from_status    VARCHAR(24),
    to_status      VARCHAR(24)  NOT NULL,
    at             TIMESTAMPTZ  NOT NULL,
    by             VARCHAR(200) NOT NULL,
    note           VARCHAR(500)
);

CREATE INDEX application_history_app ON application_history (application_id, id);

-- Durable submissions to INE: written with the application, sent by the dispatcher until INE accepts.
CREATE TABLE ine_submission (
    application_id UUID         PRIMARY KEY REFERENCES application (id),
    kind           VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    attempts       INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error     VARCHAR(200),
    accepted_at    TIMESTAMPTZ,
    created_at     TIMESTAMPTZ  NOT NULL
);

CREATE INDEX ine_submission_due ON ine_submission (next_attempt_at) WHERE status = 'PENDING';

-- Every callback INE sent, accepted or refused, with why.
CREATE TABLE ine_callback (
    id            BIGSERIAL    PRIMARY KEY,
    callback_id   VARCHAR(100),
    folio         VARCHAR(24),
    body_hash     BYTEA,
    outcome       VARCHAR(32)  NOT NULL,
    detail        VARCHAR(300),
    received_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX ine_callback_applied ON ine_callback (callback_id) WHERE outcome = 'APPLIED';

-- Activation reminders already sent.
CREATE TABLE activation_reminder (
    application_id UUID        NOT NULL REFERENCES application (id),
    number         INTEGER     NOT NULL,
    sent_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (application_id, number)
);

-- The list of voters residing abroad (LNERE), per election.
CREATE TABLE lnere_registration (
    id                   UUID        PRIMARY KEY,
    election_id          VARCHAR(40) NOT NULL,
    application_id       UUID        NOT NULL REFERENCES application (id),
    curp                 CHAR(18)    NOT NULL,
    voting_state         CHAR(2),
    country_of_residence CHAR(2)     NOT NULL,
    modality             VARCHAR(16) NOT NULL,
    registered_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (election_id, curp)
);

CREATE INDEX lnere_registration_election ON lnere_registration (election_id, registered_at, id);
