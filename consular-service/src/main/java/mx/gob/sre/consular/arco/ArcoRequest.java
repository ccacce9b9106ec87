package mx.gob.sre.consular.arco;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A data-protection request: Access, Rectification, Cancellation or Opposition. */
@Entity
@Table(name = "arco_request")
public class ArcoRequest {

    public enum Type {
        ACCESS, RECTIFICATION, CANCELLATION, OPPOSITION
    }

    public enum Status {
        RECEIVED, ANSWERED, REJECTED
    }

    @Id
    public UUID id;

    @Column(name = "citizen_id", nullable = false)
    public UUID citizenId;

    @Column(nullable = false)
    public String curp;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;

    public String details;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "answered_at")
    public Instant answeredAt;

    public String answer;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;
}
