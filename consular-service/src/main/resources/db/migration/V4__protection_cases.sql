-- Attention to victims of gender-based violence (SRE–UN Women protocol). Identifying fields and
-- narratives are stored only as AES-GCM ciphertext ("v1:<key id>:<base64>"); nothing here is ever
-- published as an event.

-- Organisations that receive external referrals; client_id is their API client at the gateway.
CREATE TABLE support_partner (
    client_id      VARCHAR(64)  PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    consulate_code VARCHAR(8)   NOT NULL REFERENCES consulate (code),
    services       VARCHAR(200) NOT NULL,
    registered_at  TIMESTAMPTZ  NOT NULL,
    registered_by  VARCHAR(200) NOT NULL
);

CREATE TABLE protection_case (
    id                 UUID         PRIMARY KEY,
    consulate_code     VARCHAR(8)   NOT NULL REFERENCES consulate (code),
    channel            VARCHAR(24)  NOT NULL,
    violence_types     VARCHAR(200) NOT NULL,
    risk_level         VARCHAR(12)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    first_attention_at TIMESTAMPTZ  NOT NULL,
    survivor_enc       TEXT         NOT NULL,
    narrative_enc      TEXT         NOT NULL,
    safe_contact_enc   TEXT         NOT NULL,
    interview_enc      TEXT,
    interviewed_at     TIMESTAMPTZ,
    closed_at          TIMESTAMPTZ,
    opened_by          VARCHAR(200) NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX protection_case_consulate ON protection_case (consulate_code, first_attention_at);

-- The survivor's consent to share with external services: which services and which fields.
CREATE TABLE protection_consent (
    id            UUID         PRIMARY KEY,
    case_id       UUID         NOT NULL REFERENCES protection_case (id),
    services      VARCHAR(200) NOT NULL,
    shared_fields VARCHAR(200) NOT NULL,
    given_on      DATE         NOT NULL,
    expires_on    DATE,
    revoked_at    TIMESTAMPTZ,
    recorded_by   VARCHAR(200) NOT NULL,
    recorded_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE protection_referral (
    id                UUID         PRIMARY KEY,
    case_id           UUID         NOT NULL REFERENCES protection_case (id),
    kind              VARCHAR(16)  NOT NULL,
    service           VARCHAR(32)  NOT NULL,
    partner_client_id VARCHAR(64)  REFERENCES support_partner (client_id),
    consent_id        UUID         REFERENCES protection_consent (id),
    shared_enc        TEXT,
    notes_enc         TEXT,
    status            VARCHAR(16)  NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    created_by        VARCHAR(200) NOT NULL,
    acknowledged_at   TIMESTAMPTZ
);

CREATE INDEX protection_referral_partner ON protection_referral (partner_client_id, created_at);

-- Every read and write of a case: who, when, what and why. Append-only.
CREATE TABLE protection_audit (
    id         BIGSERIAL    PRIMARY KEY,
    case_id    UUID,
    at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor      VARCHAR(200) NOT NULL,
    action     VARCHAR(48)  NOT NULL,
    reason     VARCHAR(500) NOT NULL,
    break_glass BOOLEAN     NOT NULL DEFAULT FALSE,
    request_id VARCHAR(128)
);

CREATE INDEX protection_audit_case ON protection_audit (case_id, at);

CREATE FUNCTION protection_audit_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'protection_audit is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER protection_audit_append_only BEFORE UPDATE OR DELETE ON protection_audit
    FOR EACH ROW EXECUTE FUNCTION protection_audit_is_append_only();
