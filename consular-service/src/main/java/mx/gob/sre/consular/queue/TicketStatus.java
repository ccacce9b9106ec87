package mx.gob.sre.consular.queue;

/** A ticket's way through the one queue. All transitions are decided here. */
public enum TicketStatus {
    WAITING, CALLED, SERVING, COMPLETED, ABANDONED;

    public boolean canBecome(TicketStatus next) {
        return switch (this) {
            case WAITING -> next == CALLED || next == ABANDONED;
            case CALLED -> next == SERVING || next == ABANDONED || next == WAITING;
            case SERVING -> next == COMPLETED;
            case COMPLETED, ABANDONED -> false;
        };
    }
}
