package mx.gob.sre.consular.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import mx.gob.sre.consular.appointment.Appointment;
import mx.gob.sre.consular.appointment.AppointmentService;
import mx.gob.sre.consular.citizen.Citizen;
import mx.gob.sre.consular.citizen.CitizenRepository;
import mx.gob.sre.consular.consulate.ConsulateCalendars;
import mx.gob.sre.consular.procedure.Procedure;
import mx.gob.sre.consular.procedure.ProcedureRepository;
import mx.gob.sre.consular.queue.TicketApi.CallNext;
import mx.gob.sre.consular.queue.TicketApi.CheckIn;
import mx.gob.sre.consular.queue.TicketApi.Complete;
import mx.gob.sre.consular.queue.TicketApi.TicketView;
import mx.gob.sre.consular.timeline.Timeline;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;

/** The one queue of an office: check-in, call, serve, complete; and the procedure each ticket opens. */
@ApplicationScoped
public class TicketService {

    private static final Logger LOG = Logger.getLogger(TicketService.class);

    @Inject
    TicketRepository tickets;

    @Inject
    EntityManager em;

    @Inject
    AppointmentService appointments;

    @Inject
    CitizenRepository citizens;

    @Inject
    ProcedureRepository procedures;

    @Inject
    ConsulateCalendars calendars;

    @Inject
    IdentityVerifications identityVerifications;

    @Inject
    Caller caller;

    @Inject
    Timeline timeline;

    @Transactional
    public TicketView checkIn(String consulateCode, CheckIn request) {
        ConsulateCalendars.Schedule schedule = staffSchedule(consulateCode);
        LocalDate today = LocalDate.now(schedule.zone());
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.consulateCode = schedule.code();
        ticket.serviceDay = today;
        ticket.checkedInAt = Instant.now();
        ticket.status = TicketStatus.WAITING;
        if (request.appointmentId() != null) {
            Appointment appointment = appointments.checkIn(request.appointmentId(), schedule.code(), today);
            ticket.kind = TicketKind.APPOINTMENT;
            ticket.appointmentId = appointment.id;
            ticket.citizenId = appointment.citizenId;
            ticket.curp = appointment.curp;
            ticket.procedureCode = appointment.procedureCode;
        } else {
            if (request.service() == null) {
                throw ApiException.invalid("service", "is required for a walk-in (or give appointmentId)");
            }
            Procedure procedure = procedures.catalogued(request.service())
                    .orElseThrow(() -> ApiException.invalid("service", "is not a procedure of the catalogue"));
            if (!schedule.offers(procedure.code)) {
                throw ApiException.rule("service-not-offered", schedule.code() + " does not offer " + procedure.code);
            }
            ticket.kind = TicketKind.WALK_IN;
            ticket.procedureCode = procedure.code;
            if (request.curp() != null) {
                ticket.curp = request.curp().toUpperCase(Locale.ROOT);
                citizens.findByCurp(ticket.curp).ifPresent(citizen -> ticket.citizenId = citizen.id);
            }
        }
        ticket.number = ticket.kind.number(nextNumber(schedule.code(), today));
        tickets.persist(ticket);
        LOG.infof("Ticket %s (%s) checked in at %s", ticket.number, ticket.kind, ticket.consulateCode);
        return TicketView.of(ticket, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TicketView get(UUID id) {
        Ticket ticket = tickets.findByIdOptional(id)
                .filter(t -> isStaffOf(t.consulateCode) || (t.curp != null && caller.isCitizen(t.curp)))
                .orElseThrow(() -> ApiException.notFound("Ticket"));
        return TicketView.of(ticket, caseIdOf(ticket.id).orElse(null));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TicketView> queue(String consulateCode) {
        ConsulateCalendars.Schedule schedule = staffSchedule(consulateCode);
        return tickets.queue(schedule.code(), LocalDate.now(schedule.zone())).stream()
                .map(t -> TicketView.of(t, null)).toList();
    }

    @Transactional
    public TicketView call(UUID id, String counter) {
        Ticket ticket = staffTicket(id);
        ticket.moveTo(TicketStatus.CALLED);
        if (ticket.calledAt == null) {
            ticket.calledAt = Instant.now();
        }
        ticket.counter = counter;
        return TicketView.of(ticket, null);
    }

    /** Calls the ticket that has waited longest, optionally among some procedures. 404 when none waits. */
    @Transactional
    public TicketView callNext(String consulateCode, CallNext request) {
        ConsulateCalendars.Schedule schedule = staffSchedule(consulateCode);
        List<String> services = request.services() == null || request.services().isEmpty()
                ? List.copyOf(schedule.seatsByProcedure().keySet()) : request.services();
        @SuppressWarnings("unchecked")
        List<Ticket> next = em.createNativeQuery("""
                SELECT * FROM ticket
                WHERE consulate_code = :consulate AND service_day = :day AND status = 'WAITING'
                  AND procedure_code IN (:services)
                ORDER BY checked_in_at LIMIT 1
                FOR UPDATE SKIP LOCKED""", Ticket.class)
                .setParameter("consulate", schedule.code())
                .setParameter("day", LocalDate.now(schedule.zone()))
                .setParameter("services", services)
                .getResultList();
        if (next.isEmpty()) {
            throw ApiException.notFound("A waiting ticket");
        }
        Ticket ticket = next.get(0);
        ticket.moveTo(TicketStatus.CALLED);
        ticket.calledAt = Instant.now();
        ticket.counter = request.counter();
        return TicketView.of(ticket, null);
    }

    @Transactional
    public TicketView serve(UUID id) {
        Ticket ticket = staffTicket(id);
        ticket.moveTo(TicketStatus.SERVING);
        ticket.servingStartedAt = Instant.now();
        ticket.servedBy = caller.auditId();
        return TicketView.of(ticket, null);
    }

    @Transactional
    public TicketView abandon(UUID id) {
        Ticket ticket = staffTicket(id);
        ticket.moveTo(TicketStatus.ABANDONED);
        ticket.completedAt = Instant.now();
        return TicketView.of(ticket, null);
    }

    /**
     * Ends the counter step and opens the procedure's statutory clock. Completing a voter-card procedure
     * as RESOLVED records the identity verification and publishes consular.identity-verified.
     */
    @Transactional
    public TicketView complete(UUID id, Complete request) {
        Ticket ticket = staffTicket(id);
        Procedure procedure = procedures.catalogued(ticket.procedureCode).orElseThrow();
        validateOutcome(request);
        boolean voterCard = "VOTER_CARD".equals(procedure.code) && request.outcome() == Outcome.RESOLVED;
        if (!voterCard && request.identityVerification() != null) {
            throw ApiException.invalid("identityVerification", "only applies to a VOTER_CARD procedure resolved now");
        }
        if (voterCard && request.identityVerification() == null) {
            throw ApiException.invalid("identityVerification",
                    "is required to complete a VOTER_CARD procedure as RESOLVED");
        }
        ticket.moveTo(TicketStatus.COMPLETED);
        Instant now = Instant.now();
        ticket.completedAt = now;
        ticket.outcome = request.outcome();

        ProcedureCase procedureCase = new ProcedureCase();
        procedureCase.id = UUID.randomUUID();
        procedureCase.ticketId = ticket.id;
        procedureCase.consulateCode = ticket.consulateCode;
        procedureCase.procedureCode = procedure.code;
        procedureCase.citizenId = ticket.citizenId;
        procedureCase.curp = ticket.curp;
        procedureCase.openedAt = ticket.servingStartedAt;
        procedureCase.infoRequestDue = procedureCase.openedAt.plus(Duration.ofDays(procedure.maxInfoRequestDays));
        procedureCase.resolutionDue = procedureCase.openedAt.plus(Duration.ofDays(procedure.maxResolutionDays));
        procedureCase.status = ProcedureCase.Status.OPEN;
        switch (request.outcome()) {
            case RESOLVED -> {
                procedureCase.moveTo(ProcedureCase.Status.RESOLVED);
                procedureCase.resolvedAt = now;
            }
            case INFO_REQUESTED -> {
                procedureCase.moveTo(ProcedureCase.Status.WAITING_INFO);
                procedureCase.infoRequestedAt = now;
                procedureCase.missingInformation = request.missingInformation();
            }
            case REFERRED -> {
                procedureCase.moveTo(ProcedureCase.Status.REFERRED);
                procedureCase.referredAt = now;
                procedureCase.referredTo = request.referredTo();
            }
        }
        em.persist(procedureCase);
        timeline.record(ticket.curp, now, Timeline.Source.CONSULAR, "procedure." + request.outcome().name()
                        .toLowerCase(Locale.ROOT).replace('_', '-'),
                "Procedure " + procedure.code + " at " + ticket.consulateCode, procedureCase.id.toString(),
                procedureCase.status.name(), null);
        if (ticket.appointmentId != null) {
            appointments.complete(ticket.appointmentId);
        }
        if (voterCard) {
            Citizen citizen = ticket.citizenId == null ? null : citizens.findById(ticket.citizenId);
            identityVerifications.record(ticket, citizen, request.identityVerification(), zone(ticket.consulateCode));
        }
        return TicketView.of(ticket, procedureCase.id);
    }

    private static void validateOutcome(Complete request) {
        if (request.outcome() == Outcome.INFO_REQUESTED
                && (request.missingInformation() == null || request.missingInformation().isBlank())) {
            throw ApiException.invalid("missingInformation", "is required when information is requested");
        }
        if (request.outcome() == Outcome.REFERRED && (request.referredTo() == null || request.referredTo().isBlank())) {
            throw ApiException.invalid("referredTo", "is required when the procedure is referred");
        }
    }

    private int nextNumber(String consulate, LocalDate day) {
        return ((Number) em.createNativeQuery("""
                INSERT INTO ticket_sequence (consulate_code, service_day, last_number) VALUES (:consulate, :day, 1)
                ON CONFLICT (consulate_code, service_day)
                DO UPDATE SET last_number = ticket_sequence.last_number + 1
                RETURNING last_number""")
                .setParameter("consulate", consulate).setParameter("day", day)
                .getSingleResult()).intValue();
    }

    private Optional<UUID> caseIdOf(UUID ticketId) {
        return em.createQuery("SELECT c.id FROM ProcedureCase c WHERE c.ticketId = :ticket", UUID.class)
                .setParameter("ticket", ticketId).getResultStream().findFirst();
    }

    private Ticket staffTicket(UUID id) {
        Ticket ticket = tickets.findByIdOptional(id).filter(t -> isStaffOf(t.consulateCode))
                .orElseThrow(() -> ApiException.notFound("Ticket"));
        em.lock(ticket, LockModeType.PESSIMISTIC_WRITE);
        return ticket;
    }

    private ConsulateCalendars.Schedule staffSchedule(String consulateCode) {
        ConsulateCalendars.Schedule schedule = calendars.schedule(consulateCode.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ApiException.notFound("Consulate " + consulateCode));
        if (!isStaffOf(schedule.code())) {
            throw new ApiException(ProblemType.FORBIDDEN, "Only the consulate's staff run its queue");
        }
        return schedule;
    }

    private ZoneId zone(String consulate) {
        return calendars.schedule(consulate).orElseThrow().zone();
    }

    private boolean isStaffOf(String consulate) {
        return caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR) && caller.worksAt(consulate);
    }
}
