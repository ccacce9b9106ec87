package mx.gob.sre.consular.procedure;

import java.time.Duration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A consular procedure of the catalogue, with its statutory deadlines in calendar days. The catalogue
 * changes only by migration, so the entity is read-only (and cached: {@link ProcedureRepository#catalogued}).
 */
@Entity
@Immutable
@Table(name = "procedure")
public class Procedure {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Column(name = "max_resolution_days", nullable = false)
    public int maxResolutionDays;

    @Column(name = "max_info_request_days", nullable = false)
    public int maxInfoRequestDays;

    @Column(name = "target_wait_minutes", nullable = false)
    public int targetWaitMinutes;

    @Column(name = "slot_minutes", nullable = false)
    public int slotMinutes;

    public Duration slotLength() {
        return Duration.ofMinutes(slotMinutes);
    }
}
