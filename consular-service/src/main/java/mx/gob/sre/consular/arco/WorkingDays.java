package mx.gob.sre.consular.arco;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Counts working days: Monday to Friday, except the listed rest days. */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The date {@code days} working days after {@code start} (the start day itself does not count). */
    public static LocalDate after(LocalDate start, int days, Set<LocalDate> restDays) {
        LocalDate date = start;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !restDays.contains(date)) {
                counted++;
            }
        }
        return date;
    }
}
