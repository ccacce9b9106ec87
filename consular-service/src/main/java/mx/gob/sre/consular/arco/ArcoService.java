package mx.gob.sre.consular.arco;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.hibernate.Session;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import mx.gob.sre.consular.arco.ArcoApi.Answer;
import mx.gob.sre.consular.arco.ArcoApi.ArcoView;
import mx.gob.sre.consular.arco.ArcoApi.FileRequest;
import mx.gob.sre.consular.citizen.Citizen;
import mx.gob.sre.consular.citizen.CitizenRepository;
import mx.gob.sre.consular.citizen.CitizenService;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;

/**
 * ARCO requests under the LGPDPPSO, each with its legal deadline in working days. An ACCESS request comes
 * with a complete export of what the suite holds on the person: everything this service keeps, and what
 * the voter and scholarship services return from their own exports. Protection-case data is left out of
 * the self-service export on purpose (do no harm: a phone in an abuser's hands); it is given in person
 * at the protection desk.
 */
@ApplicationScoped
public class ArcoService {

    static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

    /** What this service holds on a person, table by table (column with the CURP or citizen id). */
    private static final Map<String, String> EXPORTED = new LinkedHashMap<>();

    static {
        EXPORTED.put("citizen", "SELECT * FROM citizen WHERE curp = ?");
        EXPORTED.put("appointments", "SELECT * FROM appointment WHERE curp = ? ORDER BY starts_at");
        EXPORTED.put("visits", "SELECT * FROM ticket WHERE curp = ? ORDER BY checked_in_at");
        EXPORTED.put("procedures", "SELECT * FROM procedure_case WHERE curp = ? ORDER BY opened_at");
        EXPORTED.put("surveys", "SELECT s.* FROM survey s JOIN ticket t ON t.id = s.ticket_id WHERE t.curp = ?");
        EXPORTED.put("identityVerifications", "SELECT v.* FROM identity_verification v JOIN citizen c "
                + "ON c.id = v.citizen_id WHERE c.curp = ?");
        EXPORTED.put("workshopRegistrations", "SELECT * FROM workshop_registration WHERE curp = ?");
        EXPORTED.put("arcoRequests", "SELECT * FROM arco_request WHERE curp = ? ORDER BY received_at");
        EXPORTED.put("timeline", "SELECT occurred_at, source, kind, title, reference, status FROM timeline_entry "
                + "WHERE curp = ? ORDER BY occurred_at");
    }

    @Inject
    EntityManager em;

    @Inject
    CitizenRepository citizens;

    @Inject
    CitizenService citizenService;

    @Inject
    ArcoConfig config;

    @Inject
    Caller caller;

    @Inject
    CurrentVertxRequest request;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Transactional
    public ArcoView file(String curp, FileRequest request) {
        Citizen citizen = citizens.findByCurp(citizenService.visibleCurp(curp)).orElseThrow();
        ArcoRequest arco = new ArcoRequest();
        arco.id = UUID.randomUUID();
        arco.citizenId = citizen.id;
        arco.curp = citizen.curp;
        arco.type = request.type();
        arco.details = request.details();
        arco.status = ArcoRequest.Status.RECEIVED;
        arco.receivedAt = Instant.now();
        arco.dueOn = WorkingDays.after(LocalDate.now(MEXICO_CITY), config.responseWorkingDays(),
                new HashSet<>(config.nonWorkingDays()));
        arco.filedBy = caller.auditId();
        em.persist(arco);
        return ArcoView.of(arco);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArcoView> list(String curp) {
        String own = citizenService.visibleCurp(curp);
        return em.createQuery("FROM ArcoRequest r WHERE r.curp = :curp ORDER BY r.receivedAt DESC", ArcoRequest.class)
                .setParameter("curp", own).getResultList().stream().map(ArcoView::of).toList();
    }

    @Transactional
    public ArcoView answer(String curp, UUID id, Answer answer) {
        ArcoRequest arco = find(curp, id, LockModeType.PESSIMISTIC_WRITE);
        Citizen citizen = citizens.findById(arco.citizenId);
        if (!(caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR)
                && caller.worksAt(citizen.consulateCode))) {
            throw ApiException.notFound("ARCO request");
        }
        if (arco.status != ArcoRequest.Status.RECEIVED) {
            throw ApiException.conflict("The request was already answered").with("status", arco.status.name());
        }
        if (answer.status() == ArcoRequest.Status.RECEIVED) {
            throw ApiException.invalid("status", "must be ANSWERED or REJECTED");
        }
        arco.status = answer.status();
        arco.answer = answer.answer();
        arco.answeredAt = Instant.now();
        arco.answeredBy = caller.auditId();
        return ArcoView.of(arco);
    }

    /** Everything the suite holds on the person, for an ACCESS request. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> export(String curp, UUID id) {
        ArcoRequest arco = find(curp, id, LockModeType.NONE);
        if (arco.type != ArcoRequest.Type.ACCESS) {
            throw ApiException.rule("not-an-access-request", "Only an ACCESS request comes with an export");
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("curp", arco.curp);
        export.put("generatedAt", Instant.now());
        export.put("request", ArcoView.of(arco));
        Map<String, Object> consular = new LinkedHashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            for (Map.Entry<String, String> section : EXPORTED.entrySet()) {
                consular.put(section.getKey(), rows(connection, section.getValue(), arco.curp));
            }
        });
        export.put("consular", consular);
        export.put("voter", peer(config.voterUrl(), arco.curp));
        export.put("scholarships", peer(config.scholarshipUrl(), arco.curp));
        export.put("notIncluded", "Protection-case records are given in person at the protection desk.");
        return export;
    }

    private ArcoRequest find(String curp, UUID id, LockModeType lock) {
        String own = citizenService.visibleCurp(curp);
        ArcoRequest arco = em.find(ArcoRequest.class, id, lock);
        if (arco == null || !arco.curp.equals(own)) {
            throw ApiException.notFound("ARCO request");
        }
        return arco;
    }

    private Object peer(Optional<String> baseUrl, String curp) {
        if (baseUrl.isEmpty()) {
            return Map.of("available", false, "reason", "not configured");
        }
        String authorization = request.getCurrent() == null ? null
                : request.getCurrent().request().getHeader("Authorization");
        try {
            HttpRequest.Builder call = HttpRequest.newBuilder(URI.create(baseUrl.get() + "/citizens/" + curp + "/export"))
                    .timeout(Duration.ofSeconds(5)).GET();
            if (authorization != null) {
                call.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(call.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return json.readTree(response.body());
            }
            if (response.statusCode() == 404) {
                return Map.of("available", true, "records", List.of());
            }
            return Map.of("available", false, "reason", "the service answered " + response.statusCode());
        } catch (java.io.IOException e) {
            return Map.of("available", false, "reason", "the service could not be reached; ask again later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of("available", false, "reason", "interrupted");
        }
    }

    private static List<Map<String, Object>> rows(Connection connection, String sql, String curp) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, curp);
            try (ResultSet rs = query.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String column = meta.getColumnLabel(i);
                        if (!Set.of("version", "secret_hash").contains(column)) {
                            Object value = rs.getObject(i);
                            row.put(column, value instanceof java.sql.Timestamp t ? t.toInstant()
                                    : value instanceof java.sql.Date d ? d.toLocalDate() : value);
                        }
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
