package mx.gob.sre.platform.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Reads column values of native queries, whose Java types depend on the driver and Hibernate settings
 * (java.sql or java.time), into java.time types.
 */
public final class SqlValues {

    private SqlValues() {
    }

    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
    }

    public static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        throw new IllegalArgumentException("not a date: " + value.getClass().getName());
    }

    public static LocalTime time(Object value) {
        if (value == null || value instanceof LocalTime) {
            return (LocalTime) value;
        }
        if (value instanceof java.sql.Time time) {
            return time.toLocalTime();
        }
        throw new IllegalArgumentException("not a time: " + value.getClass().getName());
    }
}
