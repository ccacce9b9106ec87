package mx.gob.sre.voter.election;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The elections calendar, in configuration: election day and the cut-offs of each election. */
@ConfigMapping(prefix = "voter")
public interface ElectionCalendar {

    Map<String, Election> elections();

    interface Election {
        LocalDate electionDay();

        /** Last day to apply for a voter card at a consulate for this election. */
        LocalDate applicationCutoff();

        /** Last day to register on the overseas voter list (LNERE) for this election. */
        LocalDate registrationCutoff();
    }

    /** The first election still taking card applications on {@code today}. */
    default Optional<Map.Entry<String, Election>> openForApplications(LocalDate today) {
        return elections().entrySet().stream()
                .filter(entry -> !entry.getValue().applicationCutoff().isBefore(today))
                .min(Comparator.comparing(entry -> entry.getValue().electionDay()));
    }

    /** The first election whose day is on or after {@code today}. */
    default Optional<Map.Entry<String, Election>> nextElection(LocalDate today) {
        return elections().entrySet().stream()
                .filter(entry -> !entry.getValue().electionDay().isBefore(today))
                .min(Comparator.comparing(entry -> entry.getValue().electionDay()));
    }
}
