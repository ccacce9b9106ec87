package mx.gob.sre.consular.timeline;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import mx.gob.sre.consular.citizen.CitizenService;
import mx.gob.sre.platform.persistence.SqlValues;
import mx.gob.sre.platform.problem.ApiException;

/** Reads the citizen timeline, newest first, a page at a time with an opaque cursor. */
@ApplicationScoped
public class TimelineService {

    @Inject
    EntityManager em;

    @Inject
    CitizenService citizens;

    @Schema(name = "TimelineEntry")
    public record Entry(UUID id, Instant occurredAt, Timeline.Source source,
            @Schema(examples = "appointment.booked") String kind,
            @Schema(examples = "Appointment for PASSPORT at SJC") String title,
            @Schema(description = "Id or folio of the object, to look it up") String reference,
            String status) {
    }

    @Schema(name = "TimelinePage")
    public record Page(List<Entry> entries, @Schema(description = "Pass as cursor for the next page; absent on the "
            + "last page") String nextCursor) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page read(String curp, int limit, String cursor) {
        String own = citizens.visibleCurp(curp);
        OffsetDateTime before = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        long beforeSeq = Long.MAX_VALUE;
        if (cursor != null) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), UTF_8).split("\\|");
                before = Instant.parse(parts[0]).atOffset(ZoneOffset.UTC);
                beforeSeq = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                throw ApiException.invalid("cursor", "is not a cursor this API returned");
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT seq, id, occurred_at, source, kind, title, reference, status FROM timeline_entry
                WHERE curp = :curp AND (occurred_at, seq) < (:before, :seq)
                ORDER BY occurred_at DESC, seq DESC LIMIT :limit""")
                .setParameter("curp", own).setParameter("before", before).setParameter("seq", beforeSeq)
                .setParameter("limit", limit + 1)
                .getResultList();
        List<Entry> entries = new ArrayList<>();
        String next = null;
        for (int i = 0; i < rows.size() && i < limit; i++) {
            Object[] r = rows.get(i);
            Instant at = SqlValues.instant(r[2]);
            entries.add(new Entry((UUID) r[1], at, Timeline.Source.valueOf((String) r[3]), (String) r[4],
                    (String) r[5], (String) r[6], (String) r[7]));
            if (i == limit - 1 && rows.size() > limit) {
                next = Base64.getUrlEncoder().withoutPadding()
                        .encodeToString((at + "|" + ((Number) r[0]).longValue()).getBytes(UTF_8));
            }
        }
        return new Page(entries, next);
    }
}
