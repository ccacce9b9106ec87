package mx.gob.sre.consular.queue;

/** How the procedure ended at the counter. */
public enum Outcome {
    /** Resolved: the procedure is done. */
    RESOLVED,
    /** Missing information was requested; the statutory clock keeps running. */
    INFO_REQUESTED,
    /** Referred to another procedure or authority. */
    REFERRED
}
