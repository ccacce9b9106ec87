package mx.gob.sre.consular.appointment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    public long countActive(UUID citizenId) {
        return count("citizenId = ?1 and status = ?2", citizenId, AppointmentStatus.BOOKED);
    }

    public List<Appointment> forCitizen(String curp, int limit) {
        return find("curp = ?1", Sort.by("startsAt").descending(), curp).page(0, limit).list();
    }

    public List<Appointment> forConsulateBetween(String consulate, Instant from, Instant to) {
        return find("consulateCode = ?1 and startsAt >= ?2 and startsAt < ?3", Sort.by("startsAt"), consulate, from,
                to).list();
    }
}
