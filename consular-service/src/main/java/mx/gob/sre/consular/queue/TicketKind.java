package mx.gob.sre.consular.queue;

/** How the person came: with an appointment or without. Both go through the same queue. */
public enum TicketKind {
    APPOINTMENT("A"), WALK_IN("W");

    private final String prefix;

    TicketKind(String prefix) {
        this.prefix = prefix;
    }

    public String number(int sequence) {
        return prefix + "-" + String.format("%03d", sequence);
    }
}
