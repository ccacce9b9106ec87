package mx.gob.sre.scholarship.call;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import mx.gob.sre.platform.persistence.SqlValues;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.scholarship.ScholarshipConfig;
import mx.gob.sre.scholarship.call.CallApi.CallView;
import mx.gob.sre.scholarship.call.CallApi.CreateCall;
import mx.gob.sre.scholarship.call.CallApi.Criterion;
import mx.gob.sre.scholarship.call.CallApi.Status;

/** Calls (convocatorias): one per consulate per cycle, with caps per category, documents and a rubric. */
@ApplicationScoped
public class CallService {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ScholarshipConfig config;

    @Inject
    Caller caller;

    /** What the grant process needs of a call. */
    public record CallData(UUID id, String consulate, int cycle, Instant opensAt, Instant closesAt,
            long adultEducationCap, long higherEducationCap, String currency, List<Criterion> rubric,
            List<String> committee) {

        public boolean open(Instant now) {
            return !now.isBefore(opensAt) && now.isBefore(closesAt);
        }
    }

    @Transactional
    public CallView create(CreateCall request) {
        String consulate;
        if (caller.isAdmin() && request.consulate() != null) {
            consulate = request.consulate();
        } else if (caller.hasRole(Roles.CONSULATE_SUPERVISOR)) {
            consulate = caller.consulate().orElseThrow().toUpperCase(Locale.ROOT);
            if (request.consulate() != null && !request.consulate().equals(consulate)) {
                throw new ApiException(ProblemType.FORBIDDEN, "A supervisor opens calls for their own consulate");
            }
        } else {
            throw new ApiException(ProblemType.FORBIDDEN, "Calls are opened by a consulate's supervisor or by IME");
        }
        String zone = config.consulateTimeZones().get(consulate);
        if (zone == null) {
            throw ApiException.invalid("consulate", "is not a consulate of the network");
        }
        int weights = request.rubric().stream().mapToInt(Criterion::weight).sum();
        if (weights != 100) {
            throw ApiException.invalid("rubric", "weights must add up to 100, not " + weights);
        }
        if (request.rubric().stream().map(Criterion::name).distinct().count() != request.rubric().size()) {
            throw ApiException.invalid("rubric", "criteria must have different names");
        }
        Instant opens = request.opens().atZone(ZoneId.of(zone)).toInstant();
        Instant closes = request.closes().atZone(ZoneId.of(zone)).toInstant();
        if (!closes.isAfter(opens)) {
            throw ApiException.invalid("closes", "must be after opens");
        }
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                INSERT INTO call (id, consulate_code, cycle, title, opens_at, closes_at, time_zone, adult_education_cap,
                                  higher_education_cap, currency, required_documents, rubric, created_by, created_at)
                VALUES (:id, :consulate, :cycle, :title, :opens, :closes, :zone, :adult, :higher, :currency, :docs,
                        :rubric, :by, now())
                ON CONFLICT (consulate_code, cycle) DO NOTHING""")
                .setParameter("id", id).setParameter("consulate", consulate).setParameter("cycle", request.cycle())
                .setParameter("title", request.title().strip()).setParameter("opens", opens.atOffset(ZoneOffset.UTC))
                .setParameter("closes", closes.atOffset(ZoneOffset.UTC)).setParameter("zone", zone)
                .setParameter("adult", request.adultEducationCapCents())
                .setParameter("higher", request.higherEducationCapCents()).setParameter("currency", request.currency())
                .setParameter("docs", String.join("|", request.requiredDocuments()))
                .setParameter("rubric", toJson(request.rubric())).setParameter("by", caller.auditId())
                .executeUpdate();
        if (inserted == 0) {
            throw ApiException.conflict(consulate + " already has a call for cycle " + request.cycle());
        }
        return view(id);
    }

    @Transactional
    public CallView setCommittee(UUID id, List<String> members) {
        CallData call = data(id, false);
        if (!(caller.isAdmin() || (caller.hasRole(Roles.CONSULATE_SUPERVISOR) && caller.worksAt(call.consulate())))) {
            throw ApiException.notFound("Call");
        }
        if (members.stream().distinct().count() != config.committeeSize()) {
            throw ApiException.invalid("members", "the committee has exactly " + config.committeeSize()
                    + " different members");
        }
        em.createNativeQuery("UPDATE call SET committee = :members WHERE id = :id")
                .setParameter("members", String.join("|", members)).setParameter("id", id).executeUpdate();
        return view(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CallView> list(String consulate, Status status) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM call WHERE (CAST(:c AS VARCHAR) IS NULL "
                        + "OR consulate_code = :c) ORDER BY cycle DESC, consulate_code")
                .setParameter("c", consulate == null ? null : consulate.toUpperCase(Locale.ROOT)).getResultList();
        return ids.stream().map(this::view).filter(v -> status == null || v.status() == status).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CallView view(UUID id) {
        Object[] r = row(id, false);
        String zone = (String) r[6];
        Instant opens = SqlValues.instant(r[4]);
        Instant closes = SqlValues.instant(r[5]);
        Instant now = Instant.now();
        Status status = now.isBefore(opens) ? Status.UPCOMING : now.isBefore(closes) ? Status.OPEN : Status.CLOSED;
        return new CallView(id, (String) r[1], ((Number) r[2]).intValue(), (String) r[3], opens, closes, zone,
                opens.atZone(ZoneId.of(zone)).toLocalDateTime(), closes.atZone(ZoneId.of(zone)).toLocalDateTime(),
                ((Number) r[7]).longValue(), ((Number) r[8]).longValue(), (String) r[9],
                Arrays.asList(((String) r[10]).split("\\|")), rubric((String) r[11]), committee((String) r[12]), status);
    }

    /** The call's data for the grant process, locked for update when asked (within a transaction). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CallData data(UUID id, boolean lock) {
        Object[] r = row(id, lock);
        return new CallData(id, (String) r[1], ((Number) r[2]).intValue(), SqlValues.instant(r[4]),
                SqlValues.instant(r[5]), ((Number) r[7]).longValue(), ((Number) r[8]).longValue(), (String) r[9],
                rubric((String) r[11]), committee((String) r[12]));
    }

    private Object[] row(UUID id, boolean lock) {
        List<?> rows = em.createNativeQuery("""
                SELECT id, consulate_code, cycle, title, opens_at, closes_at, time_zone, adult_education_cap,
                       higher_education_cap, currency, required_documents, rubric, committee
                FROM call WHERE id = :id""" + (lock ? " FOR UPDATE" : "")).setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Call");
        }
        return (Object[]) rows.get(0);
    }

    private static List<String> committee(String stored) {
        return stored == null ? List.of() : Arrays.asList(stored.split("\\|"));
    }

    private List<Criterion> rubric(String stored) {
        try {
            return json.readValue(stored, new TypeReference<List<Criterion>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
