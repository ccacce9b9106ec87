package mx.gob.sre.scholarship.call;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import mx.gob.sre.platform.idempotency.Idempotency;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.scholarship.call.CallApi.CallView;
import mx.gob.sre.scholarship.call.CallApi.Committee;
import mx.gob.sre.scholarship.call.CallApi.CreateCall;
import mx.gob.sre.scholarship.call.CallApi.Status;
import mx.gob.sre.scholarship.grant.Awards;
import mx.gob.sre.scholarship.grant.Evaluation;
import mx.gob.sre.scholarship.grant.GrantApi.ApplicationView;
import mx.gob.sre.scholarship.grant.GrantApi.Apply;
import mx.gob.sre.scholarship.grant.GrantApi.Conflict;
import mx.gob.sre.scholarship.grant.GrantApi.Ranking;
import mx.gob.sre.scholarship.grant.GrantApi.Round;
import mx.gob.sre.scholarship.grant.GrantApplications;

@Path("/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calls")
public class CallResource {

    @Inject
    CallService calls;

    @Inject
    GrantApplications applications;

    @Inject
    Evaluation evaluation;

    @Inject
    Awards awards;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONSULATE_SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "createCall", summary = "Open a consulate's call for a cycle",
            description = "One per consulate per cycle. The window is given in the consulate's local time.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "409", description = "The consulate already has a call for the cycle",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid CreateCall request) {
        CallView call = calls.create(request);
        return Response.created(URI.create("calls/" + call.id())).entity(call).build();
    }

    @GET
    @Authenticated
    @Operation(operationId = "listCalls", summary = "Calls by consulate and status")
    public List<CallView> list(@QueryParam("consulate") @Pattern(regexp = "[A-Za-z]{3,8}") String consulate,
            @QueryParam("status") Status status) {
        return calls.list(consulate, status);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getCall", summary = "Read a call")
    public CallView get(@PathParam("id") UUID id) {
        return calls.view(id);
    }

    @PUT
    @Path("/{id}/committee")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONSULATE_SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "setCommittee", summary = "Name the call's local committee of three")
    public CallView committee(@PathParam("id") UUID id, @NotNull @Valid Committee request) {
        return calls.setCommittee(id, request.members());
    }

    @POST
    @Path("/{id}/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSTITUTION, Roles.ADMIN})
    @Tag(name = "Applications and evaluation")
    @Operation(operationId = "applyToCall", summary = "Apply to an open call",
            description = "By a verified institution of the call's consulate, while the call is open, once per "
                    + "category. Attachments (PDF) go to /uploads/applications/{id}/attachments.")
    @APIResponse(responseCode = "201", description = "Submitted",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "The institution already applied in this category",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rules failed, each named in errors[]: call-open, "
            + "institution-verified, jurisdiction, low-income-share (at least 80%), category-cap, amounts-consistent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response apply(@PathParam("id") UUID callId, @NotNull @Valid Apply request) {
        ApplicationView application = applications.apply(callId, request);
        return Response.created(URI.create("applications/" + application.id())).entity(application).build();
    }

    @GET
    @Path("/{id}/applications")
    @RolesAllowed({Roles.INSTITUTION, Roles.ADMIN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR,
        Roles.IME_COMMITTEE_MEMBER})
    @Tag(name = "Applications and evaluation")
    @Operation(operationId = "listCallApplications", summary = "Applications to a call the caller may see",
            description = "An institution sees its own; the consulate's staff and committee, and IME, see all.")
    public List<ApplicationView> list(@PathParam("id") UUID callId) {
        return applications.forCall(callId);
    }

    @POST
    @Path("/{id}/conflicts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IME_COMMITTEE_MEMBER)
    @Tag(name = "Applications and evaluation")
    @Operation(operationId = "declareConflictOfInterest", summary = "A committee member declares a conflict of "
            + "interest with an institution",
            description = "From then on the member cannot score the institution's applications, and any score they "
                    + "gave it is withdrawn. The application then needs the other members' scores only.")
    @APIResponse(responseCode = "204", description = "Declared")
    public void conflict(@PathParam("id") UUID callId, @NotNull @Valid Conflict request) {
        evaluation.declareConflict(callId, request.institutionId(), request.reason());
    }

    @GET
    @Path("/{id}/ranking")
    @RolesAllowed({Roles.IME_COMMITTEE_MEMBER, Roles.CONSULATE_SUPERVISOR, Roles.ADMIN})
    @Tag(name = "Applications and evaluation")
    @Operation(operationId = "getRanking", summary = "The call's ranking",
            description = "By average weighted score. Ties go to the higher share for low-income students, then the "
                    + "larger ratio of matching funds to the request, then the earlier submission. An application's "
                    + "average stays hidden until every eligible member (the committee minus those with a conflict) "
                    + "has scored it; unscored applications rank last.")
    public Ranking ranking(@PathParam("id") UUID callId) {
        return evaluation.ranking(callId);
    }

    @POST
    @Path("/{id}/award-rounds")
    @RolesAllowed({Roles.CONSULATE_SUPERVISOR, Roles.ADMIN})
    @Tag(name = "Awards and disbursements")
    @Operation(operationId = "runAwardRound", summary = "Award down the ranking within the caps and the IME budget",
            description = "Once the call has closed and every application is scored. Each application not yet funded, "
                    + "in ranking order, gets what it asked for if that fits both what is left of its category's cap "
                    + "and of the IME-wide budget of the cycle. Otherwise it gets a partial award of as many whole "
                    + "students (at its amount per student) as fit, if that is at least 50% of its request "
                    + "(scholarship.min-partial-award-pct); otherwise it goes to the waitlist, in ranking order. A "
                    + "later round takes the waitlist again. Rounds running at the same moment, for one call or for "
                    + "many consulates, never overspend: they serialize on the call and on the cycle's budget.")
    @APIResponse(responseCode = "200", description = "What this round awarded, and the waitlist",
            content = @Content(schema = @Schema(implementation = Round.class)))
    @APIResponse(responseCode = "422", description = "A rule refused it (rule: call-closed, ranking-complete, "
            + "cycle-budget), or the Idempotency-Key was reused with another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response round(@PathParam("id") UUID callId,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe; remembered 24 h")
            String idempotencyKey) {
        return awards.round(callId, idempotencyKey).respond(Response.ok());
    }
}
