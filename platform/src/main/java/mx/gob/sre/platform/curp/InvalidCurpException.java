package mx.gob.sre.platform.curp;

/** A CURP that breaks one of the published rules. */
public class InvalidCurpException extends IllegalArgumentException {

    private final Curp.Defect defect;

    public InvalidCurpException(Curp.Defect defect) {
        super("CURP " + defect.message());
        this.defect = defect;
    }

    public Curp.Defect defect() {
        return defect;
    }
}
