package mx.gob.sre.voter.citizen;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A citizen registered with a consulate, as the consular service announced it. */
@Entity
@Table(name = "known_citizen")
public class KnownCitizen {

    @Id
    @Column(length = 18)
    public String curp;

    @Column(name = "citizen_id", nullable = false)
    public UUID citizenId;

    @Column(name = "consulate_code", nullable = false)
    public String consulateCode;

    @Column(name = "country_of_residence", nullable = false, length = 2)
    public String countryOfResidence;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
