package mx.gob.sre.platform.events;

/** CloudEvents 1.0 Kafka binary-mode header names, plus the suite's request-id extension. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** Extension attribute carrying the X-Request-Id of the request that caused the event. */
    public static final String REQUEST_ID = "ce_requestid";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
