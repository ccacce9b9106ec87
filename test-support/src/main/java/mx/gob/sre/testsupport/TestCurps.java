package mx.gob.sre.testsupport;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import mx.gob.sre.platform.curp.Curp;

/** Valid, random CURPs for tests, check digit included. */
public final class TestCurps {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String VOWELS = "AEIOU";
    private static final String CONSONANTS = "BCDFGHJKLMNPQRSTVWXYZ";

    private TestCurps() {
    }

    /** A CURP of an adult born in Mexico (state JC). */
    public static String random() {
        return random(LocalDate.of(1970 + ThreadLocalRandom.current().nextInt(30), 1 + ThreadLocalRandom.current()
                .nextInt(12), 1 + ThreadLocalRandom.current().nextInt(28)), 'M', "JC");
    }

    public static String random(LocalDate birthDate, char sex, String state) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder curp = new StringBuilder(18)
                .append(pick(LETTERS, random))
                .append(pick(VOWELS, random))
                .append(pick(LETTERS, random))
                .append(pick(LETTERS, random))
                .append(String.format("%02d%02d%02d", birthDate.getYear() % 100, birthDate.getMonthValue(),
                        birthDate.getDayOfMonth()))
                .append(sex)
                .append(state)
                .append(pick(CONSONANTS, random))
                .append(pick(CONSONANTS, random))
                .append(pick(CONSONANTS, random))
                .append(birthDate.getYear() >= 2000 ? pick(LETTERS, random) : (char) ('0' + random.nextInt(10)));
        curp.append(Curp.checkDigit(curp.toString()));
        return Curp.parse(curp.toString()).value();
    }

    private static char pick(String alphabet, ThreadLocalRandom random) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
