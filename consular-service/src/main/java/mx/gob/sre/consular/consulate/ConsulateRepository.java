package mx.gob.sre.consular.consulate;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ConsulateRepository implements PanacheRepositoryBase<Consulate, String> {

    public Optional<Consulate> findByCode(String code) {
        return code == null ? Optional.empty() : findByIdOptional(code.toUpperCase(java.util.Locale.ROOT));
    }

    public List<Consulate> listByCode() {
        return listAll(Sort.by("code"));
    }
}
