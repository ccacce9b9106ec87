package mx.gob.sre.consular.appointment;

/** How an appointment was booked (MiConsulado is phone and web, around the clock; the app; the counter). */
public enum Channel {
    APP, WEB, PHONE, COUNTER
}
