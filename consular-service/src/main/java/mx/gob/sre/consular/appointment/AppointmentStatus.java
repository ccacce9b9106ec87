package mx.gob.sre.consular.appointment;

/** The life of an appointment. All transitions are decided here. */
public enum AppointmentStatus {
    BOOKED, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW;

    public boolean canBecome(AppointmentStatus next) {
        return switch (this) {
            case BOOKED -> next == CHECKED_IN || next == CANCELLED || next == NO_SHOW;
            case CHECKED_IN -> next == COMPLETED;
            case COMPLETED, CANCELLED, NO_SHOW -> false;
        };
    }

    /** Holds a seat and counts toward the citizen's cap of active appointments. */
    public boolean isActive() {
        return this == BOOKED;
    }
}
