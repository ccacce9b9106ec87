-- IME-Becas: grants to institutions that serve low-income students of Mexican origin.
CREATE TABLE institution (
    id             UUID         PRIMARY KEY,
    legal_name     VARCHAR(200) NOT NULL,
    tax_id         VARCHAR(32)  NOT NULL,
    type           VARCHAR(32)  NOT NULL,
    consulate_code VARCHAR(8)   NOT NULL,
    owner_client   VARCHAR(64),
    status         VARCHAR(24)  NOT NULL,
    verified_at    TIMESTAMPTZ,
    verified_by    VARCHAR(200),
    verification_note VARCHAR(500),
    created_at     TIMESTAMPTZ  NOT NULL,
    UNIQUE (tax_id, consulate_code)
);

CREATE TABLE institution_contact (
    id             UUID         PRIMARY KEY,
    institution_id UUID         NOT NULL REFERENCES institution (id),
    name           VARCHAR(200) NOT NULL,
    role           VARCHAR(100),
    email          VARCHAR(254) NOT NULL,
    phone          VARCHAR(16),
    curp           CHAR(18)
);

CREATE TABLE call (
    id                   UUID         PRIMARY KEY,
    consulate_code       VARCHAR(8)   NOT NULL,
    cycle                INTEGER      NOT NULL,
    title                VARCHAR(200) NOT NULL,
    opens_at             TIMESTAMPTZ  NOT NULL,
    closes_at            TIMESTAMPTZ  NOT NULL,
    time_zone            VARCHAR(64)  NOT NULL,
    adult_education_cap  BIGINT       NOT NULL CHECK (adult_education_cap >= 0),
    higher_education_cap BIGINT       NOT NULL CHECK (higher_education_cap >= 0),
    currency             CHAR(3)      NOT NULL,
    required_documents   VARCHAR(500) NOT NULL,
    rubric               TEXT         NOT NULL,
    committee            VARCHAR(700),
    created_by           VARCHAR(200) NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    UNIQUE (consulate_code, cycle),
    CHECK (closes_at > opens_at)
);

-- The IME-wide budget of a cycle; every award round locks its row, so concurrent rounds never overspend.
CREATE TABLE cycle_budget (
    cycle       INTEGER PRIMARY KEY,
    total_cents BIGINT  NOT NULL CHECK (total_cents >= 0),
    awarded_cents BIGINT NOT NULL DEFAULT 0,
    CHECK (awarded_cents <= total_cents)
);

CREATE TABLE grant_application (
    id                      UUID          PRIMARY KEY,
    call_id                 UUID          NOT NULL REFERENCES call (id),
    institution_id          UUID          NOT NULL REFERENCES institution (id),
    category                VARCHAR(24)   NOT NULL,
    amount_requested_cents  BIGINT        NOT NULL CHECK (amount_requested_cents > 0),
    students                INTEGER       NOT NULL CHECK (students > 0),
    amount_per_student_cents BIGINT       NOT NULL CHECK (amount_per_student_cents > 0),
    selection_process       VARCHAR(4000) NOT NULL,
    timeline                VARCHAR(4000) NOT NULL,
    matching_funds_cents    BIGINT        NOT NULL CHECK (matching_funds_cents >= 0),
    low_income_share_pct    NUMERIC(5, 2) NOT NULL,
    status                  VARCHAR(24)   NOT NULL,
    awarded_cents           BIGINT,
    waitlist_position       INTEGER,
    submitted_at            TIMESTAMPTZ   NOT NULL,
    submitted_by            VARCHAR(200)  NOT NULL,
    UNIQUE (call_id, institution_id, category)
);

CREATE TABLE conflict_of_interest (
    call_id        UUID         NOT NULL REFERENCES call (id),
    member         VARCHAR(200) NOT NULL,
    institution_id UUID         NOT NULL REFERENCES institution (id),
    reason         VARCHAR(500) NOT NULL,
    declared_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (call_id, member, institution_id)
);

CREATE TABLE score (
    application_id UUID          NOT NULL REFERENCES grant_application (id),
    member         VARCHAR(200)  NOT NULL,
    criteria       TEXT          NOT NULL,
    total          NUMERIC(6, 2) NOT NULL,
    scored_at      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (application_id, member)
);

CREATE TABLE award (
    id             UUID         PRIMARY KEY,
    application_id UUID         NOT NULL UNIQUE REFERENCES grant_application (id),
    call_id        UUID         NOT NULL REFERENCES call (id),
    institution_id UUID         NOT NULL REFERENCES institution (id),
    consulate_code VARCHAR(8)   NOT NULL,
    cycle          INTEGER      NOT NULL,
    category       VARCHAR(24)  NOT NULL,
    amount_cents   BIGINT       NOT NULL CHECK (amount_cents > 0),
    currency       CHAR(3)      NOT NULL,
    partial        BOOLEAN      NOT NULL,
    mou_signed_on  DATE,
    mou_signatory  VARCHAR(200),
    non_compliant  BOOLEAN      NOT NULL DEFAULT FALSE,
    awarded_at     TIMESTAMPTZ  NOT NULL
);

-- Money that moved, with IME funds and the institution's matching funds kept apart.
CREATE TABLE ledger_entry (
    id          UUID         PRIMARY KEY,
    award_id    UUID         NOT NULL REFERENCES award (id),
    fund        VARCHAR(16)  NOT NULL,
    amount_cents BIGINT      NOT NULL CHECK (amount_cents > 0),
    reference   VARCHAR(100) NOT NULL,
    booked_on   DATE         NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    recorded_by VARCHAR(200) NOT NULL
);

CREATE INDEX ledger_entry_award ON ledger_entry (award_id, fund);

CREATE TABLE beneficiary_report (
    id                     UUID        PRIMARY KEY,
    award_id               UUID        NOT NULL REFERENCES award (id),
    period                 VARCHAR(40) NOT NULL,
    students_served        INTEGER     NOT NULL CHECK (students_served >= 0),
    low_income_students    INTEGER     NOT NULL CHECK (low_income_students >= 0),
    funds_used_cents       BIGINT      NOT NULL CHECK (funds_used_cents >= 0),
    funds_low_income_cents BIGINT      NOT NULL CHECK (funds_low_income_cents >= 0),
    low_income_share_pct   NUMERIC(5, 2) NOT NULL,
    compliant              BOOLEAN     NOT NULL,
    reported_at            TIMESTAMPTZ NOT NULL
);

-- Documents (PDF attachments, award papers, contest drawings), checked by content.
CREATE TABLE document (
    id           UUID         PRIMARY KEY,
    owner_type   VARCHAR(24)  NOT NULL,
    owner_id     UUID         NOT NULL,
    kind         VARCHAR(60)  NOT NULL,
    filename     VARCHAR(200) NOT NULL,
    content_type VARCHAR(64)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       BYTEA        NOT NULL,
    content      BYTEA        NOT NULL,
    uploaded_at  TIMESTAMPTZ  NOT NULL,
    uploaded_by  VARCHAR(200) NOT NULL
);

CREATE INDEX document_owner ON document (owner_type, owner_id, kind);

-- The children's drawing contest "Este es mi México".
CREATE TABLE contest (
    id             UUID          PRIMARY KEY,
    title          VARCHAR(200)  NOT NULL,
    cycle          INTEGER       NOT NULL,
    opens_at       TIMESTAMPTZ   NOT NULL,
    closes_at      TIMESTAMPTZ   NOT NULL,
    rules_text     TEXT          NOT NULL,
    rules_version  VARCHAR(32)   NOT NULL,
    age_categories TEXT          NOT NULL,
    results_published_at TIMESTAMPTZ,
    created_at     TIMESTAMPTZ   NOT NULL
);

CREATE TABLE contest_entry (
    id                    UUID         PRIMARY KEY,
    contest_id            UUID         NOT NULL REFERENCES contest (id),
    child_given_names     VARCHAR(100) NOT NULL,
    child_surnames_enc    TEXT         NOT NULL,
    child_date_of_birth   DATE         NOT NULL,
    child_age             INTEGER      NOT NULL,
    age_category          VARCHAR(40)  NOT NULL,
    country_of_residence  CHAR(2)      NOT NULL,
    drawing_title         VARCHAR(200) NOT NULL,
    guardian_enc          TEXT         NOT NULL,
    guardian_curp         CHAR(18),
    mexican_background    VARCHAR(24)  NOT NULL,
    rules_version         VARCHAR(32)  NOT NULL,
    rights_transferred    BOOLEAN      NOT NULL,
    publication_consent   BOOLEAN      NOT NULL,
    consent_given_at      TIMESTAMPTZ  NOT NULL,
    status                VARCHAR(24)  NOT NULL,
    disqualification      VARCHAR(24),
    disqualification_note VARCHAR(500),
    placement             VARCHAR(24),
    submitted_by          VARCHAR(200) NOT NULL,
    created_at            TIMESTAMPTZ  NOT NULL
);

CREATE INDEX contest_entry_contest ON contest_entry (contest_id, status);

-- Who saw a child's personal data, disqualified an entry or placed it, and when.
CREATE TABLE contest_audit (
    id         BIGSERIAL    PRIMARY KEY,
    entry_id   UUID         NOT NULL REFERENCES contest_entry (id),
    actor      VARCHAR(200) NOT NULL,
    action     VARCHAR(32)  NOT NULL,
    detail     VARCHAR(500),
    request_id VARCHAR(64),
    at         TIMESTAMPTZ  NOT NULL
);

CREATE INDEX contest_audit_entry ON contest_audit (entry_id, at);
