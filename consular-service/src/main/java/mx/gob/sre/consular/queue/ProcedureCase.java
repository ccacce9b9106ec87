package mx.gob.sre.consular.queue;

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

/** A procedure lodged at the counter and its statutory clock. */
@Entity
@Table(name = "procedure_case")
public class ProcedureCase {

    public enum Status {
        OPEN, WAITING_INFO, RESOLVED, REFERRED;

        boolean canBecome(Status next) {
            return switch (this) {
                case OPEN -> next == WAITING_INFO || next == RESOLVED || next == REFERRED;
                case WAITING_INFO -> next == RESOLVED || next == REFERRED;
                case RESOLVED, REFERRED -> false;
            };
        }
    }

    @Id
    public UUID id;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Column(name = "consulate_code", nullable = false)
    public String consulateCode;

    @Column(name = "procedure_code", nullable = false)
    public String procedureCode;

    @Column(name = "citizen_id")
    public UUID citizenId;

    public String curp;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "info_request_due", nullable = false)
    public Instant infoRequestDue;

    @Column(name = "resolution_due", nullable = false)
    public Instant resolutionDue;

    @Column(name = "info_requested_at")
    public Instant infoRequestedAt;

    @Column(name = "missing_information")
    public String missingInformation;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "referred_at")
    public Instant referredAt;

    @Column(name = "referred_to")
    public String referredTo;

    @Version
    public long version;

    public void moveTo(Status next) {
        if (!status.canBecome(next)) {
            throw ApiException.conflict("A procedure that is " + status + " cannot become " + next)
                    .with("status", status.name());
        }
        status = next;
    }

    public boolean resolvedInTime() {
        return resolvedAt != null && !resolvedAt.isAfter(resolutionDue);
    }
}
