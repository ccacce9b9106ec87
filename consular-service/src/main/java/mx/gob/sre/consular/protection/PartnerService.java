package mx.gob.sre.consular.protection;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import mx.gob.sre.consular.protection.ProtectionApi.PartnerReferralView;
import mx.gob.sre.consular.protection.ProtectionApi.PartnerView;
import mx.gob.sre.consular.protection.ProtectionApi.RegisterPartner;
import mx.gob.sre.consular.protection.ProtectionApi.SharedData;
import mx.gob.sre.consular.protection.ProtectionTerms.ExternalService;
import mx.gob.sre.platform.crypto.FieldCipher;
import mx.gob.sre.platform.persistence.SqlValues;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;

/**
 * Support partners (shelters, legal aid, psychological care, host-country authorities) and the
 * referrals they receive. A partner sees only referrals addressed to it, only while the consent stands,
 * and only the consented fields.
 */
@ApplicationScoped
public class PartnerService {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    FieldCipher cipher;

    @Inject
    ProtectionService protection;

    @Inject
    ProtectionAccess access;

    @Transactional
    public PartnerView register(RegisterPartner request) {
        String consulate = caller.consulate().filter(c -> caller.hasRole(Roles.CONSULATE_SUPERVISOR))
                .orElseThrow(() -> new ApiException(ProblemType.FORBIDDEN,
                        "Only a consulate's supervisor registers support partners"))
                .toUpperCase(Locale.ROOT);
        int inserted = em.createNativeQuery("""
                INSERT INTO support_partner (client_id, name, consulate_code, services, registered_at, registered_by)
                VALUES (:id, :name, :consulate, :services, now(), :by) ON CONFLICT (client_id) DO NOTHING""")
                .setParameter("id", request.clientId()).setParameter("name", request.name().strip())
                .setParameter("consulate", consulate).setParameter("services", ProtectionService.join(request.services()))
                .setParameter("by", caller.auditId())
                .executeUpdate();
        if (inserted == 0) {
            throw ApiException.conflict("This support partner is already registered");
        }
        access.audit(null, "REGISTER_PARTNER:" + request.clientId(), access.reason(), false);
        return new PartnerView(request.clientId(), request.name().strip(), consulate, request.services());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerView> list() {
        String consulate = caller.consulate().filter(access::worksOn).orElse(null);
        if (consulate == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT client_id, name, consulate_code, services FROM support_partner WHERE consulate_code = :c "
                        + "ORDER BY name").setParameter("c", consulate.toUpperCase(Locale.ROOT)).getResultList();
        return rows.stream().map(r -> new PartnerView((String) r[0], (String) r[1], (String) r[2],
                ProtectionService.split((String) r[3], ExternalService.class))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerReferralView> myReferrals() {
        String partner = caller.clientId().filter(id -> caller.hasRole(Roles.SUPPORT_PARTNER)).orElse(null);
        if (partner == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(select() + " WHERE r.partner_client_id = :partner "
                + "AND k.revoked_at IS NULL AND (k.expires_on IS NULL OR k.expires_on >= current_date) "
                + "ORDER BY r.created_at DESC LIMIT 200").setParameter("partner", partner).getResultList();
        return rows.stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerReferralView myReferral(UUID id) {
        return view(row(id));
    }

    @Transactional
    public PartnerReferralView acknowledge(UUID id) {
        Object[] row = row(id);
        em.createNativeQuery("UPDATE protection_referral SET status = 'ACKNOWLEDGED', acknowledged_at = now() "
                + "WHERE id = :id AND acknowledged_at IS NULL").setParameter("id", id).executeUpdate();
        access.audit((UUID) row[6], "PARTNER_ACKNOWLEDGED", "referral acknowledged by " + caller.auditId(), false);
        return view(row(id));
    }

    private Object[] row(UUID id) {
        String partner = caller.clientId().filter(c -> caller.hasRole(Roles.SUPPORT_PARTNER)).orElse(null);
        List<?> rows = em.createNativeQuery(select() + " WHERE r.id = :id AND r.partner_client_id = :partner "
                        + "AND k.revoked_at IS NULL AND (k.expires_on IS NULL OR k.expires_on >= current_date)")
                .setParameter("id", id).setParameter("partner", partner == null ? "" : partner)
                .getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Referral");
        }
        return (Object[]) rows.get(0);
    }

    private static String select() {
        return """
                SELECT r.id, c.consulate_code, r.service, r.created_at, r.status, r.shared_enc, r.case_id
                FROM protection_referral r
                JOIN protection_case c ON c.id = r.case_id
                JOIN protection_consent k ON k.id = r.consent_id""";
    }

    private PartnerReferralView view(Object[] r) {
        UUID id = (UUID) r[0];
        SharedData shared = protection.fromJson(cipher.decrypt((String) r[5], "protection_referral/" + id + "/shared"),
                SharedData.class);
        return new PartnerReferralView(id, (String) r[1], ExternalService.valueOf((String) r[2]),
                SqlValues.instant(r[3]), (String) r[4], shared);
    }
}
