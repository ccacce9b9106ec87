package mx.gob.sre.consular.appointment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import mx.gob.sre.platform.problem.ApiException;

@Entity
@Table(name = "appointment")
public class Appointment {

    @Id
    public UUID id;

    @Column(name = "citizen_id", nullable = false)
    public UUID citizenId;

    @Column(nullable = false, length = 18)
    public String curp;

    @Column(name = "consulate_code", nullable = false)
    public String consulateCode;

    @Column(name = "procedure_code", nullable = false)
    public String procedureCode;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppointmentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "booked_by", nullable = false)
    public String bookedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Moves to {@code next}, or answers 409 naming the refused transition. */
    public void moveTo(AppointmentStatus next) {
        if (!status.canBecome(next)) {
            throw ApiException.conflict("An appointment that is " + status + " cannot become " + next)
                    .with("status", status.name());
        }
        status = next;
        updatedAt = Instant.now();
    }
}
