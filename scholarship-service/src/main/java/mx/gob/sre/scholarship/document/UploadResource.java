package mx.gob.sre.scholarship.document;

import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.scholarship.contest.ContestApi.EntryView;
import mx.gob.sre.scholarship.contest.Contests;
import mx.gob.sre.scholarship.grant.Awards;
import mx.gob.sre.scholarship.grant.GrantApplications;

/**
 * File uploads, as the raw request body. The gateway gives this path a larger body limit than the rest of
 * the API. Whatever the name or the declared type, the bytes decide: attachments and award papers must be
 * PDF, drawings PNG or JPEG; anything else gets 415, anything past the limit 413.
 */
@Path("/uploads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Uploads")
@APIResponse(responseCode = "413", description = "Larger than scholarship.max-document-bytes (5 MiB by default)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "415", description = "The content is not of an accepted type, whatever its name",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class UploadResource {

    @Inject
    GrantApplications applications;

    @Inject
    Awards awards;

    @Inject
    Contests contests;

    @POST
    @Path("/applications/{id}/attachments")
    @RolesAllowed({Roles.INSTITUTION, Roles.ADMIN})
    @Operation(operationId = "attachToApplication", summary = "Attach a required document (PDF) to an application",
            description = "kind is one of the call's required documents.")
    @RequestBody(content = @Content(mediaType = "application/pdf", schema = @Schema(type =
            org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(schema = @Schema(implementation = Documents.Stored.class)))
    public Response attach(@PathParam("id") UUID id,
            @QueryParam("kind") @NotNull @Size(max = 60) String kind,
            @QueryParam("filename") @Size(max = 200) String filename, InputStream body) {
        Documents.Stored stored = applications.attach(id, kind, filename, body);
        return Response.created(URI.create("applications/" + id)).entity(stored).build();
    }

    @POST
    @Path("/awards/{id}/documents")
    @RolesAllowed({Roles.INSTITUTION, Roles.CONSULATE_SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "attachAwardDocument", summary = "Upload the signed MoU, the bylaws or the receipt (PDF)")
    @RequestBody(content = @Content(mediaType = "application/pdf", schema = @Schema(type =
            org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(schema = @Schema(implementation = Documents.Stored.class)))
    public Response awardDocument(@PathParam("id") UUID id,
            @QueryParam("kind") @NotNull @Pattern(regexp = "MOU|BYLAWS|RECEIPT") String kind,
            @QueryParam("filename") @Size(max = 200) String filename, InputStream body) {
        Documents.Stored stored = awards.attach(id, kind, filename, body);
        return Response.created(URI.create("awards/" + id)).entity(stored).build();
    }

    @PUT
    @Path("/contests/{id}/entries/{entryId}/image")
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.ADMIN})
    @Operation(operationId = "uploadContestDrawing", summary = "Upload the drawing (PNG or JPEG) of an entry",
            description = "By whoever made the entry, while the contest is open; a new upload replaces the drawing. "
                    + "The entry is then SUBMITTED.")
    @RequestBody(content = {
        @Content(mediaType = "image/png", schema = @Schema(type =
                org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
        @Content(mediaType = "image/jpeg", schema = @Schema(type =
                org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "Stored; the entry is SUBMITTED",
            content = @Content(schema = @Schema(implementation = EntryView.class)))
    public EntryView drawing(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId,
            @QueryParam("filename") @Size(max = 200) String filename, InputStream body) {
        return contests.attachImage(id, entryId, filename, body);
    }
}
