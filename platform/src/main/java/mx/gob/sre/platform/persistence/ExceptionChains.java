package mx.gob.sre.platform.persistence;

import java.sql.SQLException;

/** Describes failures for logs without their messages, which may quote a row's values. */
public final class ExceptionChains {

    private ExceptionChains() {
    }

    /** The exception chain as class names and SQL states, without messages that may quote data. */
    public static String describeWithoutMessages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(cause.getClass().getName());
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                out.append("[SQLState ").append(sql.getSQLState()).append(']');
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return out.toString();
    }
}
