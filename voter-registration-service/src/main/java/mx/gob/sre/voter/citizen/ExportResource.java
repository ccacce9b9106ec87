package mx.gob.sre.voter.citizen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.voter.application.ApplicationService;

/** What this service holds on a person, for an ARCO access request. */
@Path("/citizens/{curp}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility")
public class ExportResource {

    @Inject
    EntityManager em;

    @Inject
    ApplicationService applications;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "exportVoterData", summary = "Everything the voter service holds on a person (ARCO access)",
            description = "The citizen, or staff of the consulate that holds their record. 404 otherwise.")
    public Map<String, Object> export(@PathParam("curp") @Pattern(regexp = "[A-Za-z0-9]{18}") String curp) {
        String value = curp.toUpperCase(java.util.Locale.ROOT);
        KnownCitizen known = em.find(KnownCitizen.class, value);
        boolean self = caller.isCitizen(value);
        boolean staff = caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR) && known != null
                && caller.worksAt(known.consulateCode);
        if (!self && !staff) {
            throw ApiException.notFound("Citizen");
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("registeredCitizen", known == null ? null : Map.of("consulate", known.consulateCode,
                "countryOfResidence", known.countryOfResidence, "registeredAt", known.registeredAt));
        export.put("applications", applications.list(value));
        @SuppressWarnings("unchecked")
        List<Object[]> lnere = em.createNativeQuery("SELECT election_id, voting_state, country_of_residence, modality, "
                + "registered_at FROM lnere_registration WHERE curp = :curp").setParameter("curp", value).getResultList();
        export.put("overseasVoterList", lnere.stream().map(r -> Map.of("election", r[0], "votingState",
                String.valueOf(r[1]), "countryOfResidence", r[2], "modality", r[3],
                "registeredAt", mx.gob.sre.platform.persistence.SqlValues.instant(r[4]))).toList());
        return export;
    }
}
