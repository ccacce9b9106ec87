package mx.gob.sre.consular.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import mx.gob.sre.platform.problem.ApiException;

/** A place in the office's one queue, with the time of each step. */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    public UUID id;

    @Column(name = "consulate_code", nullable = false)
    public String consulateCode;

    @Column(name = "service_day", nullable = false)
    public LocalDate serviceDay;

    @Column(nullable = false)
    public String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketKind kind;

    @Column(name = "appointment_id")
    public UUID appointmentId;

    @Column(name = "citizen_id")
    public UUID citizenId;

    public String curp;

    @Column(name = "procedure_code", nullable = false)
    public String procedureCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;

    @Column(name = "checked_in_at", nullable = false)
    public Instant checkedInAt;

    @Column(name = "called_at")
    public Instant calledAt;

    @Column(name = "serving_started_at")
    public Instant servingStartedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public String counter;

    @Column(name = "served_by")
    public String servedBy;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Version
    public long version;

    public void moveTo(TicketStatus next) {
        if (!status.canBecome(next)) {
            throw ApiException.conflict("A ticket that is " + status + " cannot become " + next)
                    .with("status", status.name());
        }
        status = next;
    }
}
