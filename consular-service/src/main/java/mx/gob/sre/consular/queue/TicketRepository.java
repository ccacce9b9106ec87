package mx.gob.sre.consular.queue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    public List<Ticket> queue(String consulate, LocalDate day) {
        return find("consulateCode = ?1 and serviceDay = ?2 and status in ?3", Sort.by("checkedInAt"), consulate, day,
                List.of(TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING)).list();
    }
}
