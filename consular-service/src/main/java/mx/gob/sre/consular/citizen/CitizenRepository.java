package mx.gob.sre.consular.citizen;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CitizenRepository implements PanacheRepositoryBase<Citizen, UUID> {

    public Optional<Citizen> findByCurp(String curp) {
        return find("curp", curp).firstResultOptional();
    }
}
