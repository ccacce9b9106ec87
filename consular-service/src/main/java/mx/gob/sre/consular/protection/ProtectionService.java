package mx.gob.sre.consular.protection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import mx.gob.sre.consular.procedure.ProcedureRepository;
import mx.gob.sre.consular.protection.ProtectionApi.CaseSummary;
import mx.gob.sre.consular.protection.ProtectionApi.CaseView;
import mx.gob.sre.consular.protection.ProtectionApi.Consent;
import mx.gob.sre.consular.protection.ProtectionApi.ConsentView;
import mx.gob.sre.consular.protection.ProtectionApi.ExternalReferral;
import mx.gob.sre.consular.protection.ProtectionApi.InternalReferral;
import mx.gob.sre.consular.protection.ProtectionApi.Interview;
import mx.gob.sre.consular.protection.ProtectionApi.OpenCase;
import mx.gob.sre.consular.protection.ProtectionApi.ReferralView;
import mx.gob.sre.consular.protection.ProtectionApi.SafeContact;
import mx.gob.sre.consular.protection.ProtectionApi.SharedData;
import mx.gob.sre.consular.protection.ProtectionApi.Survivor;
import mx.gob.sre.consular.protection.ProtectionTerms.CaseStatus;
import mx.gob.sre.consular.protection.ProtectionTerms.ExternalService;
import mx.gob.sre.consular.protection.ProtectionTerms.SharedField;
import mx.gob.sre.platform.crypto.FieldCipher;
import mx.gob.sre.platform.persistence.SqlValues;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;

/**
 * Protection cases for victims of gender-based violence: detection and first attention, interview,
 * internal referral, and external referral only with the survivor's consent. Identifying fields and
 * narratives are encrypted before they reach the database, every access is audited, and nothing about a
 * case is published as an event or written to the log.
 */
@ApplicationScoped
public class ProtectionService {

    private static final Logger LOG = Logger.getLogger(ProtectionService.class);

    @Inject
    EntityManager em;

    @Inject
    ProtectionAccess access;

    @Inject
    FieldCipher cipher;

    @Inject
    ObjectMapper json;

    @Inject
    ProcedureRepository procedures;

    @Inject
    Caller caller;

    @Transactional
    public CaseView open(OpenCase request) {
        String consulate = caller.consulate().orElseThrow(() ->
                new ApiException(ProblemType.FORBIDDEN, "Only a consulate's protection staff open cases"));
        if (!access.worksOn(consulate)) {
            throw new ApiException(ProblemType.FORBIDDEN, "Only a consulate's protection staff open cases");
        }
        Instant now = Instant.now();
        if (request.firstAttentionAt().isAfter(now.plusSeconds(300))) {
            throw ApiException.invalid("firstAttentionAt", "must not be in the future");
        }
        ProtectionCase c = new ProtectionCase();
        c.id = UUID.randomUUID();
        c.consulateCode = consulate.toUpperCase(Locale.ROOT);
        c.channel = request.channel();
        c.violenceTypes(request.violenceTypes());
        c.riskLevel = request.riskLevel();
        c.status = CaseStatus.OPEN;
        c.firstAttentionAt = request.firstAttentionAt();
        c.survivorEnc = cipher.encrypt(toJson(request.survivor()), c.aad("survivor"));
        c.narrativeEnc = cipher.encrypt(request.narrative(), c.aad("narrative"));
        c.safeContactEnc = cipher.encrypt(toJson(request.safeContact()), c.aad("safe_contact"));
        c.openedBy = caller.auditId();
        c.createdAt = now;
        c.updatedAt = now;
        em.persist(c);
        access.audit(c.id, "CREATE", access.reason(), false);
        LOG.infof("Protection case opened at %s", c.consulateCode);
        return view(c);
    }

    @Transactional
    public List<CaseSummary> list(CaseStatus status) {
        String consulate = caller.consulate().filter(access::worksOn).orElse(null);
        if (consulate == null) {
            return List.of();
        }
        access.audit(null, "LIST", access.reason(), false);
        return em.createQuery("FROM ProtectionCase c WHERE c.consulateCode = :consulate AND (:status IS NULL OR "
                        + "c.status = :status) ORDER BY c.firstAttentionAt DESC", ProtectionCase.class)
                .setParameter("consulate", consulate.toUpperCase(Locale.ROOT))
                .setParameter("status", status)
                .setMaxResults(500)
                .getResultList().stream().map(ProtectionService::summary).toList();
    }

    @Transactional
    public CaseView get(UUID id) {
        return view(access.open(id, "READ", false));
    }

    @Transactional
    public CaseView interview(UUID id, Interview request) {
        ProtectionCase c = access.open(id, "INTERVIEW", true);
        c.moveTo(CaseStatus.INTERVIEWED);
        c.interviewEnc = cipher.encrypt(request.notes(), c.aad("interview"));
        c.interviewedAt = Instant.now();
        if (request.riskLevel() != null) {
            c.riskLevel = request.riskLevel();
        }
        return view(c);
    }

    @Transactional
    public CaseView close(UUID id) {
        ProtectionCase c = access.open(id, "CLOSE", true);
        c.moveTo(CaseStatus.CLOSED);
        c.closedAt = Instant.now();
        return view(c);
    }

    /** A referral inside the consulate, through the procedure catalogue. */
    @Transactional
    public ReferralView referInternally(UUID id, InternalReferral request) {
        ProtectionCase c = access.open(id, "REFER_INTERNAL", true);
        if (procedures.catalogued(request.service()).isEmpty()) {
            throw ApiException.invalid("service", "is not a procedure of the catalogue");
        }
        UUID referral = UUID.randomUUID();
        insertReferral(referral, c, "INTERNAL", request.service(), null, null, null,
                request.notes() == null ? null : cipher.encrypt(request.notes(), "protection_referral/" + referral
                        + "/notes"));
        return referralView(referral);
    }

    @Transactional
    public ConsentView recordConsent(UUID id, Consent request) {
        ProtectionCase c = access.open(id, "CONSENT", true);
        if (request.givenOn().isAfter(LocalDate.now().plusDays(1))) {
            throw ApiException.invalid("givenOn", "must not be in the future");
        }
        if (request.expiresOn() != null && !request.expiresOn().isAfter(request.givenOn())) {
            throw ApiException.invalid("expiresOn", "must be after givenOn");
        }
        UUID consent = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO protection_consent (id, case_id, services, shared_fields, given_on, expires_on,
                                                recorded_by, recorded_at)
                VALUES (:id, :case, :services, :fields, :given, :expires, :by, now())""")
                .setParameter("id", consent).setParameter("case", c.id)
                .setParameter("services", join(request.services())).setParameter("fields", join(request.sharedFields()))
                .setParameter("given", request.givenOn()).setParameter("expires", request.expiresOn())
                .setParameter("by", caller.auditId())
                .executeUpdate();
        return consents(c.id).stream().filter(v -> v.id().equals(consent)).findFirst().orElseThrow();
    }

    @Transactional
    public ConsentView revokeConsent(UUID id, UUID consentId) {
        ProtectionCase c = access.open(id, "REVOKE_CONSENT", true);
        int updated = em.createNativeQuery(
                "UPDATE protection_consent SET revoked_at = now() WHERE id = :id AND case_id = :case AND revoked_at IS NULL")
                .setParameter("id", consentId).setParameter("case", c.id).executeUpdate();
        ConsentView view = consents(c.id).stream().filter(v -> v.id().equals(consentId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Consent"));
        if (updated == 0 && view.revokedAt() == null) {
            throw ApiException.notFound("Consent");
        }
        return view;
    }

    /**
     * Refers the survivor to a registered support partner. Only with a consent in force that covers the
     * service; the partner receives only the consented fields, kept encrypted.
     */
    @Transactional
    public ReferralView referExternally(UUID id, ExternalReferral request) {
        ProtectionCase c = access.open(id, "REFER_EXTERNAL", true);
        ConsentView consent = consents(c.id).stream()
                .filter(v -> v.revokedAt() == null)
                .filter(v -> v.expiresOn() == null || !v.expiresOn().isBefore(LocalDate.now()))
                .filter(v -> v.services().contains(request.service()))
                .findFirst()
                .orElseThrow(() -> ApiException.rule("consent-required", "No consent in force covers referral to "
                        + request.service() + "; record the survivor's consent first"));
        List<?> partners = em.createNativeQuery(
                "SELECT consulate_code, services FROM support_partner WHERE client_id = :id")
                .setParameter("id", request.partner()).getResultList();
        if (partners.isEmpty()) {
            throw ApiException.rule("partner-not-registered", "No registered support partner " + request.partner());
        }
        Object[] partner = (Object[]) partners.get(0);
        if (!c.consulateCode.equals(partner[0])
                || !Arrays.asList(((String) partner[1]).split(",")).contains(request.service().name())) {
            throw ApiException.rule("partner-not-registered", request.partner() + " is not registered with "
                    + c.consulateCode + " for " + request.service());
        }
        Set<SharedField> fields = EnumSet.copyOf(consent.sharedFields());
        Survivor survivor = fromJson(cipher.decrypt(c.survivorEnc, c.aad("survivor")), Survivor.class);
        SharedData shared = new SharedData(
                fields.contains(SharedField.NAME) ? survivor.fullName() : null,
                fields.contains(SharedField.CONTACT) ? survivor.phone() : null,
                fields.contains(SharedField.CONTACT) ? survivor.email() : null,
                fields.contains(SharedField.SAFE_CONTACT)
                        ? fromJson(cipher.decrypt(c.safeContactEnc, c.aad("safe_contact")), SafeContact.class) : null,
                fields.contains(SharedField.VIOLENCE_TYPES) ? c.violenceTypeList() : null,
                fields.contains(SharedField.RISK_LEVEL) ? c.riskLevel : null,
                fields.contains(SharedField.NARRATIVE) ? request.notes() : null);
        UUID referral = UUID.randomUUID();
        insertReferral(referral, c, "EXTERNAL", request.service().name(), request.partner(), consent.id(),
                cipher.encrypt(toJson(shared), "protection_referral/" + referral + "/shared"), null);
        return referralView(referral);
    }

    @Transactional
    public List<ProtectionApi.AuditView> auditTrail(UUID id) {
        ProtectionCase c = access.open(id, "READ_AUDIT", false);
        if (!caller.hasRole(mx.gob.sre.platform.security.Roles.CONSULATE_SUPERVISOR)) {
            throw ApiException.notFound("Protection case audit");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, at, actor, action, reason, break_glass, request_id FROM protection_audit
                WHERE case_id = :case ORDER BY id""").setParameter("case", c.id).getResultList();
        return rows.stream().map(r -> new ProtectionApi.AuditView(((Number) r[0]).longValue(), SqlValues.instant(r[1]),
                (String) r[2], (String) r[3], (String) r[4], (Boolean) r[5], (String) r[6])).toList();
    }

    private void insertReferral(UUID id, ProtectionCase c, String kind, String service, String partner,
            UUID consent, String sharedEnc, String notesEnc) {
        em.createNativeQuery("""
                INSERT INTO protection_referral (id, case_id, kind, service, partner_client_id, consent_id,
                                                 shared_enc, notes_enc, status, created_at, created_by)
                VALUES (:id, :case, :kind, :service, :partner, :consent, :shared, :notes, 'SENT', now(), :by)""")
                .setParameter("id", id).setParameter("case", c.id).setParameter("kind", kind)
                .setParameter("service", service).setParameter("partner", partner).setParameter("consent", consent)
                .setParameter("shared", sharedEnc).setParameter("notes", notesEnc).setParameter("by", caller.auditId())
                .executeUpdate();
    }

    private CaseView view(ProtectionCase c) {
        Survivor survivor = fromJson(cipher.decrypt(c.survivorEnc, c.aad("survivor")), Survivor.class);
        SafeContact safeContact = fromJson(cipher.decrypt(c.safeContactEnc, c.aad("safe_contact")), SafeContact.class);
        return new CaseView(summary(c), survivor, cipher.decrypt(c.narrativeEnc, c.aad("narrative")), safeContact,
                cipher.decrypt(c.interviewEnc, c.aad("interview")), consents(c.id), referrals(c.id));
    }

    static CaseSummary summary(ProtectionCase c) {
        return new CaseSummary(c.id, c.consulateCode, c.channel, c.violenceTypeList(), c.riskLevel, c.status,
                c.firstAttentionAt, c.interviewedAt, c.closedAt);
    }

    private List<ConsentView> consents(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, services, shared_fields, given_on, expires_on, revoked_at, recorded_by
                FROM protection_consent WHERE case_id = :case ORDER BY recorded_at""")
                .setParameter("case", caseId).getResultList();
        return rows.stream().map(r -> new ConsentView((UUID) r[0],
                split((String) r[1], ExternalService.class), split((String) r[2], SharedField.class),
                SqlValues.date(r[3]), SqlValues.date(r[4]), SqlValues.instant(r[5]), (String) r[6])).toList();
    }

    private List<ReferralView> referrals(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, kind, service, partner_client_id, status, created_at, acknowledged_at
                FROM protection_referral WHERE case_id = :case ORDER BY created_at""")
                .setParameter("case", caseId).getResultList();
        return rows.stream().map(ProtectionService::referral).toList();
    }

    private ReferralView referralView(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT id, kind, service, partner_client_id, status, created_at, acknowledged_at
                FROM protection_referral WHERE id = :id""").setParameter("id", id).getSingleResult();
        return referral(row);
    }

    private static ReferralView referral(Object[] r) {
        return new ReferralView((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                SqlValues.instant(r[5]), SqlValues.instant(r[6]));
    }

    static <E extends Enum<E>> List<E> split(String joined, Class<E> type) {
        return Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).map(s -> Enum.valueOf(type, s)).toList();
    }

    static String join(List<? extends Enum<?>> values) {
        return values.stream().distinct().map(Enum::name).collect(Collectors.joining(","));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T fromJson(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored protection data cannot be read", e);
        }
    }
}
