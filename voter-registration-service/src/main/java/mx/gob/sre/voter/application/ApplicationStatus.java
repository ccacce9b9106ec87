package mx.gob.sre.voter.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a voter-card application, as INE and the consulates move it. Every transition is decided
 * by {@link #canBecome}; nothing else changes a status.
 */
public enum ApplicationStatus {
    CAPTURED, SUBMITTED, UNDER_REVIEW, NEEDS_REMEDIATION, REJECTED, IN_PRODUCTION, SHIPPED, DELIVERY_ATTEMPTED, HELD,
    RETURNED, DELIVERED, ACTIVATED, CANCELLED;

    private static final Set<ApplicationStatus> CLOSED = EnumSet.of(REJECTED, RETURNED, CANCELLED, ACTIVATED);

    public boolean canBecome(ApplicationStatus next) {
        return switch (this) {
            case CAPTURED -> next == SUBMITTED || next == CANCELLED;
            case SUBMITTED -> next == UNDER_REVIEW || next == CANCELLED;
            case UNDER_REVIEW -> next == NEEDS_REMEDIATION || next == REJECTED || next == IN_PRODUCTION
                    || next == CANCELLED;
            case NEEDS_REMEDIATION -> next == UNDER_REVIEW || next == REJECTED || next == CANCELLED;
            case IN_PRODUCTION -> next == SHIPPED;
            case SHIPPED -> next == DELIVERY_ATTEMPTED || next == DELIVERED;
            case DELIVERY_ATTEMPTED -> next == DELIVERY_ATTEMPTED || next == DELIVERED || next == HELD;
            case HELD -> next == DELIVERED || next == RETURNED;
            case DELIVERED -> next == ACTIVATED;
            case REJECTED, RETURNED, CANCELLED, ACTIVATED -> false;
        };
    }

    /** An application that blocks a new one for the same CURP. */
    public boolean isOpen() {
        return !EnumSet.of(REJECTED, RETURNED, CANCELLED).contains(this);
    }

    public boolean isClosed() {
        return CLOSED.contains(this);
    }
}
