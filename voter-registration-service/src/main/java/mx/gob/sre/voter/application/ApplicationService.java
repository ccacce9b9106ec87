package mx.gob.sre.voter.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import mx.gob.sre.platform.curp.Curp;
import mx.gob.sre.platform.outbox.Outbox;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.voter.application.ApplicationApi.AddressAbroad;
import mx.gob.sre.voter.application.ApplicationApi.ApplicationView;
import mx.gob.sre.voter.application.ApplicationApi.Biometrics;
import mx.gob.sre.voter.application.ApplicationApi.Capture;
import mx.gob.sre.voter.application.ApplicationApi.DocumentChecks;
import mx.gob.sre.voter.application.ApplicationApi.FolioStatus;
import mx.gob.sre.voter.application.ApplicationApi.HistoryEntry;
import mx.gob.sre.voter.application.ApplicationApi.NationalityProof;
import mx.gob.sre.voter.application.ApplicationApi.Remediation;
import mx.gob.sre.voter.application.ApplicationApi.RemediationReason;
import mx.gob.sre.voter.application.ApplicationEvents.ApplicationStatusChangedV1;
import mx.gob.sre.voter.election.ElectionCalendar;
import mx.gob.sre.voter.ine.IneSubmissions;

/**
 * Voter-card applications: capture (from a consulate's verification or by staff), eligibility, the one
 * state machine every status change goes through, remediation, activation, and what the citizen, the
 * consulate and INE may see.
 */
@ApplicationScoped
public class ApplicationService {

    /** INE's dates are Mexico City dates. */
    public static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

    private static final Logger LOG = Logger.getLogger(ApplicationService.class);

    @Inject
    EntityManager em;

    @Inject
    ElectionCalendar calendar;

    @Inject
    ApplicationRules rules;

    @Inject
    Outbox outbox;

    @Inject
    IneSubmissions submissions;

    @Inject
    Caller caller;

    Clock clock = Clock.systemUTC();

    /** What an application is made from, whichever way it came. */
    record NewApplication(String curp, String givenNames, String firstSurname, String secondSurname,
            LocalDate dateOfBirth, String sex, NationalityProof nationalityProof, String nationalityProofState,
            AddressAbroad address, String consulate, LocalDate proofOfAddressIssuedOn, boolean addressInDistrict,
            boolean documentsVerified, Biometrics biometrics, Application.Source source, UUID verificationId,
            LocalDate capturedOn, String createdBy) {
    }

    @Transactional
    public ApplicationView capture(Capture request) {
        String consulate = caller.consulate()
                .filter(c -> caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR))
                .orElseThrow(() -> new ApiException(ProblemType.FORBIDDEN, "Only consular staff capture applications"));
        Application application = open(new NewApplication(request.curp(), request.givenNames(), request.firstSurname(),
                request.secondSurname(), request.dateOfBirth(), request.sex(), request.nationalityProof(),
                request.nationalityProofState(), request.addressAbroad(), consulate.toUpperCase(Locale.ROOT),
                request.proofOfAddressIssuedOn(), request.addressInDistrict(), request.documentsVerified(),
                request.biometrics(), Application.Source.STAFF, null, today(), caller.auditId()));
        return view(application);
    }

    /** Opens an application after the checks; answers with a problem naming the rule that failed. */
    @Transactional(Transactional.TxType.MANDATORY)
    Application open(NewApplication n) {
        Curp curp = Curp.parse(n.curp());
        if (!curp.birthDate().equals(n.dateOfBirth())) {
            throw ApiException.invalid("dateOfBirth", "does not match the birth date in the CURP");
        }
        if (!n.documentsVerified()) {
            throw ApiException.rule("documents-not-verified", "The documents must be checked and accepted");
        }
        Map.Entry<String, ElectionCalendar.Election> election = calendar.openForApplications(n.capturedOn())
                .orElseThrow(() -> ApiException.rule("no-open-election", "No election is taking applications"));
        int age = Period.between(curp.birthDate(), election.getValue().electionDay()).getYears();
        if (age < 18) {
            throw ApiException.rule("underage", "The applicant will be " + age + " on election day "
                    + election.getValue().electionDay() + "; the minimum is 18").with("electionDay",
                    election.getValue().electionDay().toString());
        }
        if (n.proofOfAddressIssuedOn().isAfter(n.capturedOn())
                || n.proofOfAddressIssuedOn().isBefore(n.capturedOn().minusMonths(rules.proofOfAddressMaxMonths()))) {
            throw ApiException.rule("proof-of-address-too-old", "The proof of address must be at most "
                    + rules.proofOfAddressMaxMonths() + " months old");
        }
        if (!n.addressInDistrict()) {
            throw ApiException.rule("address-not-in-district", "The proof of address must be in the consulate's "
                    + "district");
        }
        String votingState = votingState(curp, n.nationalityProof(), n.nationalityProofState());
        em.createQuery("FROM Application a WHERE a.curp = :curp AND a.status NOT IN :closed", Application.class)
                .setParameter("curp", curp.value())
                .setParameter("closed", List.of(ApplicationStatus.REJECTED, ApplicationStatus.RETURNED,
                        ApplicationStatus.CANCELLED))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().ifPresent(existing -> {
                    throw ApiException.conflict("This CURP already has an open application")
                            .with("existing", "/applications/" + existing.id).with("folio", existing.folio)
                            .with("rule", "one-open-application");
                });

        Instant now = Instant.now(clock);
        Application a = new Application();
        a.id = UUID.randomUUID();
        a.folio = nextFolio(n.consulate(), n.capturedOn().getYear());
        a.curp = curp.value();
        a.givenNames = n.givenNames().strip();
        a.firstSurname = n.firstSurname().strip();
        a.secondSurname = n.secondSurname() == null ? null : n.secondSurname().strip();
        a.dateOfBirth = n.dateOfBirth();
        a.sex = n.sex();
        a.votingState = votingState;
        a.nationalityProof = n.nationalityProof().name();
        a.addressLine1 = n.address().line1();
        a.addressLine2 = n.address().line2();
        a.addressCity = n.address().city();
        a.addressRegion = n.address().region();
        a.addressPostalCode = n.address().postalCode();
        a.addressCountry = n.address().country();
        a.consulateCode = n.consulate();
        a.proofOfAddressIssuedOn = n.proofOfAddressIssuedOn();
        a.addressInDistrict = true;
        a.documentsVerified = true;
        a.fingerprintsRef = n.biometrics().fingerprints();
        a.photoRef = n.biometrics().photo();
        a.signatureRef = n.biometrics().signature();
        a.source = n.source();
        a.verificationId = n.verificationId();
        a.status = ApplicationStatus.CAPTURED;
        a.electionId = election.getKey();
        a.createdAt = now;
        a.updatedAt = now;
        a.createdBy = n.createdBy();
        try {
            em.persist(a);
            em.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw ApiException.conflict("This CURP already has an open application").with("rule",
                    "one-open-application");
        }
        history(a, null, "captured at " + a.consulateCode);
        publish(a);
        submissions.enqueue(a.id, IneSubmissions.Kind.INITIAL);
        LOG.infof("Voter-card application %s captured at %s", a.folio, a.consulateCode);
        return a;
    }

    /** The voting state: from the birth certificate, or the parent's for people born abroad. */
    static String votingState(Curp curp, NationalityProof proof, String state) {
        return switch (proof) {
            case BIRTH_CERTIFICATE -> {
                if (state != null) {
                    yield checkedState(state);
                }
                if (curp.bornAbroad()) {
                    throw ApiException.invalid("nationalityProofState", "is required for a person born abroad");
                }
                yield curp.birthState();
            }
            case PARENT_BIRTH_CERTIFICATE -> {
                if (state == null) {
                    throw ApiException.invalid("nationalityProofState",
                            "is required with a parent's birth certificate: it decides the voting state");
                }
                yield checkedState(state);
            }
            case NATURALIZATION_LETTER -> state == null ? null : checkedState(state);
        };
    }

    private static String checkedState(String state) {
        if (!Curp.STATE_CODES.contains(state) || "NE".equals(state)) {
            throw ApiException.invalid("nationalityProofState", "must be the code of a Mexican state");
        }
        return state;
    }

    /** The one way a status changes: state machine, history, event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void transition(Application a, ApplicationStatus next, String note) {
        ApplicationStatus previous = a.moveTo(next);
        history(a, previous, note);
        publish(a);
    }

    /**
     * Applies a status INE reported, through the state machine. Delivery attempts count up to the
     * configured maximum, after which the card is held; a remediation without a deadline gets the
     * configured one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Application applyIneStatus(String folio, ApplicationStatus status, List<RemediationReason> reasons,
            LocalDate remediationDeadline) {
        Application a = em.createQuery("FROM Application a WHERE a.folio = :folio", Application.class)
                .setParameter("folio", folio).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Folio " + folio));
        switch (status) {
            case NEEDS_REMEDIATION -> {
                if (reasons == null || reasons.isEmpty()) {
                    throw ApiException.invalid("reasons", "are required for NEEDS_REMEDIATION");
                }
                a.remediationReasons = join(reasons);
                a.remediationDeadline = remediationDeadline != null ? remediationDeadline
                        : today().plusDays(rules.remediationDays());
                transition(a, status, "INE: " + a.remediationReasons + " until " + a.remediationDeadline);
            }
            case DELIVERY_ATTEMPTED -> {
                transition(a, status, "INE: delivery attempt " + (a.deliveryAttempts + 1));
                a.deliveryAttempts++;
                if (a.deliveryAttempts >= rules.maxDeliveryAttempts()) {
                    a.heldUntil = today().plusDays(rules.heldDays());
                    transition(a, ApplicationStatus.HELD, "held by the courier until " + a.heldUntil);
                }
            }
            case HELD -> {
                a.heldUntil = today().plusDays(rules.heldDays());
                transition(a, status, "INE: held until " + a.heldUntil);
            }
            case DELIVERED -> {
                transition(a, status, "INE: delivered into the applicant's hands");
                a.deliveredAt = a.updatedAt;
            }
            default -> transition(a, status, "INE: " + status);
        }
        return a;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApplicationView get(UUID id) {
        return view(visible(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApplicationView> list(String curpParameter) {
        String curp;
        if (caller.hasRole(Roles.CITIZEN)) {
            curp = caller.curp().orElse("");
            if (curpParameter != null && !curpParameter.equalsIgnoreCase(curp)) {
                return List.of();
            }
        } else if (curpParameter == null) {
            throw ApiException.invalid("curp", "is required");
        } else {
            curp = curpParameter.toUpperCase(Locale.ROOT);
        }
        return em.createQuery("FROM Application a WHERE a.curp = :curp ORDER BY a.createdAt DESC", Application.class)
                .setParameter("curp", curp).getResultList().stream().filter(this::mayRead).map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FolioStatus byFolio(String folio) {
        Application a = em.createQuery("FROM Application a WHERE a.folio = :folio", Application.class)
                .setParameter("folio", folio.toUpperCase(Locale.ROOT)).getResultStream().findFirst()
                .filter(this::mayRead)
                .orElseThrow(() -> ApiException.notFound("Folio"));
        return new FolioStatus(a.folio, a.status, a.updatedAt, a.remediationDeadline, reasons(a));
    }

    /** Corrected documents before the deadline send the application back to INE's review. */
    @Transactional
    public ApplicationView remediate(UUID id, Remediation request) {
        Application a = visibleForUpdate(id);
        if (!(caller.isCitizen(a.curp) || isStaffOf(a.consulateCode))) {
            throw ApiException.notFound("Application");
        }
        if (a.status != ApplicationStatus.NEEDS_REMEDIATION) {
            throw ApiException.conflict("Only an application that needs remediation can be corrected")
                    .with("status", a.status.name());
        }
        if (today().isAfter(a.remediationDeadline)) {
            throw ApiException.rule("remediation-deadline-passed", "The deadline to correct the application was "
                    + a.remediationDeadline);
        }
        if (request.corrected().contains(RemediationReason.ADDRESS_PROOF)) {
            if (request.proofOfAddressIssuedOn() == null
                    || request.proofOfAddressIssuedOn().isBefore(today().minusMonths(rules.proofOfAddressMaxMonths()))
                    || request.proofOfAddressIssuedOn().isAfter(today())) {
                throw ApiException.invalid("proofOfAddressIssuedOn", "must be a proof of address at most "
                        + rules.proofOfAddressMaxMonths() + " months old");
            }
            a.proofOfAddressIssuedOn = request.proofOfAddressIssuedOn();
        }
        if (request.corrected().contains(RemediationReason.SIGNATURE)) {
            if (request.signature() == null) {
                throw ApiException.invalid("signature", "is required when the signature is corrected");
            }
            a.signatureRef = request.signature();
        }
        transition(a, ApplicationStatus.UNDER_REVIEW, "remediated: " + request.corrected());
        submissions.enqueue(a.id, IneSubmissions.Kind.REMEDIATION);
        return view(a);
    }

    /** The citizen confirms receipt through the app; only a delivered card can be activated. */
    @Transactional
    public ApplicationView activate(UUID id) {
        Application a = visibleForUpdate(id);
        if (!caller.isCitizen(a.curp)) {
            throw ApiException.notFound("Application");
        }
        transition(a, ApplicationStatus.ACTIVATED, "activated by the citizen");
        a.activatedAt = a.updatedAt;
        return view(a);
    }

    @Transactional
    public ApplicationView cancel(UUID id) {
        Application a = visibleForUpdate(id);
        if (!(caller.isCitizen(a.curp) || isStaffOf(a.consulateCode))) {
            throw ApiException.notFound("Application");
        }
        transition(a, ApplicationStatus.CANCELLED, "cancelled by " + (caller.isCitizen(a.curp) ? "the citizen"
                : "the consulate"));
        return view(a);
    }

    Application visible(UUID id) {
        Application a = em.find(Application.class, id);
        if (a == null || !mayRead(a)) {
            throw ApiException.notFound("Application");
        }
        return a;
    }

    private Application visibleForUpdate(UUID id) {
        Application a = visible(id);
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        return a;
    }

    /** The citizen, the consulate that took it, and INE. */
    boolean mayRead(Application a) {
        return caller.isCitizen(a.curp) || isStaffOf(a.consulateCode) || caller.hasRole(Roles.INE);
    }

    private boolean isStaffOf(String consulate) {
        return caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR) && caller.worksAt(consulate);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(MEXICO_CITY));
    }

    /** A unique folio, e.g. SJC-2026-000123; the number comes from a sequence, so no capture waits for another. */
    private String nextFolio(String consulate, int year) {
        long number = ((Number) em.createNativeQuery("SELECT nextval('application_folio_number')")
                .getSingleResult()).longValue();
        return consulate + "-" + year + "-" + String.format("%06d", number);
    }

    private void history(Application a, ApplicationStatus from, String note) {
        em.createNativeQuery("""
                INSERT INTO application_history (application_id, from_status, to_status, at, by, note)
                VALUES (:id, :from, :to, :at, :by, :note)""")
                .setParameter("id", a.id).setParameter("from", from == null ? null : from.name())
                .setParameter("to", a.status.name()).setParameter("at", a.updatedAt.atOffset(java.time.ZoneOffset.UTC))
                .setParameter("by", Caller.inRequest() ? caller.auditId() : "system")
                .setParameter("note", note)
                .executeUpdate();
    }

    private void publish(Application a) {
        outbox.publish(ApplicationEvents.TOPIC, a.id.toString(), ApplicationEvents.STATUS_CHANGED_V1,
                new ApplicationStatusChangedV1(a.id, a.folio, a.curp, a.status.name(), a.consulateCode, a.updatedAt));
    }

    private static List<RemediationReason> reasons(Application a) {
        return a.remediationReasonList().stream().map(RemediationReason::valueOf).toList();
    }

    static String join(List<RemediationReason> reasons) {
        return reasons.stream().distinct().map(Enum::name).collect(Collectors.joining(","));
    }

    ApplicationView view(Application a) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT from_status, to_status, at, note FROM application_history
                WHERE application_id = :id ORDER BY id""").setParameter("id", a.id).getResultList();
        List<HistoryEntry> history = rows.stream().map(r -> new HistoryEntry(
                r[0] == null ? null : ApplicationStatus.valueOf((String) r[0]), ApplicationStatus.valueOf((String) r[1]),
                mx.gob.sre.platform.persistence.SqlValues.instant(r[2]), (String) r[3])).toList();
        return new ApplicationView(a.id, a.folio, a.curp, a.givenNames, a.firstSurname, a.secondSurname,
                a.dateOfBirth, a.sex, a.votingState, NationalityProof.valueOf(a.nationalityProof),
                new AddressAbroad(a.addressLine1, a.addressLine2, a.addressCity, a.addressRegion, a.addressPostalCode,
                        a.addressCountry),
                a.consulateCode, new DocumentChecks(a.documentsVerified, a.proofOfAddressIssuedOn, a.addressInDistrict),
                new Biometrics(a.fingerprintsRef, a.photoRef, a.signatureRef), a.status, reasons(a),
                a.remediationDeadline, a.deliveryAttempts, a.heldUntil, a.deliveredAt, a.activatedAt, a.electionId,
                a.createdAt, a.updatedAt, history);
    }
}
