package mx.gob.sre.consular.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A Mexican citizen registered with a consulate. */
@Entity
@Table(name = "citizen")
public class Citizen {

    @Id
    public UUID id;

    @Column(nullable = false, length = 18, unique = true)
    public String curp;

    @Column(name = "given_names", nullable = false)
    public String givenNames;

    @Column(name = "first_surname", nullable = false)
    public String firstSurname;

    @Column(name = "second_surname")
    public String secondSurname;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @Column(nullable = false, length = 1)
    public String sex;

    public String email;

    public String phone;

    @Embedded
    @AttributeOverride(name = "line1", column = @Column(name = "address_line1"))
    @AttributeOverride(name = "line2", column = @Column(name = "address_line2"))
    @AttributeOverride(name = "city", column = @Column(name = "address_city"))
    @AttributeOverride(name = "region", column = @Column(name = "address_region"))
    @AttributeOverride(name = "postalCode", column = @Column(name = "address_postal_code"))
    @AttributeOverride(name = "country", column = @Column(name = "address_country"))
    public Address address;

    @Column(name = "consulate_code", nullable = false)
    public String consulateCode;

    @Column(name = "privacy_notice_version", nullable = false)
    public String privacyNoticeVersion;

    @Column(name = "consent_given_at", nullable = false)
    public Instant consentGivenAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** An address abroad. */
    @Embeddable
    public static class Address {
        public String line1;
        public String line2;
        public String city;
        public String region;
        public String postalCode;
        public String country;
    }
}
