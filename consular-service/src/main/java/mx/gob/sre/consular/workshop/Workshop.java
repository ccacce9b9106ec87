package mx.gob.sre.consular.workshop;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "workshop")
public class Workshop {

    public enum Topic {
        GENDER_EQUALITY, GENDER_VIOLENCE_PREVENTION, WOMENS_RIGHTS, FINANCIAL_EDUCATION, HEALTH, OTHER
    }

    public enum Status {
        SCHEDULED, CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "consulate_code", nullable = false)
    public String consulateCode;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Topic topic;

    @Column(nullable = false)
    public String city;

    @Column(nullable = false)
    public String venue;

    @Column(nullable = false)
    public String language;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public int capacity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
