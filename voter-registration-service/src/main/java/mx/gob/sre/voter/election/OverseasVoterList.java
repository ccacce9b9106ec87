package mx.gob.sre.voter.election;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import mx.gob.sre.platform.persistence.SqlValues;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.voter.application.Application;
import mx.gob.sre.voter.application.ApplicationService;
import mx.gob.sre.voter.application.ApplicationStatus;

/**
 * The list of voters residing abroad (LNERE): activated card holders register for an election before its
 * cut-off; INE, and only INE, reads the list and its statistics.
 */
@ApplicationScoped
public class OverseasVoterList {

    public enum Modality {
        POSTAL, ELECTRONIC, IN_PERSON
    }

    @Schema(name = "LnereRegistrationRequest")
    public record Register(@jakarta.validation.constraints.NotNull Modality modality) {
    }

    @Schema(name = "LnereRegistration")
    public record Registration(UUID id, String election, String folio, String votingState, String countryOfResidence,
            Modality modality, Instant registeredAt) {
    }

    @Schema(name = "OverseasVoter")
    public record Voter(String curp, String givenNames, String firstSurname, String secondSurname, String votingState,
            String countryOfResidence, Modality modality, Instant registeredAt) {
    }

    @Schema(name = "OverseasVoterListPage")
    public record Page(String election, List<Voter> voters, String nextCursor) {
    }

    @Schema(name = "OverseasVoterListStatistics")
    public record Statistics(String election, long voters, Map<String, Long> byCountryOfResidence,
            Map<String, Long> byVotingState) {
    }

    @Schema(name = "Election")
    public record ElectionView(String id, LocalDate electionDay, LocalDate applicationCutoff,
            LocalDate registrationCutoff) {
    }

    @Inject
    EntityManager em;

    @Inject
    ElectionCalendar calendar;

    @Inject
    Caller caller;

    public List<ElectionView> elections() {
        return calendar.elections().entrySet().stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> a.electionDay().compareTo(b.electionDay())))
                .map(e -> new ElectionView(e.getKey(), e.getValue().electionDay(), e.getValue().applicationCutoff(),
                        e.getValue().registrationCutoff()))
                .toList();
    }

    @Transactional
    public Registration register(String electionId, Modality modality) {
        ElectionCalendar.Election election = election(electionId);
        String curp = caller.curp().orElseThrow(() -> new ApiException(ProblemType.FORBIDDEN, "No CURP in the token"));
        if (LocalDate.now(ApplicationService.MEXICO_CITY).isAfter(election.registrationCutoff())) {
            throw ApiException.rule("registration-closed", "Registration for " + electionId + " closed on "
                    + election.registrationCutoff());
        }
        Application card = em.createQuery("FROM Application a WHERE a.curp = :curp AND a.status = :activated "
                        + "ORDER BY a.activatedAt DESC", Application.class)
                .setParameter("curp", curp).setParameter("activated", ApplicationStatus.ACTIVATED)
                .setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> ApiException.rule("no-activated-card",
                        "Only holders of an activated voter card from abroad can register"));
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                INSERT INTO lnere_registration (id, election_id, application_id, curp, voting_state,
                                                country_of_residence, modality, registered_at)
                VALUES (:id, :election, :application, :curp, :state, :country, :modality, now())
                ON CONFLICT (election_id, curp) DO NOTHING""")
                .setParameter("id", id).setParameter("election", electionId).setParameter("application", card.id)
                .setParameter("curp", curp).setParameter("state", card.votingState)
                .setParameter("country", card.addressCountry).setParameter("modality", modality.name())
                .executeUpdate();
        if (inserted == 0) {
            throw ApiException.conflict("Already registered to vote from abroad in " + electionId);
        }
        return new Registration(id, electionId, card.folio, card.votingState, card.addressCountry, modality,
                Instant.now());
    }

    /** A page of the list, ordered by registration, for INE. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page page(String electionId, int limit, String cursor) {
        election(electionId);
        requireIne();
        Instant after = Instant.EPOCH;
        UUID afterId = new UUID(0, 0);
        if (cursor != null) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), UTF_8).split("\\|");
                after = Instant.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw ApiException.invalid("cursor", "is not a cursor this API returned");
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.id, r.registered_at, r.curp, a.given_names, a.first_surname, a.second_surname,
                       r.voting_state, r.country_of_residence, r.modality
                FROM lnere_registration r JOIN application a ON a.id = r.application_id
                WHERE r.election_id = :election AND (r.registered_at, r.id) > (:after, :afterId)
                ORDER BY r.registered_at, r.id LIMIT :limit""")
                .setParameter("election", electionId).setParameter("after", after.atOffset(ZoneOffset.UTC))
                .setParameter("afterId", afterId).setParameter("limit", limit + 1)
                .getResultList();
        List<Voter> voters = new ArrayList<>();
        String next = null;
        for (int i = 0; i < rows.size() && i < limit; i++) {
            Object[] r = rows.get(i);
            Instant at = SqlValues.instant(r[1]);
            voters.add(new Voter((String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                    (String) r[7], Modality.valueOf((String) r[8]), at));
            if (i == limit - 1 && rows.size() > limit) {
                next = Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + r[0]).getBytes(UTF_8));
            }
        }
        return new Page(electionId, voters, next);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Statistics statistics(String electionId) {
        election(electionId);
        if (!caller.isAdmin()) {
            requireIne();
        }
        return new Statistics(electionId,
                ((Number) em.createNativeQuery("SELECT count(*) FROM lnere_registration WHERE election_id = :e")
                        .setParameter("e", electionId).getSingleResult()).longValue(),
                counts("country_of_residence", electionId), counts("coalesce(voting_state, 'UNASSIGNED')", electionId));
    }

    private Map<String, Long> counts(String column, String electionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + column + ", count(*) FROM lnere_registration "
                + "WHERE election_id = :e GROUP BY 1 ORDER BY 1").setParameter("e", electionId).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    private void requireIne() {
        if (!caller.hasRole(Roles.INE)) {
            throw new ApiException(ProblemType.FORBIDDEN, "The overseas voter list is for INE only");
        }
    }

    private ElectionCalendar.Election election(String id) {
        ElectionCalendar.Election election = calendar.elections().get(id);
        if (election == null) {
            throw ApiException.notFound("Election " + id);
        }
        return election;
    }
}
