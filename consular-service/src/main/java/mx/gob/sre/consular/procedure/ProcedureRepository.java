package mx.gob.sre.consular.procedure;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.cache.CacheResult;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProcedureRepository implements PanacheRepositoryBase<Procedure, String> {

    /**
     * A procedure of the catalogue by code. The catalogue changes only by migration and every booking and
     * ticket reads it (the read was a tenth of a booking's CPU), so lookups are cached; the entity handed
     * out is detached and read-only.
     */
    @CacheResult(cacheName = "procedures")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Procedure> catalogued(String code) {
        return findByIdOptional(code);
    }
}
