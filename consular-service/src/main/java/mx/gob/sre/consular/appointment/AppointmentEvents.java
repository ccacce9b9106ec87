package mx.gob.sre.consular.appointment;

import java.time.Instant;
import java.util.UUID;

import mx.gob.sre.consular.timeline.Timeline;
import mx.gob.sre.platform.outbox.Outbox;

/** Events of the {@code consular.appointments} topic: ids and times, no personal data. */
public final class AppointmentEvents {

    public static final String TOPIC = "consular.appointments";
    public static final String BOOKED_V1 = "consular.appointment.booked.v1";
    public static final String RESCHEDULED_V1 = "consular.appointment.rescheduled.v1";
    public static final String CANCELLED_V1 = "consular.appointment.cancelled.v1";
    public static final String CHECKED_IN_V1 = "consular.appointment.checked-in.v1";
    public static final String NO_SHOW_V1 = "consular.appointment.no-show.v1";

    private AppointmentEvents() {
    }

    /** Publishes a change of an appointment and adds it to the citizen's timeline, in one transaction. */
    static void publish(Outbox outbox, Timeline timeline, Appointment appointment, String type) {
        AppointmentChangedV1 event = AppointmentChangedV1.of(appointment);
        outbox.publish(TOPIC, appointment.id.toString(), type, event);
        String kind = "appointment." + type.substring("consular.appointment.".length(), type.lastIndexOf(".v"));
        timeline.record(appointment.curp, event.occurredAt(), Timeline.Source.CONSULAR, kind,
                "Appointment for " + appointment.procedureCode + " at " + appointment.consulateCode,
                appointment.id.toString(), appointment.status.name(), null);
    }

    public record AppointmentChangedV1(
            UUID appointmentId,
            UUID citizenId,
            String consulate,
            String service,
            Instant startsAt,
            String status,
            Instant occurredAt) {

        static AppointmentChangedV1 of(Appointment appointment) {
            return new AppointmentChangedV1(appointment.id, appointment.citizenId, appointment.consulateCode,
                    appointment.procedureCode, appointment.startsAt, appointment.status.name(), Instant.now());
        }
    }
}
