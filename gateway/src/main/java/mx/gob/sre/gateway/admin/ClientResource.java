package mx.gob.sre.gateway.admin;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import mx.gob.sre.gateway.admin.ClientApi.AuditView;
import mx.gob.sre.gateway.admin.ClientApi.ClientView;
import mx.gob.sre.gateway.admin.ClientApi.CreateClient;
import mx.gob.sre.gateway.admin.ClientApi.CreateKey;
import mx.gob.sre.gateway.admin.ClientApi.IssuedKey;
import mx.gob.sre.gateway.admin.ClientApi.KeyView;
import mx.gob.sre.gateway.admin.ClientApi.UpdateClient;
import mx.gob.sre.platform.security.Roles;

@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Client administration", description = "API clients and their keys; admin only, every change audited")
public class ClientResource {

    static final String CLIENT_ID = "[a-z0-9][a-z0-9-]{2,63}";

    @Inject
    ClientService service;

    @POST
    @Path("/clients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createClient", summary = "Register an API client")
    public Response create(@NotNull @Valid CreateClient request) {
        ClientView client = service.create(request);
        return Response.created(URI.create("/admin/clients/" + client.clientId())).entity(client).build();
    }

    @GET
    @Path("/clients")
    @Operation(operationId = "listClients", summary = "List API clients")
    public List<ClientView> list() {
        return service.list();
    }

    @GET
    @Path("/clients/{clientId}")
    @Operation(operationId = "getClient", summary = "Get an API client")
    public ClientView get(@PathParam("clientId") @Pattern(regexp = CLIENT_ID) String clientId) {
        return service.get(clientId);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/clients/{clientId}")
    @Operation(operationId = "updateClient", summary = "Change a client's name, scopes, limits or status")
    public ClientView update(@PathParam("clientId") @Pattern(regexp = CLIENT_ID) String clientId,
            @NotNull @Valid UpdateClient request) {
        return service.update(clientId, request);
    }

    @POST
    @Path("/clients/{clientId}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueKey", summary = "Issue an API key",
            description = "The plaintext key is returned once. A client holds at most two active keys, so a new "
                    + "key can be rolled out before the old one is revoked.")
    public Response issueKey(@PathParam("clientId") @Pattern(regexp = CLIENT_ID) String clientId,
            @Valid CreateKey request) {
        IssuedKey key = service.issueKey(clientId, request == null ? null : request.expiresAt());
        return Response.created(URI.create("/admin/clients/" + clientId + "/keys/" + key.keyId())).entity(key)
                .build();
    }

    @GET
    @Path("/clients/{clientId}/keys")
    @Operation(operationId = "listKeys", summary = "List a client's keys (never their secrets)")
    public List<KeyView> keys(@PathParam("clientId") @Pattern(regexp = CLIENT_ID) String clientId) {
        return service.listKeys(clientId);
    }

    @POST
    @Path("/clients/{clientId}/keys/{keyId}/revoke")
    @Operation(operationId = "revokeKey", summary = "Revoke an API key at once")
    public KeyView revoke(@PathParam("clientId") @Pattern(regexp = CLIENT_ID) String clientId,
            @PathParam("keyId") @Pattern(regexp = "[a-z0-9]{16}") String keyId) {
        return service.revokeKey(clientId, keyId);
    }

    @GET
    @Path("/audit")
    @Operation(operationId = "listAudit", summary = "The audit trail of administrative actions, newest first")
    public List<AuditView> audit(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("before") @Min(1) Long before) {
        return service.audit(limit, before);
    }
}
