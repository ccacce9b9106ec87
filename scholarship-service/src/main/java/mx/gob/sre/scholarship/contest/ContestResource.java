package mx.gob.sre.scholarship.contest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.scholarship.contest.ContestApi.ContestView;
import mx.gob.sre.scholarship.contest.ContestApi.CreateContest;
import mx.gob.sre.scholarship.contest.ContestApi.CreateEntry;
import mx.gob.sre.scholarship.contest.ContestApi.Disqualify;
import mx.gob.sre.scholarship.contest.ContestApi.EntryStatus;
import mx.gob.sre.scholarship.contest.ContestApi.EntryView;
import mx.gob.sre.scholarship.contest.ContestApi.GalleryItem;
import mx.gob.sre.scholarship.contest.ContestApi.Results;
import mx.gob.sre.scholarship.contest.ContestApi.ResultsView;

@Path("/contests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Drawing contest")
public class ContestResource {

    @Inject
    Contests contests;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createContest", summary = "Create a contest \"Este es mi México\"",
            description = "By IME: the window, the rules text and its version, and age categories within 6 to 14 "
                    + "that do not overlap.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ContestView.class)))
    public Response create(@NotNull @Valid CreateContest request) {
        ContestView contest = contests.create(request);
        return Response.created(URI.create("contests/" + contest.id())).entity(contest).build();
    }

    @GET
    @Authenticated
    @Operation(operationId = "listContests", summary = "Contests, newest first")
    public List<ContestView> list() {
        return contests.list();
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getContest", summary = "Read a contest and its rules")
    public ContestView get(@PathParam("id") UUID id) {
        return contests.get(id);
    }

    @POST
    @Path("/{id}/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.ADMIN})
    @Operation(operationId = "enterContest", summary = "Enter a child's drawing",
            description = "By the guardian in the app (their CURP comes from their sign-in) or at a consulate's "
                    + "counter. The child is 6 to 14 on the day the contest closes and falls in one of its age "
                    + "categories; the guardian consents to the current rules and the transfer of the drawing's rights "
                    + "to IME. The entry then awaits its drawing, uploaded to "
                    + "/uploads/contests/{id}/entries/{entryId}/image.")
    @APIResponse(responseCode = "201", description = "Entered, awaiting the drawing",
            content = @Content(schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "422", description = "Rules failed, each named in errors[]: contest-open, age, "
            + "age-category, guardian-consent, rights-transfer, rules-version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response enter(@PathParam("id") UUID id, @NotNull @Valid CreateEntry request) {
        EntryView entry = contests.enter(id, request);
        return Response.created(URI.create("contests/" + id + "/entries/" + entry.id())).entity(entry).build();
    }

    @GET
    @Path("/{id}/entries")
    @RolesAllowed({Roles.IME_COMMITTEE_MEMBER, Roles.ADMIN})
    @Operation(operationId = "listContestEntries", summary = "The entries, for the judges",
            description = "Given names, age, category, country and title only: no surname, no guardian.")
    public List<EntryView> entries(@PathParam("id") UUID id, @QueryParam("status") EntryStatus status) {
        return contests.entries(id, status);
    }

    @GET
    @Path("/entries/mine")
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER})
    @Operation(operationId = "listMyContestEntries", summary = "The entries the caller made or is the guardian of")
    public List<EntryView> mine() {
        return contests.mine();
    }

    @GET
    @Path("/{id}/entries/{entryId}")
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.IME_COMMITTEE_MEMBER, Roles.ADMIN})
    @Operation(operationId = "getContestEntry", summary = "Read an entry",
            description = "The guardian, whoever entered it, and IME see it whole (a read by staff is audited); judges "
                    + "see it without the child's surname and the guardian; anyone else gets 404.")
    public EntryView entry(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId) {
        return contests.entryView(id, entryId);
    }

    @GET
    @Path("/{id}/entries/{entryId}/image")
    @Produces({"image/png", "image/jpeg"})
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.IME_COMMITTEE_MEMBER, Roles.ADMIN})
    @Operation(operationId = "getContestEntryImage", summary = "The drawing, for its guardian, IME and the judges")
    public Response image(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId) {
        return imageResponse(contests.image(id, entryId, false));
    }

    @POST
    @Path("/{id}/entries/{entryId}/disqualification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.IME_COMMITTEE_MEMBER, Roles.ADMIN})
    @Operation(operationId = "disqualifyContestEntry", summary = "A judge excludes an entry",
            description = "Traced, adult-assisted or otherwise ineligible, with a note; recorded in the contest audit "
                    + "with the judge and the time. Not after the results are published.")
    public EntryView disqualify(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId,
            @NotNull @Valid Disqualify request) {
        return contests.disqualify(id, entryId, request.reason(), request.note());
    }

    @POST
    @Path("/{id}/results")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "publishContestResults", summary = "Publish the winners and honourable mentions",
            description = "Once the contest has closed, once: 12 winners and 50 honourable mentions among the entries "
                    + "with a drawing that were not disqualified (as many as there are, when fewer), every age category "
                    + "with entries having a winner. Each placed entry whose guardian gave a CURP is published as "
                    + "scholarship.contest.entry-awarded.v1 for the family's timeline.")
    @APIResponse(responseCode = "201", description = "Published",
            content = @Content(schema = @Schema(implementation = ResultsView.class)))
    @APIResponse(responseCode = "409", description = "Already published",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The selection breaks a rule (counts, eligibility, categories), "
            + "or the contest has not closed (rule contest-closed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@PathParam("id") UUID id, @NotNull @Valid Results request) {
        return Response.created(URI.create("contests/" + id + "/results")).entity(contests.publish(id, request))
                .build();
    }

    @GET
    @Path("/{id}/results")
    @Authenticated
    @Operation(operationId = "getContestResults", summary = "The published results, with given names only")
    public ResultsView results(@PathParam("id") UUID id) {
        return contests.results(id);
    }

    @GET
    @Path("/{id}/gallery")
    @Authenticated
    @Operation(operationId = "getContestGallery", summary = "The public gallery",
            description = "Only winners whose guardian consented to publication; never the child's surname or address.")
    public List<GalleryItem> gallery(@PathParam("id") UUID id) {
        return contests.gallery(id);
    }

    @GET
    @Path("/{id}/gallery/{entryId}/image")
    @Produces({"image/png", "image/jpeg"})
    @Authenticated
    @Operation(operationId = "getGalleryImage", summary = "A gallery drawing")
    public Response galleryImage(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId) {
        return imageResponse(contests.image(id, entryId, true));
    }

    private static Response imageResponse(Object[] image) {
        return Response.ok(image[0], (String) image[1]).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=300").build();
    }
}
