package mx.gob.sre.consular.protection;

/** The vocabulary of the SRE–UN Women protocol as the API uses it. */
public final class ProtectionTerms {

    private ProtectionTerms() {
    }

    /** Where first attention happened (the 2025 update adds remote emergency attention). */
    public enum AttentionChannel {
        OFFICE, MOBILE_CONSULATE, PHONE, DETENTION_VISIT, REMOTE
    }

    /** Kinds of violence, including digital violence (2025 update). */
    public enum ViolenceType {
        PHYSICAL, PSYCHOLOGICAL, SEXUAL, ECONOMIC, PATRIMONIAL, DIGITAL
    }

    public enum RiskLevel {
        LOW, MEDIUM, HIGH, EXTREME
    }

    public enum CaseStatus {
        OPEN, INTERVIEWED, CLOSED;

        boolean canBecome(CaseStatus next) {
            return switch (this) {
                case OPEN -> next == INTERVIEWED || next == CLOSED;
                case INTERVIEWED -> next == CLOSED;
                case CLOSED -> false;
            };
        }
    }

    /** External services a survivor can be referred to, only with her consent. */
    public enum ExternalService {
        SHELTER, LEGAL_AID, PSYCHOLOGICAL_CARE, HOST_AUTHORITIES
    }

    /** What a consent may let the consulate share with a partner. */
    public enum SharedField {
        NAME, CONTACT, SAFE_CONTACT, VIOLENCE_TYPES, RISK_LEVEL, NARRATIVE
    }

    /** Safe ways to reach the survivor. */
    public enum SafeChannel {
        PHONE, SMS, EMAIL, IN_PERSON, THROUGH_PARTNER
    }
}
