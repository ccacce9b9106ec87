package mx.gob.sre.consular.workshop;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import mx.gob.sre.platform.problem.ApiException;

@Entity
@Table(name = "workshop_registration")
public class Registration {

    public enum Status {
        CONFIRMED, WAITLISTED, CANCELLED;

        boolean canBecome(Status next) {
            return switch (this) {
                case WAITLISTED -> next == CONFIRMED || next == CANCELLED;
                case CONFIRMED -> next == CANCELLED;
                case CANCELLED -> false;
            };
        }
    }

    @Id
    public UUID id;

    @Column(name = "workshop_id", nullable = false)
    public UUID workshopId;

    @Column(name = "citizen_id")
    public UUID citizenId;

    public String curp;

    @Column(name = "guest_name")
    public String guestName;

    @Column(name = "guest_email")
    public String guestEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(nullable = false)
    public boolean attended;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    public void moveTo(Status next) {
        if (!status.canBecome(next)) {
            throw ApiException.conflict("A registration that is " + status + " cannot become " + next)
                    .with("status", status.name());
        }
        status = next;
        if (next == Status.CONFIRMED) {
            confirmedAt = Instant.now();
        } else if (next == Status.CANCELLED) {
            cancelledAt = Instant.now();
        }
    }
}
