package mx.gob.sre.consular.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import mx.gob.sre.consular.appointment.AppointmentApi.AppointmentView;
import mx.gob.sre.consular.appointment.AppointmentApi.Availability;
import mx.gob.sre.consular.appointment.AppointmentApi.BookAppointment;
import mx.gob.sre.consular.appointment.AppointmentApi.SlotView;
import mx.gob.sre.consular.citizen.Citizen;
import mx.gob.sre.consular.citizen.CitizenRepository;
import mx.gob.sre.consular.consulate.ConsulateCalendars;
import mx.gob.sre.consular.procedure.Procedure;
import mx.gob.sre.consular.procedure.ProcedureRepository;
import mx.gob.sre.consular.timeline.Timeline;
import mx.gob.sre.platform.idempotency.Idempotency;
import mx.gob.sre.platform.outbox.Outbox;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;

/** Availability, booking, cancelling and rescheduling of appointments. */
@ApplicationScoped
public class AppointmentService {

    private static final Logger LOG = Logger.getLogger(AppointmentService.class);

    @Inject
    AppointmentRepository appointments;

    @Inject
    CitizenRepository citizens;

    @Inject
    ProcedureRepository procedures;

    @Inject
    ConsulateCalendars calendars;

    @Inject
    SlotSeats seats;

    @Inject
    AppointmentRules rules;

    @Inject
    Idempotency idempotency;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    Timeline timeline;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Availability availability(String consulate, String service, LocalDate from, LocalDate to) {
        ConsulateCalendars.Schedule schedule = schedule(consulate);
        Procedure procedure = offered(schedule, service);
        LocalDate today = LocalDate.now(schedule.zone());
        LocalDate start = from == null ? today : from;
        LocalDate end = to == null ? start.plusDays(13) : to;
        if (end.isBefore(start)) {
            throw ApiException.invalid("to", "must not be before from");
        }
        if (start.plusDays(rules.maxAvailabilityDays() - 1L).isBefore(end)) {
            throw ApiException.invalid("to", "must be at most " + rules.maxAvailabilityDays() + " days after from");
        }
        List<SlotCalendar.Slot> slots = calendar(schedule, procedure).slots(start, end);
        int capacity = schedule.seatsByProcedure().get(procedure.code);
        Instant earliest = Instant.now().plus(rules.minimumLeadTime());
        Instant latest = Instant.now().plus(rules.bookingHorizon());
        Map<Instant, Integer> taken = slots.isEmpty() ? Map.of()
                : seats.taken(schedule.code(), procedure.code, slots.get(0).start(),
                        slots.get(slots.size() - 1).end());
        List<SlotView> views = new ArrayList<>();
        for (SlotCalendar.Slot slot : slots) {
            if (slot.start().isBefore(earliest) || slot.start().isAfter(latest)) {
                continue;
            }
            int remaining = Math.max(0, capacity - taken.getOrDefault(slot.start(), 0));
            views.add(new SlotView(slot.start(), slot.end(), slot.localStart(), capacity, remaining));
        }
        return new Availability(schedule.code(), procedure.code, schedule.zone().getId(), start, end, views);
    }

    /** Books a seat; with an Idempotency-Key, a repeat returns the first booking. */
    @Transactional
    public Idempotency.Outcome<AppointmentView> book(BookAppointment request, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "book-appointment", request, AppointmentView.class,
                () -> doBook(request));
    }

    private AppointmentView doBook(BookAppointment request) {
        String curp = bookingFor(request);
        ConsulateCalendars.Schedule schedule = schedule(request.consulate());
        Procedure procedure = offered(schedule, request.service());
        SlotCalendar.Slot slot = bookableSlot(schedule, procedure, request.startsAt());

        // The seat first: when the slot is full (most requests in a rush for new slots) the answer costs
        // one statement. A refusal below rolls the seat back with the transaction.
        if (!seats.take(schedule.code(), procedure.code, slot.start(), schedule.seatsByProcedure().get(procedure.code))) {
            throw slotFull();
        }
        Citizen citizen = citizens.find("curp", curp).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ApiException.rule("citizen-not-registered",
                        "The citizen must be registered with a consulate before booking"));
        if (appointments.countActive(citizen.id) >= rules.maxActivePerCitizen()) {
            throw ApiException.rule("active-appointment-cap", "A citizen may hold at most "
                    + rules.maxActivePerCitizen() + " active appointments");
        }
        Instant now = Instant.now();
        Appointment appointment = new Appointment();
        appointment.id = UUID.randomUUID();
        appointment.citizenId = citizen.id;
        appointment.curp = citizen.curp;
        appointment.consulateCode = schedule.code();
        appointment.procedureCode = procedure.code;
        appointment.startsAt = slot.start();
        appointment.endsAt = slot.end();
        appointment.status = AppointmentStatus.BOOKED;
        appointment.channel = channelOf(request);
        appointment.bookedBy = caller.auditId();
        appointment.createdAt = now;
        appointment.updatedAt = now;
        appointments.persist(appointment);
        publish(appointment, AppointmentEvents.BOOKED_V1);
        LOG.infof("Appointment %s booked at %s for %s", appointment.id, appointment.consulateCode,
                appointment.procedureCode);
        return AppointmentView.of(appointment, schedule.zone());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AppointmentView get(UUID id) {
        Appointment appointment = visible(id);
        return AppointmentView.of(appointment, zoneOf(appointment.consulateCode));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AppointmentView> forCitizen(String curpParameter, int limit) {
        String curp;
        if (caller.hasRole(Roles.CITIZEN)) {
            curp = caller.curp().orElseThrow(() -> ApiException.notFound("Citizen"));
            if (curpParameter != null && !curpParameter.equalsIgnoreCase(curp)) {
                return List.of();
            }
        } else if (curpParameter == null) {
            throw ApiException.invalid("curp", "is required for staff");
        } else {
            curp = curpParameter.toUpperCase(Locale.ROOT);
        }
        return appointments.forCitizen(curp, limit).stream()
                .filter(this::mayAccess)
                .map(a -> AppointmentView.of(a, zoneOf(a.consulateCode))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AppointmentView> agenda(String consulate, LocalDate day) {
        ConsulateCalendars.Schedule schedule = schedule(consulate);
        if (!isStaffOf(schedule.code())) {
            throw ApiException.notFound("Consulate agenda");
        }
        Instant from = day.atStartOfDay(schedule.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(schedule.zone()).toInstant();
        return appointments.forConsulateBetween(schedule.code(), from, to).stream()
                .map(a -> AppointmentView.of(a, schedule.zone())).toList();
    }

    @Transactional
    public AppointmentView cancel(UUID id) {
        Appointment appointment = visible(id);
        appointments.getEntityManager().lock(appointment, LockModeType.PESSIMISTIC_WRITE);
        appointment.moveTo(AppointmentStatus.CANCELLED);
        seats.release(appointment.consulateCode, appointment.procedureCode, appointment.startsAt);
        publish(appointment, AppointmentEvents.CANCELLED_V1);
        return AppointmentView.of(appointment, zoneOf(appointment.consulateCode));
    }

    /** Moves to another slot atomically: if the new slot is full, the old seat is kept. */
    @Transactional
    public AppointmentView reschedule(UUID id, Instant newStart) {
        Appointment appointment = visible(id);
        appointments.getEntityManager().lock(appointment, LockModeType.PESSIMISTIC_WRITE);
        if (appointment.status != AppointmentStatus.BOOKED) {
            throw ApiException.conflict("Only a BOOKED appointment can be rescheduled").with("status",
                    appointment.status.name());
        }
        ConsulateCalendars.Schedule schedule = schedule(appointment.consulateCode);
        Procedure procedure = offered(schedule, appointment.procedureCode);
        SlotCalendar.Slot slot = bookableSlot(schedule, procedure, newStart);
        if (slot.start().equals(appointment.startsAt)) {
            return AppointmentView.of(appointment, schedule.zone());
        }
        int capacity = schedule.seatsByProcedure().get(procedure.code);
        // Touch the two slot rows in start order, so two opposite moves cannot deadlock.
        if (appointment.startsAt.isBefore(slot.start())) {
            seats.release(appointment.consulateCode, procedure.code, appointment.startsAt);
            if (!seats.take(schedule.code(), procedure.code, slot.start(), capacity)) {
                throw slotFull();
            }
        } else {
            if (!seats.take(schedule.code(), procedure.code, slot.start(), capacity)) {
                throw slotFull();
            }
            seats.release(appointment.consulateCode, procedure.code, appointment.startsAt);
        }
        appointment.startsAt = slot.start();
        appointment.endsAt = slot.end();
        appointment.updatedAt = Instant.now();
        publish(appointment, AppointmentEvents.RESCHEDULED_V1);
        return AppointmentView.of(appointment, schedule.zone());
    }

    /**
     * Checks in a BOOKED appointment of this consulate for today (local date) and returns it; the
     * queue calls this when the citizen arrives. 404 for an appointment of another office.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Appointment checkIn(UUID id, String consulate, LocalDate today) {
        Appointment appointment = appointments.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(a -> a.consulateCode.equals(consulate))
                .orElseThrow(() -> ApiException.notFound("Appointment"));
        if (!LocalDate.ofInstant(appointment.startsAt, zoneOf(consulate)).equals(today)) {
            throw ApiException.rule("appointment-not-today", "The appointment is for another day");
        }
        appointment.moveTo(AppointmentStatus.CHECKED_IN);
        publish(appointment, AppointmentEvents.CHECKED_IN_V1);
        return appointment;
    }

    /** Closes a checked-in appointment when its ticket is completed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(UUID id) {
        appointments.findByIdOptional(id).ifPresent(appointment -> appointment.moveTo(AppointmentStatus.COMPLETED));
    }

    private String bookingFor(BookAppointment request) {
        if (caller.hasRole(Roles.CITIZEN)) {
            String own = caller.curp().orElseThrow(() ->
                    new ApiException(ProblemType.FORBIDDEN, "The citizen token carries no CURP"));
            if (request.curp() != null && !request.curp().equalsIgnoreCase(own)) {
                throw new ApiException(ProblemType.FORBIDDEN, "A citizen books only for themself");
            }
            return own;
        }
        if (caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR)
                && caller.worksAt(request.consulate())) {
            if (request.curp() == null) {
                throw ApiException.invalid("curp", "is required when staff book for a citizen");
            }
            return request.curp().toUpperCase(Locale.ROOT);
        }
        throw new ApiException(ProblemType.FORBIDDEN, "Only citizens and the consulate's staff book appointments");
    }

    private Channel channelOf(BookAppointment request) {
        if (caller.hasRole(Roles.CITIZEN)) {
            return caller.clientId().filter("mobile-backend"::equals).isPresent() ? Channel.APP : Channel.WEB;
        }
        return request.channel() == null ? Channel.PHONE : request.channel();
    }

    private SlotCalendar.Slot bookableSlot(ConsulateCalendars.Schedule schedule, Procedure procedure, Instant start) {
        SlotCalendar.Slot slot = calendar(schedule, procedure).slotAt(start).orElseThrow(() ->
                ApiException.invalid("startsAt", "is not the start of a " + procedure.code + " slot at "
                        + schedule.code()));
        Instant now = Instant.now();
        if (slot.start().isBefore(now.plus(rules.minimumLeadTime()))) {
            throw ApiException.rule("slot-too-soon", "The slot starts too soon or has passed");
        }
        if (slot.start().isAfter(now.plus(rules.bookingHorizon()))) {
            throw ApiException.rule("slot-too-far", "Slots can be booked at most "
                    + rules.bookingHorizon().toDays() + " days ahead");
        }
        return slot;
    }

    private SlotCalendar calendar(ConsulateCalendars.Schedule schedule, Procedure procedure) {
        return new SlotCalendar(schedule.zone(), schedule.hours(), schedule.holidays(), procedure.slotLength());
    }

    private ConsulateCalendars.Schedule schedule(String consulate) {
        return calendars.schedule(consulate.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ApiException.notFound("Consulate " + consulate));
    }

    private Procedure offered(ConsulateCalendars.Schedule schedule, String service) {
        Procedure procedure = procedures.catalogued(service)
                .orElseThrow(() -> ApiException.invalid("service", "is not a procedure of the catalogue"));
        if (!schedule.offers(procedure.code)) {
            throw ApiException.rule("service-not-offered", schedule.code() + " does not offer " + procedure.code);
        }
        return procedure;
    }

    private ZoneId zoneOf(String consulate) {
        return schedule(consulate).zone();
    }

    /** The appointment if the caller may see it: its citizen, or staff of its consulate. 404 otherwise. */
    Appointment visible(UUID id) {
        return appointments.findByIdOptional(id).filter(this::mayAccess)
                .orElseThrow(() -> ApiException.notFound("Appointment"));
    }

    private boolean mayAccess(Appointment appointment) {
        return caller.isCitizen(appointment.curp) || isStaffOf(appointment.consulateCode);
    }

    private boolean isStaffOf(String consulate) {
        return caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR) && caller.worksAt(consulate);
    }

    private void publish(Appointment appointment, String type) {
        AppointmentEvents.publish(outbox, timeline, appointment, type);
    }

    private static ApiException slotFull() {
        return ApiException.conflict("The slot is full; pick another from the availability").with("rule", "slot-full");
    }
}
