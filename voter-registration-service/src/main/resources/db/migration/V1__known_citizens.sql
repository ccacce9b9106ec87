-- Citizens registered with a consulate, as announced on consular.citizens. The voter service keeps
-- only what it needs to pre-check eligibility: no names, contact details or street address.
CREATE TABLE known_citizen (
    curp                 CHAR(18)    PRIMARY KEY,
    citizen_id           UUID        NOT NULL,
    consulate_code       VARCHAR(8)  NOT NULL,
    country_of_residence CHAR(2)     NOT NULL,
    registered_at        TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
