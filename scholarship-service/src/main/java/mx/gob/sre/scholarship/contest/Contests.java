package mx.gob.sre.scholarship.contest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import mx.gob.sre.platform.crypto.FieldCipher;
import mx.gob.sre.platform.outbox.Outbox;
import mx.gob.sre.platform.persistence.SqlValues;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.FieldError;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.platform.web.RequestIds;
import mx.gob.sre.scholarship.ScholarshipConfig;
import mx.gob.sre.scholarship.contest.ContestApi.AgeCategory;
import mx.gob.sre.scholarship.contest.ContestApi.ContestView;
import mx.gob.sre.scholarship.contest.ContestApi.CreateContest;
import mx.gob.sre.scholarship.contest.ContestApi.CreateEntry;
import mx.gob.sre.scholarship.contest.ContestApi.DisqualificationReason;
import mx.gob.sre.scholarship.contest.ContestApi.EntryStatus;
import mx.gob.sre.scholarship.contest.ContestApi.EntryView;
import mx.gob.sre.scholarship.contest.ContestApi.GalleryItem;
import mx.gob.sre.scholarship.contest.ContestApi.Guardian;
import mx.gob.sre.scholarship.contest.ContestApi.Placed;
import mx.gob.sre.scholarship.contest.ContestApi.Placement;
import mx.gob.sre.scholarship.contest.ContestApi.Results;
import mx.gob.sre.scholarship.contest.ContestApi.ResultsView;
import mx.gob.sre.scholarship.contest.ContestApi.Status;
import mx.gob.sre.scholarship.document.Documents;

/**
 * The children's drawing contest "Este es mi México". Entries come from guardians (in the app, or at a
 * consulate's counter): a child of 6 to 14 with a Mexican background, the guardian's consent to the
 * rules of the current version and the transfer of the drawing's rights to IME. The child's surnames
 * and the guardian's details are encrypted at rest and shown only to the guardian and IME; every such
 * read, every disqualification and every placement is written to the contest audit.
 */
@ApplicationScoped
public class Contests {

    public static final String OWNER = "CONTEST_ENTRY";
    public static final String IMAGE = "DRAWING";
    static final int MIN_AGE = 6;
    static final int MAX_AGE = 14;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    FieldCipher cipher;

    @Inject
    Documents documents;

    @Inject
    Outbox outbox;

    @Inject
    ScholarshipConfig config;

    @Inject
    Caller caller;

    private record Contest(UUID id, String title, int cycle, Instant opensAt, Instant closesAt, String rulesText,
            String rulesVersion, List<AgeCategory> categories, Instant resultsPublishedAt) {

        Status status(Instant now) {
            return resultsPublishedAt != null ? Status.RESULTS_PUBLISHED : now.isBefore(opensAt) ? Status.UPCOMING
                    : now.isBefore(closesAt) ? Status.OPEN : Status.CLOSED;
        }

        /** Ages count on the day the contest closes. */
        LocalDate ageDay() {
            return closesAt.atZone(ZoneOffset.UTC).toLocalDate();
        }

        AgeCategory categoryFor(int age) {
            return categories.stream().filter(c -> age >= c.minAge() && age <= c.maxAge()).findFirst().orElse(null);
        }

        ContestView view() {
            return new ContestView(id, title, cycle, opensAt, closesAt, rulesText, rulesVersion, categories,
                    status(Instant.now()), resultsPublishedAt);
        }
    }

    @Transactional
    public ContestView create(CreateContest request) {
        if (!request.closesAt().isAfter(request.opensAt())) {
            throw ApiException.invalid("closesAt", "must be after opensAt");
        }
        List<AgeCategory> categories = request.ageCategories();
        List<FieldError> failures = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            AgeCategory c = categories.get(i);
            if (c.minAge() > c.maxAge()) {
                failures.add(new FieldError("ageCategories[" + i + "]", "minAge must not exceed maxAge"));
            }
            for (int j = 0; j < i; j++) {
                AgeCategory other = categories.get(j);
                if (c.minAge() <= other.maxAge() && other.minAge() <= c.maxAge()) {
                    failures.add(new FieldError("ageCategories[" + i + "]", "overlaps " + other.name()));
                }
                if (c.name().equals(other.name())) {
                    failures.add(new FieldError("ageCategories[" + i + "]", "repeats the name " + c.name()));
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new ApiException(ProblemType.VALIDATION, "The age categories are not valid", failures);
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO contest (id, title, cycle, opens_at, closes_at, rules_text, rules_version, age_categories,
                                     created_at)
                VALUES (:id, :title, :cycle, :opens, :closes, :rules, :version, :categories, now())""")
                .setParameter("id", id).setParameter("title", request.title().strip())
                .setParameter("cycle", request.cycle()).setParameter("opens", request.opensAt().atOffset(ZoneOffset.UTC))
                .setParameter("closes", request.closesAt().atOffset(ZoneOffset.UTC))
                .setParameter("rules", request.rulesText()).setParameter("version", request.rulesVersion())
                .setParameter("categories", write(categories)).executeUpdate();
        return contest(id, false).view();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContestView> list() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM contest ORDER BY opens_at DESC").getResultList();
        return ids.stream().map(id -> contest(id, false).view()).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContestView get(UUID id) {
        return contest(id, false).view();
    }

    /** Enters a drawing. Every rule that fails is named in one problem. */
    @Transactional
    public EntryView enter(UUID contestId, CreateEntry request) {
        Contest contest = contest(contestId, false);
        Guardian guardian = request.guardian();
        String guardianCurp = guardian.curp() == null ? null : guardian.curp().toUpperCase(Locale.ROOT);
        if (caller.hasRole(Roles.CITIZEN)) {
            String own = caller.curp().orElseThrow(() -> new ApiException(ProblemType.FORBIDDEN,
                    "A citizen's token carries their CURP"));
            if (guardianCurp != null && !guardianCurp.equals(own)) {
                throw ApiException.invalid("guardian.curp", "a citizen enters drawings as the guardian themself");
            }
            guardianCurp = own;
        }
        List<FieldError> failures = new ArrayList<>();
        if (contest.status(Instant.now()) != Status.OPEN) {
            failures.add(new FieldError("contestId", "the contest is not open for entries (rule contest-open)"));
        }
        int age = Period.between(request.child().dateOfBirth(), contest.ageDay()).getYears();
        AgeCategory category = contest.categoryFor(age);
        if (age < MIN_AGE || age > MAX_AGE) {
            failures.add(new FieldError("child.dateOfBirth", "the child is " + age + " on " + contest.ageDay()
                    + "; the contest is for ages 6 to 14 (rule age)"));
        } else if (category == null) {
            failures.add(new FieldError("child.dateOfBirth", "no age category of this contest takes a child of " + age
                    + " (rule age-category)"));
        }
        if (!Boolean.TRUE.equals(request.consent().guardianConsent())) {
            failures.add(new FieldError("consent.guardianConsent", "the guardian's consent is required (rule "
                    + "guardian-consent)"));
        }
        if (!Boolean.TRUE.equals(request.consent().rightsTransferred())) {
            failures.add(new FieldError("consent.rightsTransferred", "the rights of the drawing pass to IME under the "
                    + "rules (rule rights-transfer)"));
        }
        if (!contest.rulesVersion().equals(request.consent().rulesVersion())) {
            failures.add(new FieldError("consent.rulesVersion", "consent must be to the current rules, version "
                    + contest.rulesVersion() + " (rule rules-version)"));
        }
        if (!failures.isEmpty()) {
            throw new ApiException(ProblemType.RULE_VIOLATION, failures.size() == 1 ? failures.get(0).message()
                    : failures.size() + " rules failed", failures);
        }
        UUID id = UUID.randomUUID();
        Guardian stored = new Guardian(guardian.name().strip(), guardian.relationship().strip(), guardian.email(),
                guardian.phone(), guardianCurp);
        em.createNativeQuery("""
                INSERT INTO contest_entry (id, contest_id, child_given_names, child_surnames_enc, child_date_of_birth,
                    child_age, age_category, country_of_residence, drawing_title, guardian_enc, guardian_curp,
                    mexican_background, rules_version, rights_transferred, publication_consent, consent_given_at, status, submitted_by,
                    created_at)
                VALUES (:id, :contest, :given, :surnames, :dob, :age, :category, :country, :title, :guardian, :curp,
                        :background, :rules, TRUE, :publication, now(), 'AWAITING_IMAGE', :by, now())""")
                .setParameter("id", id).setParameter("contest", contestId)
                .setParameter("given", request.child().givenNames().strip())
                .setParameter("surnames", cipher.encrypt(request.child().surnames().strip(), aad(id, "surnames")))
                .setParameter("dob", request.child().dateOfBirth()).setParameter("age", age)
                .setParameter("category", category.name())
                .setParameter("country", request.countryOfResidence()).setParameter("title", request.drawingTitle().strip())
                .setParameter("guardian", cipher.encrypt(write(stored), aad(id, "guardian")))
                .setParameter("curp", guardianCurp).setParameter("background", request.mexicanBackground().name())
                .setParameter("rules", contest.rulesVersion())
                .setParameter("publication", request.consent().publicationConsent())
                .setParameter("by", caller.auditId()).executeUpdate();
        return view(entry(contestId, id), true);
    }

    /** The drawing, PNG or JPEG by its bytes; a new upload replaces it until the contest closes. */
    @Transactional
    public EntryView attachImage(UUID contestId, UUID entryId, String filename, java.io.InputStream body) {
        Object[] entry = entry(contestId, entryId);
        if (!isGuardianOrSubmitter(entry)) {
            throw ApiException.notFound("Entry");
        }
        if (contest(contestId, false).status(Instant.now()) != Status.OPEN) {
            throw ApiException.rule("contest-open", "The contest is closed for entries");
        }
        if (EntryStatus.DISQUALIFIED.name().equals(entry[Column.STATUS])) {
            throw ApiException.conflict("The entry was disqualified");
        }
        Documents.Upload upload = documents.read(body, Documents.Format.PNG, Documents.Format.JPEG);
        em.createNativeQuery("DELETE FROM document WHERE owner_type = :t AND owner_id = :id")
                .setParameter("t", OWNER).setParameter("id", entryId).executeUpdate();
        documents.store(OWNER, entryId, IMAGE, filename, upload);
        em.createNativeQuery("UPDATE contest_entry SET status = 'SUBMITTED' WHERE id = :id")
                .setParameter("id", entryId).executeUpdate();
        return view(entry(contestId, entryId), true);
    }

    @Transactional
    public EntryView entryView(UUID contestId, UUID entryId) {
        Object[] entry = entry(contestId, entryId);
        boolean personal = isGuardianOrSubmitter(entry) || caller.isAdmin();
        if (!personal && !isJudge()) {
            throw ApiException.notFound("Entry");
        }
        if (personal && !isGuardian(entry)) {
            audit(entryId, "READ_PERSONAL_DATA", null);
        }
        return view(entry, personal);
    }

    /** What the judges see: no surnames, no guardian. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EntryView> entries(UUID contestId, EntryStatus status) {
        contest(contestId, false);
        if (!isJudge()) {
            throw ApiException.notFound("Contest");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(select() + " WHERE contest_id = :c AND (CAST(:s AS VARCHAR) IS NULL "
                + "OR status = :s) ORDER BY created_at, id").setParameter("c", contestId)
                .setParameter("s", status == null ? null : status.name()).getResultList();
        return rows.stream().map(r -> view(r, false)).toList();
    }

    /** The guardian's own entries, across contests. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EntryView> mine() {
        String curp = caller.curp().orElse(null);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(select() + " WHERE guardian_curp = :curp OR submitted_by = :me "
                + "ORDER BY created_at DESC").setParameter("curp", curp).setParameter("me", caller.auditId())
                .getResultList();
        return rows.stream().filter(this::isGuardianOrSubmitter).map(r -> view(r, true)).toList();
    }

    /** A drawing's bytes, for its guardian, IME and the judges; or for anyone once it is in the gallery. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Object[] image(UUID contestId, UUID entryId, boolean gallery) {
        Object[] entry = entry(contestId, entryId);
        boolean allowed = gallery ? inGallery(entry) : isGuardianOrSubmitter(entry) || caller.isAdmin() || isJudge();
        Object[] image = allowed ? documents.latest(OWNER, entryId, IMAGE) : null;
        if (image == null) {
            throw ApiException.notFound("Image");
        }
        return image;
    }

    /** A judge excludes an entry (traced, adult-assisted or ineligible), with a note; traced in the audit. */
    @Transactional
    public EntryView disqualify(UUID contestId, UUID entryId, DisqualificationReason reason, String note) {
        Contest contest = contest(contestId, true);
        Object[] entry = entry(contestId, entryId);
        if (!isJudge()) {
            throw ApiException.notFound("Entry");
        }
        if (contest.resultsPublishedAt() != null) {
            throw ApiException.conflict("The results are published; entries can no longer be disqualified");
        }
        em.createNativeQuery("UPDATE contest_entry SET status = 'DISQUALIFIED', disqualification = :reason, "
                        + "disqualification_note = :note WHERE id = :id")
                .setParameter("reason", reason.name()).setParameter("note", note).setParameter("id", entryId)
                .executeUpdate();
        audit(entryId, "DISQUALIFIED", reason.name());
        return view(entry(contestId, entryId), false);
    }

    /**
     * Publishes the results once the contest has closed: {@code contest-winners} winners and
     * {@code contest-honourable-mentions} honourable mentions among the eligible entries (fewer only when
     * there are not enough), every age category with eligible entries having a winner.
     */
    @Transactional
    public ResultsView publish(UUID contestId, Results results) {
        Contest contest = contest(contestId, true);
        if (contest.resultsPublishedAt() != null) {
            throw ApiException.conflict("The results of this contest are already published");
        }
        if (contest.status(Instant.now()) != Status.CLOSED) {
            throw ApiException.rule("contest-closed", "Results are published once the contest has closed");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> eligibleRows = em.createNativeQuery("SELECT id, age_category FROM contest_entry "
                + "WHERE contest_id = :c AND status = 'SUBMITTED'").setParameter("c", contestId).getResultList();
        Map<UUID, String> eligible = eligibleRows.stream().collect(Collectors.toMap(r -> (UUID) r[0],
                r -> (String) r[1]));
        int winners = Math.min(config.contestWinners(), eligible.size());
        int mentions = Math.min(config.contestHonourableMentions(), eligible.size() - winners);
        List<FieldError> failures = new ArrayList<>();
        Set<UUID> winnerIds = new LinkedHashSet<>(results.winners());
        Set<UUID> mentionIds = new LinkedHashSet<>(results.honourableMentions());
        if (winnerIds.size() != results.winners().size() || winnerIds.size() != winners) {
            failures.add(new FieldError("winners", "must be " + winners + " different entries"));
        }
        if (mentionIds.size() != results.honourableMentions().size() || mentionIds.size() != mentions) {
            failures.add(new FieldError("honourableMentions", "must be " + mentions + " different entries"));
        }
        Set<UUID> both = new HashSet<>(winnerIds);
        both.retainAll(mentionIds);
        if (!both.isEmpty()) {
            failures.add(new FieldError("honourableMentions", "an entry cannot both win and be mentioned: " + both));
        }
        Set<UUID> unknown = new LinkedHashSet<>(winnerIds);
        unknown.addAll(mentionIds);
        unknown.removeAll(eligible.keySet());
        if (!unknown.isEmpty()) {
            failures.add(new FieldError("winners", "not eligible entries of this contest (disqualified, without a "
                    + "drawing, or unknown): " + unknown));
        }
        Set<String> categoriesWithEntries = new HashSet<>(eligible.values());
        Set<String> categoriesWithWinners = winnerIds.stream().map(eligible::get).collect(Collectors.toSet());
        if (winners >= categoriesWithEntries.size() && !categoriesWithWinners.containsAll(categoriesWithEntries)) {
            Set<String> missing = new HashSet<>(categoriesWithEntries);
            missing.removeAll(categoriesWithWinners);
            failures.add(new FieldError("winners", "every age category with entries needs a winner; none for "
                    + missing));
        }
        if (!failures.isEmpty()) {
            throw new ApiException(ProblemType.RULE_VIOLATION, "The results do not follow the rules", failures);
        }
        place(contest, winnerIds, Placement.WINNER, eligible);
        place(contest, mentionIds, Placement.HONOURABLE_MENTION, eligible);
        em.createNativeQuery("UPDATE contest SET results_published_at = now() WHERE id = :id")
                .setParameter("id", contestId).executeUpdate();
        return results(contestId);
    }

    private void place(Contest contest, Set<UUID> entries, Placement placement, Map<UUID, String> categories) {
        for (UUID entryId : entries) {
            em.createNativeQuery("UPDATE contest_entry SET placement = :p WHERE id = :id")
                    .setParameter("p", placement.name()).setParameter("id", entryId).executeUpdate();
            audit(entryId, "PLACED", placement.name());
            Object curp = em.createNativeQuery("SELECT guardian_curp FROM contest_entry WHERE id = :id")
                    .setParameter("id", entryId).getSingleResult();
            if (curp != null) {
                outbox.publish(ContestEvents.TOPIC, entryId.toString(), ContestEvents.ENTRY_AWARDED_V1,
                        new ContestEvents.ContestEntryAwardedV1(contest.id(), entryId, contest.title(),
                                categories.get(entryId), placement.name(), ((String) curp).strip(), Instant.now()));
            }
        }
    }

    /** The published results, with given names only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultsView results(UUID contestId) {
        Contest contest = contest(contestId, false);
        if (contest.resultsPublishedAt() == null) {
            throw ApiException.notFound("Results");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, child_given_names, age_category, country_of_residence, "
                + "drawing_title, placement FROM contest_entry WHERE contest_id = :c AND placement IS NOT NULL "
                + "ORDER BY age_category, created_at").setParameter("c", contestId).getResultList();
        List<Placed> placed = rows.stream().map(r -> new Placed((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], Placement.valueOf((String) r[5]))).toList();
        return new ResultsView(contestId, contest.resultsPublishedAt(),
                placed.stream().filter(p -> p.placement() == Placement.WINNER).toList(),
                placed.stream().filter(p -> p.placement() == Placement.HONOURABLE_MENTION).toList());
    }

    /** Winners whose guardian consented to publication: given names, category, country and title only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GalleryItem> gallery(UUID contestId) {
        contest(contestId, false);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(select() + " WHERE contest_id = :c AND placement = 'WINNER' "
                + "AND publication_consent ORDER BY age_category, created_at").setParameter("c", contestId)
                .getResultList();
        return rows.stream().filter(this::inGallery).map(r -> new GalleryItem((UUID) r[Column.ID],
                (String) r[Column.GIVEN_NAMES], (String) r[Column.CATEGORY], (String) r[Column.COUNTRY],
                (String) r[Column.TITLE], "contests/" + contestId + "/gallery/" + r[Column.ID] + "/image")).toList();
    }

    private boolean inGallery(Object[] entry) {
        return Placement.WINNER.name().equals(entry[Column.PLACEMENT]) && Boolean.TRUE.equals(entry[Column.PUBLICATION])
                && EntryStatus.SUBMITTED.name().equals(entry[Column.STATUS]);
    }

    /** Everything the contest service holds on a guardian, for an ARCO access request. */
    @Transactional
    public List<EntryView> exportFor(String curp) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(select() + " WHERE guardian_curp = :curp ORDER BY created_at")
                .setParameter("curp", curp).getResultList();
        rows.stream().filter(r -> !isGuardian(r)).forEach(r -> audit((UUID) r[Column.ID], "READ_PERSONAL_DATA",
                "ARCO export"));
        return rows.stream().map(r -> view(r, true)).toList();
    }

    private boolean isJudge() {
        return caller.isAdmin() || caller.hasRole(Roles.IME_COMMITTEE_MEMBER);
    }

    private boolean isGuardian(Object[] entry) {
        return caller.hasRole(Roles.CITIZEN) && entry[Column.GUARDIAN_CURP] != null
                && caller.isCitizen(((String) entry[Column.GUARDIAN_CURP]).strip());
    }

    private boolean isGuardianOrSubmitter(Object[] entry) {
        return isGuardian(entry) || (caller.subject() != null && caller.auditId().equals(entry[Column.SUBMITTED_BY])
                && caller.hasAnyRole(Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.ADMIN));
    }

    private void audit(UUID entryId, String action, String detail) {
        em.createNativeQuery("INSERT INTO contest_audit (entry_id, actor, action, detail, request_id, at) "
                        + "VALUES (:entry, :actor, :action, :detail, :request, now())")
                .setParameter("entry", entryId).setParameter("actor", caller.auditId()).setParameter("action", action)
                .setParameter("detail", detail).setParameter("request", RequestIds.current()).executeUpdate();
    }

    /** Positions of the columns {@link #select()} reads. */
    private static final class Column {
        static final int ID = 0;
        static final int CONTEST = 1;
        static final int GIVEN_NAMES = 2;
        static final int SURNAMES = 3;
        static final int AGE = 4;
        static final int CATEGORY = 5;
        static final int COUNTRY = 6;
        static final int TITLE = 7;
        static final int GUARDIAN = 8;
        static final int GUARDIAN_CURP = 9;
        static final int PUBLICATION = 10;
        static final int STATUS = 11;
        static final int DISQUALIFICATION = 12;
        static final int PLACEMENT = 13;
        static final int SUBMITTED_BY = 14;
        static final int CREATED = 15;
    }

    private static String select() {
        return "SELECT id, contest_id, child_given_names, child_surnames_enc, child_age, age_category, "
                + "country_of_residence, drawing_title, guardian_enc, guardian_curp, publication_consent, status, "
                + "disqualification, placement, submitted_by, created_at FROM contest_entry";
    }

    private Object[] entry(UUID contestId, UUID entryId) {
        List<?> rows = em.createNativeQuery(select() + " WHERE id = :id AND contest_id = :c").setParameter("id", entryId)
                .setParameter("c", contestId).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Entry");
        }
        return (Object[]) rows.get(0);
    }

    private EntryView view(Object[] r, boolean personal) {
        UUID id = (UUID) r[Column.ID];
        return new EntryView(id, (UUID) r[Column.CONTEST], (String) r[Column.GIVEN_NAMES],
                personal ? cipher.decrypt((String) r[Column.SURNAMES], aad(id, "surnames")) : null,
                ((Number) r[Column.AGE]).intValue(),
                (String) r[Column.CATEGORY], (String) r[Column.COUNTRY], (String) r[Column.TITLE],
                personal ? read(cipher.decrypt((String) r[Column.GUARDIAN], aad(id, "guardian")), Guardian.class) : null,
                (Boolean) r[Column.PUBLICATION], EntryStatus.valueOf((String) r[Column.STATUS]),
                r[Column.DISQUALIFICATION] == null ? null : DisqualificationReason.valueOf((String) r[Column.DISQUALIFICATION]),
                r[Column.PLACEMENT] == null ? null : Placement.valueOf((String) r[Column.PLACEMENT]),
                SqlValues.instant(r[Column.CREATED]));
    }

    private Contest contest(UUID id, boolean lock) {
        List<?> rows = em.createNativeQuery("SELECT id, title, cycle, opens_at, closes_at, rules_text, rules_version, "
                + "age_categories, results_published_at FROM contest WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Contest");
        }
        Object[] r = (Object[]) rows.get(0);
        return new Contest(id, (String) r[1], ((Number) r[2]).intValue(), SqlValues.instant(r[3]),
                SqlValues.instant(r[4]), (String) r[5], (String) r[6],
                read((String) r[7], new TypeReference<List<AgeCategory>>() { }), SqlValues.instant(r[8]));
    }

    private static String aad(UUID entryId, String field) {
        return "contest_entry/" + entryId + "/" + field;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
