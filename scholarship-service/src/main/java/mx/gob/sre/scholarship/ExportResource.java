package mx.gob.sre.scholarship;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import mx.gob.sre.scholarship.contest.Contests;

/**
 * What this service holds on a person, for an ARCO access request: the institution contacts registered
 * with their CURP, and the contest entries they are the guardian of. Students are never identified here.
 */
@Path("/citizens/{curp}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data protection")
public class ExportResource {

    @Inject
    EntityManager em;

    @Inject
    Contests contests;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.ADMIN})
    @Transactional
    @Operation(operationId = "exportScholarshipData", summary = "Everything the scholarship service holds on a person "
            + "(ARCO access)",
            description = "The citizen themself (the consular ARCO export calls it with their token), or IME; 404 for "
                    + "anyone else. Reads of a child's data by IME are written to the contest audit.")
    public Map<String, Object> export(@PathParam("curp") @Pattern(regexp = "[A-Za-z0-9]{18}") String curp) {
        String value = curp.toUpperCase(Locale.ROOT);
        if (!(caller.isCitizen(value) || caller.isAdmin())) {
            throw ApiException.notFound("Citizen");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> contacts = em.createNativeQuery("""
                SELECT i.legal_name, i.consulate_code, c.name, c.role, c.email, c.phone
                FROM institution_contact c JOIN institution i ON i.id = c.institution_id
                WHERE c.curp = :curp ORDER BY i.legal_name""").setParameter("curp", value).getResultList();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("institutionContacts", contacts.stream().map(r -> {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("institution", r[0]);
            contact.put("consulate", r[1]);
            contact.put("name", r[2]);
            contact.put("role", r[3]);
            contact.put("email", r[4]);
            contact.put("phone", r[5]);
            return contact;
        }).toList());
        export.put("contestEntries", contests.exportFor(value));
        return export;
    }
}
