package mx.gob.sre.voter.citizen;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class KnownCitizenRepository implements PanacheRepositoryBase<KnownCitizen, String> {
}
