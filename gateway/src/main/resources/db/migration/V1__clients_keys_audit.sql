-- Machine clients of the suite (partner agencies, institutions, support partners, INE, the mobile
-- app's backend) and their API keys. Keys are stored as SHA-256 hashes of their secret part only.
CREATE TABLE api_client (
    client_id                VARCHAR(64)  PRIMARY KEY,
    name                     VARCHAR(200) NOT NULL,
    role                     VARCHAR(40)  NOT NULL,
    scopes                   VARCHAR(1000) NOT NULL,
    consulate                VARCHAR(8),
    requests_per_second      INTEGER,
    bookings_per_minute      INTEGER,
    active                   BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL
);

CREATE TABLE api_key (
    key_id      VARCHAR(32) PRIMARY KEY,
    client_id   VARCHAR(64) NOT NULL REFERENCES api_client (client_id),
    secret_hash BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);

CREATE INDEX api_key_client ON api_key (client_id);

-- Append-only audit trail of administrative actions.
CREATE TABLE admin_audit (
    id         BIGSERIAL    PRIMARY KEY,
    at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor      VARCHAR(200) NOT NULL,
    action     VARCHAR(64)  NOT NULL,
    target     VARCHAR(200) NOT NULL,
    detail     VARCHAR(2000),
    request_id VARCHAR(128)
);

CREATE FUNCTION admin_audit_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'admin_audit is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER admin_audit_append_only BEFORE UPDATE OR DELETE ON admin_audit
    FOR EACH ROW EXECUTE FUNCTION admin_audit_is_append_only();
