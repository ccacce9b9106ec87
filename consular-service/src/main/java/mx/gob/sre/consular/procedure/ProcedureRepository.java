package mx.gob.sre.consular.procedure;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProcedureRepository implements PanacheRepositoryBase<Procedure, String> {
}
