package mx.gob.sre.scholarship.grant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import mx.gob.sre.platform.idempotency.Idempotency;
import mx.gob.sre.platform.outbox.Outbox;
import mx.gob.sre.platform.persistence.SqlValues;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.scholarship.ScholarshipConfig;
import mx.gob.sre.scholarship.call.CallService;
import mx.gob.sre.scholarship.document.Documents;
import mx.gob.sre.scholarship.grant.AwardEvents.AwardChangedV1;
import mx.gob.sre.scholarship.grant.GrantApi.ApplicationStatus;
import mx.gob.sre.scholarship.grant.GrantApi.AwardView;
import mx.gob.sre.scholarship.grant.GrantApi.Category;
import mx.gob.sre.scholarship.grant.GrantApi.Fund;
import mx.gob.sre.scholarship.grant.GrantApi.Ranked;
import mx.gob.sre.scholarship.grant.GrantApi.Ranking;
import mx.gob.sre.scholarship.grant.GrantApi.ReportView;
import mx.gob.sre.scholarship.grant.GrantApi.Round;
import mx.gob.sre.scholarship.institution.InstitutionService;

/**
 * Awards and the money behind them.
 *
 * <p>An award round walks the call's ranking from the top and funds each application that is not yet
 * funded, within what is left of its category's cap in the call and of the IME-wide budget of the cycle.
 * When less than the request is left, the award is partial: it funds as many whole students (at the
 * application's amount per student) as fit, and only if that is at least {@code min-partial-award-pct}
 * of the request; otherwise the application goes to the waitlist. A later round (after the budget was
 * raised, say) takes the waitlist in ranking order.
 *
 * <p>Rounds never overspend, however many run at once: a round locks its call's row (rounds of one call
 * run one after the other) and then the cycle's budget row (rounds of all consulates share it), always in
 * that order, and reads what was already awarded only after holding both locks.
 */
@ApplicationScoped
public class Awards {

    public static final String OWNER = "AWARD";
    static final Set<String> PAPERS = Set.of("MOU", "BYLAWS", "RECEIPT");

    @Inject
    EntityManager em;

    @Inject
    CallService calls;

    @Inject
    Evaluation evaluation;

    @Inject
    InstitutionService institutions;

    @Inject
    Documents documents;

    @Inject
    Outbox outbox;

    @Inject
    Idempotency idempotency;

    @Inject
    ScholarshipConfig config;

    @Inject
    Caller caller;

    @Transactional
    public Idempotency.Outcome<Round> round(UUID callId, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "award-round", callId, Round.class, () -> runRound(callId));
    }

    private Round runRound(UUID callId) {
        CallService.CallData call = calls.data(callId, true);
        if (!(caller.isAdmin() || (caller.hasRole(Roles.CONSULATE_SUPERVISOR) && caller.worksAt(call.consulate())))) {
            throw ApiException.notFound("Call");
        }
        if (Instant.now().isBefore(call.closesAt())) {
            throw ApiException.rule("call-closed", "Awards are made once the call has closed");
        }
        Ranking ranking = evaluation.rank(call);
        if (!ranking.complete()) {
            throw ApiException.rule("ranking-complete", "Every application needs the scores of every eligible "
                    + "committee member before awards are made");
        }
        long budgetLeft = lockBudget(call.cycle());
        Map<Category, Long> capLeft = new EnumMap<>(Category.class);
        capLeft.put(Category.ADULT_EDUCATION, call.adultEducationCap() - awarded(callId, Category.ADULT_EDUCATION));
        capLeft.put(Category.HIGHER_EDUCATION, call.higherEducationCap() - awarded(callId, Category.HIGHER_EDUCATION));

        List<Ranked> awardedNow = new ArrayList<>();
        List<UUID> waitlist = new ArrayList<>();
        long spent = 0;
        for (Ranked candidate : ranking.applications()) {
            if (candidate.status() != ApplicationStatus.SUBMITTED && candidate.status() != ApplicationStatus.WAITLISTED) {
                continue;
            }
            long perStudent = ((Number) em.createNativeQuery("SELECT amount_per_student_cents FROM grant_application "
                    + "WHERE id = :id").setParameter("id", candidate.applicationId()).getSingleResult()).longValue();
            long amount = fundable(candidate.amountRequestedCents(), perStudent,
                    Math.min(capLeft.get(candidate.category()), budgetLeft));
            if (amount == 0) {
                waitlist.add(candidate.applicationId());
                continue;
            }
            boolean partial = amount < candidate.amountRequestedCents();
            UUID awardId = UUID.randomUUID();
            em.createNativeQuery("""
                    INSERT INTO award (id, application_id, call_id, institution_id, consulate_code, cycle, category,
                                       amount_cents, currency, partial, awarded_at)
                    VALUES (:id, :app, :call, :institution, :consulate, :cycle, :category, :amount, :currency, :partial,
                            now())""")
                    .setParameter("id", awardId).setParameter("app", candidate.applicationId())
                    .setParameter("call", callId).setParameter("institution", candidate.institutionId())
                    .setParameter("consulate", call.consulate()).setParameter("cycle", call.cycle())
                    .setParameter("category", candidate.category().name()).setParameter("amount", amount)
                    .setParameter("currency", call.currency()).setParameter("partial", partial).executeUpdate();
            ApplicationStatus status = partial ? ApplicationStatus.PARTIALLY_AWARDED : ApplicationStatus.AWARDED;
            em.createNativeQuery("UPDATE grant_application SET status = :status, awarded_cents = :amount, "
                            + "waitlist_position = NULL WHERE id = :id")
                    .setParameter("status", status.name()).setParameter("amount", amount)
                    .setParameter("id", candidate.applicationId()).executeUpdate();
            capLeft.merge(candidate.category(), -amount, Long::sum);
            budgetLeft -= amount;
            spent += amount;
            publish(AwardEvents.AWARDED_V1, awardId, call, candidate.institutionId(), candidate.category(), amount,
                    status.name());
            awardedNow.add(new Ranked(candidate.rank(), candidate.applicationId(), candidate.institutionId(),
                    candidate.institutionName(), candidate.category(), candidate.amountRequestedCents(),
                    candidate.averageScore(), candidate.scores(), candidate.eligibleMembers(), status, amount));
        }
        for (int i = 0; i < waitlist.size(); i++) {
            em.createNativeQuery("UPDATE grant_application SET status = 'WAITLISTED', waitlist_position = :position "
                    + "WHERE id = :id").setParameter("position", i + 1).setParameter("id", waitlist.get(i))
                    .executeUpdate();
        }
        em.createNativeQuery("UPDATE cycle_budget SET awarded_cents = awarded_cents + :spent WHERE cycle = :cycle")
                .setParameter("spent", spent).setParameter("cycle", call.cycle()).executeUpdate();
        List<Ranked> waitlisted = evaluation.rank(call).applications().stream()
                .filter(r -> r.status() == ApplicationStatus.WAITLISTED).toList();
        return new Round(callId, awardedNow, waitlisted, spent, budgetLeft);
    }

    /**
     * What an application gets from {@code available}: all it asked for; or as many whole students as fit,
     * if that is at least the minimum share of the request; or nothing.
     */
    long fundable(long requested, long perStudent, long available) {
        if (available >= requested) {
            return requested;
        }
        long partial = available <= 0 ? 0 : (available / perStudent) * perStudent;
        return partial * 100 >= requested * config.minPartialAwardPct() && partial > 0 ? partial : 0;
    }

    /** Locks the cycle's budget row (created from configuration on first use) and returns what is left. */
    private long lockBudget(int cycle) {
        Long total = config.budgets().get(String.valueOf(cycle));
        if (total == null) {
            throw ApiException.rule("cycle-budget", "No IME budget is configured for cycle " + cycle);
        }
        em.createNativeQuery("INSERT INTO cycle_budget (cycle, total_cents) VALUES (:cycle, :total) "
                        + "ON CONFLICT (cycle) DO UPDATE SET total_cents = EXCLUDED.total_cents "
                        + "WHERE EXCLUDED.total_cents >= cycle_budget.awarded_cents")
                .setParameter("cycle", cycle).setParameter("total", total).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("SELECT total_cents, awarded_cents FROM cycle_budget "
                + "WHERE cycle = :cycle FOR UPDATE").setParameter("cycle", cycle).getSingleResult();
        return ((Number) row[0]).longValue() - ((Number) row[1]).longValue();
    }

    private long awarded(UUID callId, Category category) {
        return ((Number) em.createNativeQuery("SELECT coalesce(sum(amount_cents), 0) FROM award WHERE call_id = :call "
                + "AND category = :category").setParameter("call", callId).setParameter("category", category.name())
                .getSingleResult()).longValue();
    }

    /** The consulate signs the MoU with the institution. */
    @Transactional
    public AwardView signMou(UUID awardId, LocalDate signedOn, String signatory) {
        Object[] award = row(awardId, true);
        if (!staffOf((String) award[3])) {
            throw ApiException.notFound("Award");
        }
        if (signedOn.isAfter(LocalDate.now().plusDays(1))) {
            throw ApiException.invalid("signedOn", "must not be in the future");
        }
        em.createNativeQuery("UPDATE award SET mou_signed_on = :on, mou_signatory = :by WHERE id = :id")
                .setParameter("on", signedOn).setParameter("by", signatory).setParameter("id", awardId).executeUpdate();
        return view(awardId);
    }

    /** The institution (or the consulate) uploads the signed MoU, its bylaws and the receipt, as PDF. */
    @Transactional
    public Documents.Stored attach(UUID awardId, String kind, String filename, java.io.InputStream body) {
        Object[] award = row(awardId, false);
        if (!mayRead(award)) {
            throw ApiException.notFound("Award");
        }
        if (!PAPERS.contains(kind)) {
            throw ApiException.invalid("kind", "must be one of " + PAPERS);
        }
        return documents.store(OWNER, awardId, kind, filename, documents.read(body, Documents.Format.PDF));
    }

    /**
     * Records a payment. IME funds move only once the MoU is signed and the bylaws and the receipt are on
     * file, and never past the award; the institution's matching funds are booked apart.
     */
    @Transactional
    public Idempotency.Outcome<AwardView> disburse(UUID awardId, GrantApi.Payment payment, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "disbursement:" + awardId, payment, AwardView.class,
                () -> doDisburse(awardId, payment));
    }

    private AwardView doDisburse(UUID awardId, GrantApi.Payment payment) {
        Object[] award = row(awardId, true);
        String consulate = (String) award[3];
        if (!(caller.isAdmin() || staffOf(consulate))) {
            throw ApiException.notFound("Award");
        }
        Fund fund = payment.fund() == null ? Fund.IME : payment.fund();
        if (fund == Fund.IME) {
            if (!caller.isAdmin()) {
                throw new ApiException(ProblemType.FORBIDDEN, "IME funds are disbursed by IME");
            }
            List<String> missing = new ArrayList<>();
            if (award[6] == null) {
                missing.add("signed MoU");
            }
            for (String kind : List.of("MOU", "BYLAWS", "RECEIPT")) {
                if (!documents.has(OWNER, awardId, kind)) {
                    missing.add(kind.toLowerCase() + " document");
                }
            }
            if (!missing.isEmpty()) {
                throw ApiException.rule("papers-before-money", "Before any money moves the award needs: "
                        + String.join(", ", missing)).with("missing", missing);
            }
            long paid = fundTotal(awardId, Fund.IME);
            long amount = ((Number) award[5]).longValue();
            if (paid + payment.amountCents() > amount) {
                throw ApiException.rule("within-award", "The payment would take IME disbursements to "
                        + (paid + payment.amountCents()) + " cents, past the award of " + amount);
            }
        }
        em.createNativeQuery("""
                INSERT INTO ledger_entry (id, award_id, fund, amount_cents, reference, booked_on, recorded_at, recorded_by)
                VALUES (:id, :award, :fund, :amount, :reference, :on, now(), :by)""")
                .setParameter("id", UUID.randomUUID()).setParameter("award", awardId).setParameter("fund", fund.name())
                .setParameter("amount", payment.amountCents()).setParameter("reference", payment.reference())
                .setParameter("on", payment.bookedOn()).setParameter("by", caller.auditId()).executeUpdate();
        if (fund == Fund.IME) {
            CallService.CallData call = calls.data((UUID) award[1], false);
            publish(AwardEvents.DISBURSED_V1, awardId, call, (UUID) award[2], Category.valueOf((String) award[4]),
                    payment.amountCents(), "DISBURSED");
        }
        return view(awardId);
    }

    /**
     * The institution reports the students it served, as counts only. A report under the minimum share for
     * low-income students of Mexican origin is kept and flags the award as non-compliant.
     */
    @Transactional
    public ReportView report(UUID awardId, GrantApi.BeneficiaryReport report) {
        Object[] award = row(awardId, true);
        if (!(institutions.actsFor((UUID) award[2]) || staffOf((String) award[3]))) {
            throw ApiException.notFound("Award");
        }
        if (report.lowIncomeStudents() > report.studentsServed()) {
            throw ApiException.invalid("lowIncomeStudents", "cannot exceed studentsServed");
        }
        if (report.fundsToLowIncomeCents() > report.fundsUsedCents()) {
            throw ApiException.invalid("fundsToLowIncomeCents", "cannot exceed fundsUsedCents");
        }
        BigDecimal share = report.fundsUsedCents() == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(report.fundsToLowIncomeCents() * 100)
                        .divide(BigDecimal.valueOf(report.fundsUsedCents()), 2, RoundingMode.DOWN);
        boolean compliant = share.compareTo(BigDecimal.valueOf(config.minLowIncomeSharePct())) >= 0;
        em.createNativeQuery("""
                INSERT INTO beneficiary_report (id, award_id, period, students_served, low_income_students,
                    funds_used_cents, funds_low_income_cents, low_income_share_pct, compliant, reported_at)
                VALUES (:id, :award, :period, :served, :low, :used, :lowFunds, :share, :compliant, now())""")
                .setParameter("id", UUID.randomUUID()).setParameter("award", awardId)
                .setParameter("period", report.period()).setParameter("served", report.studentsServed())
                .setParameter("low", report.lowIncomeStudents()).setParameter("used", report.fundsUsedCents())
                .setParameter("lowFunds", report.fundsToLowIncomeCents()).setParameter("share", share)
                .setParameter("compliant", compliant).executeUpdate();
        if (!compliant) {
            em.createNativeQuery("UPDATE award SET non_compliant = TRUE WHERE id = :id").setParameter("id", awardId)
                    .executeUpdate();
        }
        return new ReportView(report.period(), report.studentsServed(), report.lowIncomeStudents(),
                report.fundsUsedCents(), report.fundsToLowIncomeCents(), share, compliant);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AwardView get(UUID awardId) {
        if (!mayRead(row(awardId, false))) {
            throw ApiException.notFound("Award");
        }
        return view(awardId);
    }

    /** The awards the caller may see, of one cycle or all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AwardView> list(Integer cycle) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM award WHERE (CAST(:cycle AS INTEGER) IS NULL "
                + "OR cycle = :cycle) ORDER BY awarded_at, id").setParameter("cycle", cycle).getResultList();
        return ids.stream().filter(id -> mayRead(row(id, false))).map(this::view).toList();
    }

    private void publish(String type, UUID awardId, CallService.CallData call, UUID institutionId, Category category,
            long amount, String status) {
        outbox.publish(AwardEvents.TOPIC, awardId.toString(), type, new AwardChangedV1(awardId, call.id(),
                institutionId, institutions.nameOf(institutionId), call.consulate(), category.name(), amount,
                call.currency(), status, institutions.contactCurps(institutionId), Instant.now()));
    }

    private boolean staffOf(String consulate) {
        return caller.isAdmin() || (caller.hasRole(Roles.CONSULATE_SUPERVISOR) && caller.worksAt(consulate));
    }

    private boolean mayRead(Object[] award) {
        String consulate = (String) award[3];
        return institutions.actsFor((UUID) award[2]) || caller.isAdmin()
                || (caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR, Roles.IME_COMMITTEE_MEMBER)
                        && caller.worksAt(consulate));
    }

    private long fundTotal(UUID awardId, Fund fund) {
        return ((Number) em.createNativeQuery("SELECT coalesce(sum(amount_cents), 0) FROM ledger_entry "
                + "WHERE award_id = :id AND fund = :fund").setParameter("id", awardId).setParameter("fund", fund.name())
                .getSingleResult()).longValue();
    }

    /** id, call, institution, consulate, category, amount, MoU date; locked for update when asked. */
    private Object[] row(UUID awardId, boolean lock) {
        List<?> rows = em.createNativeQuery("SELECT id, call_id, institution_id, consulate_code, category, amount_cents, "
                + "mou_signed_on FROM award WHERE id = :id" + (lock ? " FOR UPDATE" : "")).setParameter("id", awardId)
                .getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Award");
        }
        return (Object[]) rows.get(0);
    }

    private AwardView view(UUID awardId) {
        Object[] r = (Object[]) em.createNativeQuery("""
                SELECT id, application_id, institution_id, consulate_code, cycle, category, amount_cents, currency,
                       partial, mou_signed_on, non_compliant, awarded_at
                FROM award WHERE id = :id""").setParameter("id", awardId).getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> papers = em.createNativeQuery("SELECT DISTINCT kind FROM document WHERE owner_type = :t "
                + "AND owner_id = :id ORDER BY kind").setParameter("t", OWNER).setParameter("id", awardId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> reports = em.createNativeQuery("""
                SELECT period, students_served, low_income_students, funds_used_cents, funds_low_income_cents,
                       low_income_share_pct, compliant
                FROM beneficiary_report WHERE award_id = :id ORDER BY reported_at""").setParameter("id", awardId)
                .getResultList();
        return new AwardView(awardId, (UUID) r[1], (UUID) r[2], (String) r[3], ((Number) r[4]).intValue(),
                Category.valueOf((String) r[5]), ((Number) r[6]).longValue(), (String) r[7], (Boolean) r[8],
                SqlValues.date(r[9]), papers, fundTotal(awardId, Fund.IME), fundTotal(awardId, Fund.MATCHING),
                (Boolean) r[10], reports.stream().map(p -> new ReportView((String) p[0], ((Number) p[1]).intValue(),
                        ((Number) p[2]).intValue(), ((Number) p[3]).longValue(), ((Number) p[4]).longValue(),
                        (BigDecimal) p[5], (Boolean) p[6])).toList(), SqlValues.instant(r[11]));
    }
}
