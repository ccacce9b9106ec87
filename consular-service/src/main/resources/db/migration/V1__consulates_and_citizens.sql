CREATE TABLE consulate (
    code      VARCHAR(8)   PRIMARY KEY,
    name      VARCHAR(200) NOT NULL,
    city      VARCHAR(100) NOT NULL,
    country   CHAR(2)      NOT NULL,
    time_zone VARCHAR(64)  NOT NULL,
    address   VARCHAR(300) NOT NULL,
    phone     VARCHAR(32)
);

INSERT INTO consulate (code, name, city, country, time_zone, address, phone) VALUES
    ('SJC', 'Consulado de México en San José', 'San Jose', 'US', 'America/Los_Angeles',
     '302 Enzo Drive, San Jose, CA 95138', '+14082944200'),
    ('LAX', 'Consulado General de México en Los Ángeles', 'Los Angeles', 'US', 'America/Los_Angeles',
     '2401 W 6th St, Los Angeles, CA 90057', '+12133516800'),
    ('CHI', 'Consulado General de México en Chicago', 'Chicago', 'US', 'America/Chicago',
     '204 S Ashland Ave, Chicago, IL 60607', '+13127380383'),
    ('AUS', 'Consulado General de México en Austin', 'Austin', 'US', 'America/Chicago',
     '410 Baylor St, Austin, TX 78703', '+15124786560'),
    ('MTL', 'Consulado General de México en Montreal', 'Montreal', 'CA', 'America/Toronto',
     '2055 Rue Peel, Bureau 1000, Montreal, QC H3A 1V4', '+15142880010'),
    ('NYC', 'Consulado General de México en Nueva York', 'New York', 'US', 'America/New_York',
     '27 E 39th St, New York, NY 10016', '+12122170400'),
    ('HOU', 'Consulado General de México en Houston', 'Houston', 'US', 'America/Chicago',
     '4507 San Jacinto St, Houston, TX 77004', '+17132716800'),
    ('DAL', 'Consulado General de México en Dallas', 'Dallas', 'US', 'America/Chicago',
     '1210 River Bend Dr, Dallas, TX 75247', '+12142524400'),
    ('TOR', 'Consulado General de México en Toronto', 'Toronto', 'CA', 'America/Toronto',
     '11 King St W, Suite 350, Toronto, ON M5H 4C7', '+14163682875'),
    ('MAD', 'Sección Consular de la Embajada de México en España', 'Madrid', 'ES', 'Europe/Madrid',
     'Carrera de San Jerónimo 46, 28014 Madrid', '+34913692814');

CREATE TABLE citizen (
    id                     UUID         PRIMARY KEY,
    curp                   CHAR(18)     NOT NULL UNIQUE,
    given_names            VARCHAR(100) NOT NULL,
    first_surname          VARCHAR(100) NOT NULL,
    second_surname         VARCHAR(100),
    date_of_birth          DATE         NOT NULL,
    sex                    CHAR(1)      NOT NULL,
    email                  VARCHAR(254),
    phone                  VARCHAR(16),
    address_line1          VARCHAR(200) NOT NULL,
    address_line2          VARCHAR(200),
    address_city           VARCHAR(100) NOT NULL,
    address_region         VARCHAR(100),
    address_postal_code    VARCHAR(20),
    address_country        CHAR(2)      NOT NULL,
    consulate_code         VARCHAR(8)   NOT NULL REFERENCES consulate (code),
    privacy_notice_version VARCHAR(32)  NOT NULL,
    consent_given_at       TIMESTAMPTZ  NOT NULL,
    created_at             TIMESTAMPTZ  NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL,
    version                BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX citizen_consulate ON citizen (consulate_code);
