package mx.gob.sre.consular.consulate;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

@Path("/consulates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consulates")
@Authenticated
public class ConsulateResource {

    @Inject
    ConsulateService service;

    @GET
    @Operation(operationId = "listConsulates", summary = "List the consulates of the network")
    public List<ConsulateView> list() {
        return service.list();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getConsulate", summary = "Get one consulate by its code")
    public ConsulateView get(@PathParam("code") @Pattern(regexp = "[A-Za-z]{3,8}") String code) {
        return service.get(code);
    }
}
