-- Gender workshops and other community workshops, with registration, a waitlist and attendance.
CREATE TABLE workshop (
    id             UUID         PRIMARY KEY,
    consulate_code VARCHAR(8)   NOT NULL REFERENCES consulate (code),
    title          VARCHAR(200) NOT NULL,
    topic          VARCHAR(32)  NOT NULL,
    city           VARCHAR(100) NOT NULL,
    venue          VARCHAR(300) NOT NULL,
    language       VARCHAR(40)  NOT NULL,
    starts_at      TIMESTAMPTZ  NOT NULL,
    ends_at        TIMESTAMPTZ  NOT NULL,
    capacity       INTEGER      NOT NULL CHECK (capacity > 0),
    status         VARCHAR(16)  NOT NULL,
    created_by     VARCHAR(200) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    CHECK (ends_at > starts_at)
);

CREATE INDEX workshop_consulate_start ON workshop (consulate_code, starts_at);
CREATE INDEX workshop_city_start ON workshop (city, starts_at);

CREATE TABLE workshop_registration (
    id            UUID         PRIMARY KEY,
    workshop_id   UUID         NOT NULL REFERENCES workshop (id),
    citizen_id    UUID         REFERENCES citizen (id),
    curp          CHAR(18),
    guest_name    VARCHAR(200),
    guest_email   VARCHAR(254),
    status        VARCHAR(16)  NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    confirmed_at  TIMESTAMPTZ,
    cancelled_at  TIMESTAMPTZ,
    attended      BOOLEAN      NOT NULL DEFAULT FALSE,
    registered_by VARCHAR(200) NOT NULL,
    CHECK (curp IS NOT NULL OR guest_name IS NOT NULL)
);

CREATE INDEX workshop_registration_workshop ON workshop_registration (workshop_id, status, registered_at);
CREATE UNIQUE INDEX workshop_registration_once ON workshop_registration (workshop_id, curp)
    WHERE curp IS NOT NULL AND status <> 'CANCELLED';
