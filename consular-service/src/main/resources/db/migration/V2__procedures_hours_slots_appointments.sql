-- The procedure catalogue, with statutory deadlines (calendar days) and a target counter wait.
CREATE TABLE procedure (
    code                  VARCHAR(32)   PRIMARY KEY,
    name                  VARCHAR(200)  NOT NULL,
    description           VARCHAR(1000) NOT NULL,
    max_resolution_days   INTEGER       NOT NULL CHECK (max_resolution_days > 0),
    max_info_request_days INTEGER       NOT NULL CHECK (max_info_request_days > 0),
    target_wait_minutes   INTEGER       NOT NULL CHECK (target_wait_minutes > 0),
    slot_minutes          INTEGER       NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240)
);

INSERT INTO procedure VALUES
    ('PASSPORT', 'Passport', 'First issue or renewal of an ordinary Mexican passport', 10, 3, 30, 20),
    ('MATRICULA', 'Matrícula consular', 'Consular identification card of Mexicans living abroad', 10, 3, 30, 20),
    ('LEGALIZATION', 'Legalisation', 'Legalisation of foreign public documents for use in Mexico', 30, 10, 45, 30),
    ('VOTER_CARD', 'Voter card from abroad', 'Capture of an INE voter-card application: documents, fingerprints, photo and signature', 5, 2, 30, 30),
    ('BIRTH_REGISTRATION', 'Birth registration', 'Registration of a child born abroad to a Mexican parent', 10, 3, 45, 40),
    ('POWER_OF_ATTORNEY', 'Power of attorney', 'Notarial acts: powers of attorney before the consul', 15, 5, 45, 40),
    ('CERTIFICATE', 'Certificates', 'Certificates of Mexican nationality, residence and others', 10, 3, 30, 20);

-- Opening hours per weekday (ISO 1 = Monday), in the consulate's own time zone.
CREATE TABLE consulate_hours (
    consulate_code VARCHAR(8) NOT NULL REFERENCES consulate (code),
    day_of_week    SMALLINT   NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    opens          TIME       NOT NULL,
    closes         TIME       NOT NULL CHECK (closes > opens),
    PRIMARY KEY (consulate_code, day_of_week)
);

INSERT INTO consulate_hours (consulate_code, day_of_week, opens, closes)
SELECT c.code, d.day, TIME '08:00', TIME '14:00'
FROM consulate c CROSS JOIN (VALUES (1), (2), (3), (4), (5)) AS d (day);

-- Saturday service ("sabatinos") at the largest consulates.
INSERT INTO consulate_hours (consulate_code, day_of_week, opens, closes) VALUES
    ('LAX', 6, TIME '09:00', TIME '13:00'),
    ('CHI', 6, TIME '09:00', TIME '13:00'),
    ('HOU', 6, TIME '09:00', TIME '13:00'),
    ('DAL', 6, TIME '09:00', TIME '13:00');

CREATE TABLE consulate_holiday (
    consulate_code VARCHAR(8)   NOT NULL REFERENCES consulate (code),
    day            DATE         NOT NULL,
    name           VARCHAR(200) NOT NULL,
    PRIMARY KEY (consulate_code, day)
);

-- Mexican official rest days close every office; host-country holidays close the offices there.
INSERT INTO consulate_holiday (consulate_code, day, name)
SELECT c.code, h.day, h.name
FROM consulate c CROSS JOIN (VALUES
    (DATE '2026-12-25', 'Navidad'),
    (DATE '2027-01-01', 'Año Nuevo'),
    (DATE '2027-02-01', 'Día de la Constitución'),
    (DATE '2027-03-15', 'Natalicio de Benito Juárez'),
    (DATE '2027-05-01', 'Día del Trabajo'),
    (DATE '2027-09-16', 'Día de la Independencia'),
    (DATE '2027-11-15', 'Día de la Revolución'),
    (DATE '2027-12-25', 'Navidad')) AS h (day, name);

INSERT INTO consulate_holiday (consulate_code, day, name)
SELECT c.code, h.day, h.name
FROM consulate c JOIN (VALUES
    ('US', DATE '2027-05-31', 'Memorial Day'),
    ('US', DATE '2027-07-05', 'Independence Day (observed)'),
    ('US', DATE '2027-09-06', 'Labor Day'),
    ('US', DATE '2027-11-25', 'Thanksgiving'),
    ('CA', DATE '2027-07-01', 'Canada Day'),
    ('CA', DATE '2027-09-06', 'Labour Day'),
    ('ES', DATE '2026-12-08', 'Inmaculada Concepción'),
    ('ES', DATE '2027-01-06', 'Epifanía del Señor')) AS h (country, day, name) ON h.country = c.country;

-- Which procedures each consulate offers, and how many people a slot takes.
CREATE TABLE consulate_service (
    consulate_code VARCHAR(8)  NOT NULL REFERENCES consulate (code),
    procedure_code VARCHAR(32) NOT NULL REFERENCES procedure (code),
    seats_per_slot INTEGER     NOT NULL CHECK (seats_per_slot > 0),
    PRIMARY KEY (consulate_code, procedure_code)
);

INSERT INTO consulate_service (consulate_code, procedure_code, seats_per_slot)
SELECT c.code, p.code, CASE WHEN p.code IN ('PASSPORT', 'MATRICULA') THEN 4 ELSE 2 END
FROM consulate c CROSS JOIN procedure p;

-- Seats taken per slot. A row is created on the first booking of its slot; "booked" only moves under
-- the row lock, with a check that it never passes the capacity.
CREATE TABLE slot (
    consulate_code VARCHAR(8)  NOT NULL,
    procedure_code VARCHAR(32) NOT NULL,
    starts_at      TIMESTAMPTZ NOT NULL,
    capacity       INTEGER     NOT NULL,
    booked         INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (consulate_code, procedure_code, starts_at),
    FOREIGN KEY (consulate_code, procedure_code) REFERENCES consulate_service (consulate_code, procedure_code),
    CHECK (booked >= 0 AND booked <= capacity)
);

CREATE TABLE appointment (
    id             UUID        PRIMARY KEY,
    citizen_id     UUID        NOT NULL REFERENCES citizen (id),
    curp           CHAR(18)    NOT NULL,
    consulate_code VARCHAR(8)  NOT NULL,
    procedure_code VARCHAR(32) NOT NULL,
    starts_at      TIMESTAMPTZ NOT NULL,
    ends_at        TIMESTAMPTZ NOT NULL,
    status         VARCHAR(16) NOT NULL,
    channel        VARCHAR(16) NOT NULL,
    booked_by      VARCHAR(200) NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    version        BIGINT      NOT NULL DEFAULT 0,
    FOREIGN KEY (consulate_code, procedure_code, starts_at) REFERENCES slot (consulate_code, procedure_code, starts_at)
);

CREATE INDEX appointment_citizen_active ON appointment (citizen_id) WHERE status = 'BOOKED';
CREATE INDEX appointment_due ON appointment (ends_at) WHERE status = 'BOOKED';
CREATE INDEX appointment_consulate_day ON appointment (consulate_code, starts_at);
