package mx.gob.sre.voter.citizen;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import mx.gob.sre.platform.curp.Curp;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.voter.election.ElectionCalendar;

@ApplicationScoped
public class EligibilityService {

    /** INE's dates are Mexico City dates. */
    static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

    @Inject
    KnownCitizenRepository citizens;

    @Inject
    ElectionCalendar calendar;

    @Inject
    Caller caller;

    Clock clock = Clock.systemUTC();

    @Schema(name = "Eligibility")
    public record Eligibility(
            String curp,
            String consulate,
            @Schema(description = "ISO 3166-1 alpha-2") String countryOfResidence,
            String nextElection,
            LocalDate electionDay,
            LocalDate applicationCutoff,
            int ageOnElectionDay,
            boolean meetsAgeRequirement,
            boolean withinApplicationWindow) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Eligibility check(String rawCurp) {
        String curp = rawCurp.toUpperCase(Locale.ROOT);
        KnownCitizen citizen = citizens.findByIdOptional(curp)
                .filter(this::visible)
                .orElseThrow(() -> ApiException.notFound("Citizen"));
        LocalDate today = LocalDate.now(clock.withZone(MEXICO_CITY));
        var next = calendar.nextElection(today)
                .orElseThrow(() -> ApiException.rule("no-upcoming-election", "No election is scheduled"));
        ElectionCalendar.Election election = next.getValue();
        int age = Period.between(Curp.parse(curp).birthDate(), election.electionDay()).getYears();
        return new Eligibility(curp, citizen.consulateCode, citizen.countryOfResidence, next.getKey(),
                election.electionDay(), election.applicationCutoff(), age, age >= 18,
                !today.isAfter(election.applicationCutoff()));
    }

    private boolean visible(KnownCitizen citizen) {
        return caller.isCitizen(citizen.curp)
                || (caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR)
                        && caller.worksAt(citizen.consulateCode));
    }
}
