package mx.gob.sre.consular.workshop;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import mx.gob.sre.consular.citizen.CitizenRepository;
import mx.gob.sre.consular.consulate.ConsulateRepository;
import mx.gob.sre.consular.timeline.Timeline;
import mx.gob.sre.consular.workshop.WorkshopApi.Attendance;
import mx.gob.sre.consular.workshop.WorkshopApi.CreateWorkshop;
import mx.gob.sre.consular.workshop.WorkshopApi.Register;
import mx.gob.sre.consular.workshop.WorkshopApi.RegistrationView;
import mx.gob.sre.consular.workshop.WorkshopApi.Statistics;
import mx.gob.sre.consular.workshop.WorkshopApi.WorkshopView;
import mx.gob.sre.consular.workshop.WorkshopEvents.RegistrationChangedV1;
import mx.gob.sre.platform.outbox.Outbox;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;

/**
 * Workshops with a capacity and a waitlist. Registrations and cancellations of one workshop are
 * serialized on its row, so seats are never over-given and a cancelled seat goes to the first person on
 * the waitlist at once.
 */
@ApplicationScoped
public class WorkshopService {

    @Inject
    EntityManager em;

    @Inject
    ConsulateRepository consulates;

    @Inject
    CitizenRepository citizens;

    @Inject
    Outbox outbox;

    @Inject
    Timeline timeline;

    @Inject
    Caller caller;

    @Transactional
    public WorkshopView create(CreateWorkshop request) {
        String consulate = caller.consulate().filter(c -> isStaff())
                .orElseThrow(() -> new ApiException(ProblemType.FORBIDDEN, "Only consular staff create workshops"))
                .toUpperCase(Locale.ROOT);
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw ApiException.invalid("endsAt", "must be after startsAt");
        }
        if (request.startsAt().isBefore(Instant.now())) {
            throw ApiException.invalid("startsAt", "must be in the future");
        }
        Workshop workshop = new Workshop();
        workshop.id = UUID.randomUUID();
        workshop.consulateCode = consulates.findByCode(consulate).orElseThrow().code;
        workshop.title = request.title().strip();
        workshop.topic = request.topic();
        workshop.city = request.city().strip();
        workshop.venue = request.venue().strip();
        workshop.language = request.language().strip();
        workshop.startsAt = request.startsAt();
        workshop.endsAt = request.endsAt();
        workshop.capacity = request.capacity();
        workshop.status = Workshop.Status.SCHEDULED;
        workshop.createdBy = caller.auditId();
        workshop.createdAt = Instant.now();
        em.persist(workshop);
        return view(workshop);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WorkshopView> list(String consulate, String city, LocalDate from, LocalDate to) {
        Instant start = (from == null ? LocalDate.now() : from).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = (to == null ? LocalDate.now().plusYears(1) : to.plusDays(1)).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return em.createQuery("FROM Workshop w WHERE w.startsAt >= :start AND w.startsAt < :end "
                        + "AND (:consulate IS NULL OR w.consulateCode = :consulate) "
                        + "AND (:city IS NULL OR lower(w.city) = :city) ORDER BY w.startsAt", Workshop.class)
                .setParameter("start", start).setParameter("end", end)
                .setParameter("consulate", consulate == null ? null : consulate.toUpperCase(Locale.ROOT))
                .setParameter("city", city == null ? null : city.toLowerCase(Locale.ROOT))
                .setMaxResults(500)
                .getResultList().stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkshopView get(UUID id) {
        return view(find(id, false));
    }

    @Transactional
    public RegistrationView register(UUID workshopId, Register request) {
        Workshop workshop = find(workshopId, true);
        if (workshop.status != Workshop.Status.SCHEDULED || !workshop.startsAt.isAfter(Instant.now())) {
            throw ApiException.rule("registration-closed", "The workshop is not open for registration");
        }
        Registration registration = new Registration();
        registration.id = UUID.randomUUID();
        registration.workshopId = workshop.id;
        if (caller.hasRole(Roles.CITIZEN)) {
            registration.curp = caller.curp().orElseThrow(() -> ApiException.invalid("curp", "is missing"));
            if (request.curp() != null && !request.curp().equalsIgnoreCase(registration.curp)) {
                throw new ApiException(ProblemType.FORBIDDEN, "A citizen registers only themself");
            }
        } else if (isStaffOf(workshop.consulateCode)) {
            if (request.curp() == null && (request.guestName() == null || request.guestName().isBlank())) {
                throw ApiException.invalid("curp", "or guestName is required when staff register someone");
            }
            registration.curp = request.curp() == null ? null : request.curp().toUpperCase(Locale.ROOT);
            registration.guestName = request.curp() == null ? request.guestName().strip() : null;
            registration.guestEmail = request.curp() == null ? request.guestEmail() : null;
        } else {
            throw new ApiException(ProblemType.FORBIDDEN, "Only citizens and the consulate's staff register");
        }
        if (registration.curp != null) {
            citizens.findByCurp(registration.curp).ifPresent(citizen -> registration.citizenId = citizen.id);
            Long already = em.createQuery("SELECT count(r) FROM Registration r WHERE r.workshopId = :w "
                    + "AND r.curp = :curp AND r.status <> :cancelled", Long.class)
                    .setParameter("w", workshop.id).setParameter("curp", registration.curp)
                    .setParameter("cancelled", Registration.Status.CANCELLED).getSingleResult();
            if (already > 0) {
                throw ApiException.conflict("This person is already registered for the workshop");
            }
        }
        registration.registeredAt = Instant.now();
        registration.registeredBy = caller.auditId();
        boolean seatFree = count(workshop.id, Registration.Status.CONFIRMED) < workshop.capacity;
        registration.status = seatFree ? Registration.Status.CONFIRMED : Registration.Status.WAITLISTED;
        registration.confirmedAt = seatFree ? registration.registeredAt : null;
        em.persist(registration);
        publish(workshop, registration);
        return view(registration);
    }

    /** Cancels a registration; a freed seat goes to the first person on the waitlist. */
    @Transactional
    public RegistrationView cancel(UUID workshopId, UUID registrationId) {
        Workshop workshop = find(workshopId, true);
        Registration registration = em.find(Registration.class, registrationId);
        if (registration == null || !registration.workshopId.equals(workshop.id)
                || !(isStaffOf(workshop.consulateCode)
                        || (registration.curp != null && caller.isCitizen(registration.curp)))) {
            throw ApiException.notFound("Registration");
        }
        boolean freesSeat = registration.status == Registration.Status.CONFIRMED;
        registration.moveTo(Registration.Status.CANCELLED);
        publish(workshop, registration);
        if (freesSeat) {
            em.createQuery("FROM Registration r WHERE r.workshopId = :w AND r.status = :waitlisted "
                            + "ORDER BY r.registeredAt", Registration.class)
                    .setParameter("w", workshop.id).setParameter("waitlisted", Registration.Status.WAITLISTED)
                    .setMaxResults(1).getResultStream().findFirst().ifPresent(next -> {
                        next.moveTo(Registration.Status.CONFIRMED);
                        publish(workshop, next);
                    });
        }
        return view(registration);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegistrationView> registrations(UUID workshopId) {
        Workshop workshop = find(workshopId, false);
        if (!isStaffOf(workshop.consulateCode)) {
            throw ApiException.notFound("Workshop registrations");
        }
        return em.createQuery("FROM Registration r WHERE r.workshopId = :w ORDER BY r.registeredAt", Registration.class)
                .setParameter("w", workshop.id).getResultList().stream().map(this::view).toList();
    }

    @Transactional
    public List<RegistrationView> recordAttendance(UUID workshopId, Attendance attendance) {
        Workshop workshop = find(workshopId, true);
        if (!isStaffOf(workshop.consulateCode)) {
            throw ApiException.notFound("Workshop");
        }
        for (UUID id : attendance.attended()) {
            Registration registration = em.find(Registration.class, id);
            if (registration == null || !registration.workshopId.equals(workshop.id)) {
                throw ApiException.invalid("attended", "contains a registration of another workshop: " + id);
            }
            if (registration.status != Registration.Status.CONFIRMED) {
                throw ApiException.conflict("Only confirmed registrations can attend: " + id);
            }
            if (!registration.attended) {
                registration.attended = true;
                publish(workshop, registration);
            }
        }
        return registrations(workshopId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Statistics> statistics(String consulate, LocalDate from, LocalDate to) {
        if (!(isStaff() || caller.isAdmin())) {
            throw new ApiException(ProblemType.FORBIDDEN, "Workshop statistics are for staff");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT w.city, to_char(w.starts_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
                       count(DISTINCT w.id), sum(DISTINCT w.capacity),
                       count(r.id) FILTER (WHERE r.status = 'CONFIRMED'),
                       count(r.id) FILTER (WHERE r.status = 'WAITLISTED'),
                       count(r.id) FILTER (WHERE r.attended)
                FROM workshop w LEFT JOIN workshop_registration r ON r.workshop_id = w.id
                WHERE w.starts_at >= :start AND w.starts_at < :end
                  AND (CAST(:consulate AS VARCHAR) IS NULL OR w.consulate_code = :consulate)
                GROUP BY w.city, month ORDER BY month, w.city""")
                .setParameter("start", from.atStartOfDay(ZoneOffset.UTC).toInstant().atOffset(ZoneOffset.UTC))
                .setParameter("end", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().atOffset(ZoneOffset.UTC))
                .setParameter("consulate", consulate == null ? null : consulate.toUpperCase(Locale.ROOT))
                .getResultList();
        return rows.stream().map(r -> new Statistics((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                r[3] == null ? 0 : ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                ((Number) r[5]).longValue(), ((Number) r[6]).longValue())).toList();
    }

    private void publish(Workshop workshop, Registration registration) {
        Instant now = Instant.now();
        outbox.publish(WorkshopEvents.TOPIC, workshop.id.toString(), WorkshopEvents.REGISTRATION_CHANGED_V1,
                new RegistrationChangedV1(workshop.id, registration.id, registration.citizenId, workshop.consulateCode,
                        workshop.city, registration.status.name(), registration.attended, now));
        timeline.record(registration.curp, now, Timeline.Source.CONSULAR, "workshop." + (registration.attended
                ? "attended" : registration.status.name().toLowerCase(Locale.ROOT)),
                "Workshop \"" + workshop.title + "\" in " + workshop.city, workshop.id.toString(),
                registration.attended ? "ATTENDED" : registration.status.name(), null);
    }

    private Workshop find(UUID id, boolean lock) {
        Workshop workshop = em.find(Workshop.class, id, lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        if (workshop == null) {
            throw ApiException.notFound("Workshop");
        }
        return workshop;
    }

    private long count(UUID workshopId, Registration.Status status) {
        return em.createQuery("SELECT count(r) FROM Registration r WHERE r.workshopId = :w AND r.status = :s",
                Long.class).setParameter("w", workshopId).setParameter("s", status).getSingleResult();
    }

    private WorkshopView view(Workshop w) {
        return new WorkshopView(w.id, w.consulateCode, w.title, w.topic, w.city, w.venue, w.language, w.startsAt,
                w.endsAt, w.capacity, count(w.id, Registration.Status.CONFIRMED),
                count(w.id, Registration.Status.WAITLISTED), w.status);
    }

    private RegistrationView view(Registration r) {
        Integer position = null;
        if (r.status == Registration.Status.WAITLISTED) {
            position = em.createQuery("SELECT count(x) FROM Registration x WHERE x.workshopId = :w "
                            + "AND x.status = :waitlisted AND x.registeredAt <= :at", Long.class)
                    .setParameter("w", r.workshopId).setParameter("waitlisted", Registration.Status.WAITLISTED)
                    .setParameter("at", r.registeredAt).getSingleResult().intValue();
        }
        return new RegistrationView(r.id, r.workshopId, r.curp, r.guestName, r.status, position, r.registeredAt,
                r.confirmedAt, r.attended);
    }

    private boolean isStaff() {
        return caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR);
    }

    private boolean isStaffOf(String consulate) {
        return isStaff() && caller.worksAt(consulate);
    }
}
