package mx.gob.sre.platform.curp;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CURP (Clave Única de Registro de Población), Mexico's 18-character population registry key.
 *
 * <p>Structure: 4 letters, birth date YYMMDD, sex (H, M or X), a 2-letter state code (NE for people
 * born abroad), 3 internal consonants, a homoclave character (a digit for births up to 1999, a letter
 * from 2000) and a check digit computed over the first 17 characters.
 */
public final class Curp {

    /** Character values used by RENAPO for the check digit; Ñ sits between N and O. */
    private static final String DICTIONARY = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";

    public static final Set<String> STATE_CODES = Set.of(
            "AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT", "GR", "HG", "JC", "MC",
            "MN", "MS", "NT", "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR", "TC", "TS", "TL", "VZ",
            "YN", "ZS", "NE");

    private static final Pattern SHAPE = Pattern.compile(
            "[A-ZÑ][AEIOUXÑ][A-ZÑ]{2}[0-9]{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-ZÑ]{3}[0-9A-Z][0-9]");

    private final String value;
    private final LocalDate birthDate;

    private Curp(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Why a candidate CURP was refused. */
    public enum Defect {
        FORMAT("must be 18 characters: 4 letters, YYMMDD, H/M/X, state code, 3 consonants, homoclave, check digit"),
        DATE("contains a birth date that does not exist"),
        STATE("contains an unknown state code"),
        CHECK_DIGIT("has a wrong check digit");

        private final String message;

        Defect(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** Parses a CURP, or throws {@link InvalidCurpException} naming the defect. */
    public static Curp parse(String candidate) {
        Objects.requireNonNull(candidate, "candidate");
        String normalized = candidate.strip().toUpperCase(java.util.Locale.ROOT);
        Optional<Defect> defect = defectOf(normalized);
        if (defect.isPresent()) {
            throw new InvalidCurpException(defect.get());
        }
        return new Curp(normalized, birthDateOf(normalized));
    }

    /** The first rule the candidate breaks, if any. The candidate is expected in upper case. */
    public static Optional<Defect> defectOf(String candidate) {
        if (candidate == null || candidate.length() != 18 || !SHAPE.matcher(candidate).matches()) {
            return Optional.of(Defect.FORMAT);
        }
        try {
            birthDateOf(candidate);
        } catch (DateTimeException e) {
            return Optional.of(Defect.DATE);
        }
        if (!STATE_CODES.contains(candidate.substring(11, 13))) {
            return Optional.of(Defect.STATE);
        }
        if (checkDigit(candidate.substring(0, 17)) != candidate.charAt(17) - '0') {
            return Optional.of(Defect.CHECK_DIGIT);
        }
        return Optional.empty();
    }

    /** The check digit RENAPO publishes: weights 18 down to 2 over the first 17 characters. */
    public static int checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int charValue = DICTIONARY.indexOf(first17.charAt(i));
            sum += charValue * (18 - i);
        }
        return (10 - sum % 10) % 10;
    }

    private static LocalDate birthDateOf(String curp) {
        int yy = Integer.parseInt(curp.substring(4, 6));
        int month = Integer.parseInt(curp.substring(6, 8));
        int day = Integer.parseInt(curp.substring(8, 10));
        boolean bornFrom2000 = Character.isLetter(curp.charAt(16));
        return LocalDate.of((bornFrom2000 ? 2000 : 1900) + yy, month, day);
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** H (hombre), M (mujer) or X (non-binary). */
    public char sex() {
        return value.charAt(10);
    }

    /** The two-letter birth state code; NE for people born abroad. */
    public String birthState() {
        return value.substring(11, 13);
    }

    public boolean bornAbroad() {
        return "NE".equals(birthState());
    }

    /** A masked form for logs and receipts: the first four characters and the check digit. */
    public String masked() {
        return value.substring(0, 4) + "*************" + value.charAt(17);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Curp curp && curp.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
