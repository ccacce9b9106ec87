package mx.gob.sre.inesim;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The simulator's own controls, for the local stack, the tests and the drills. */
@Path("/control")
@Produces(MediaType.APPLICATION_JSON)
public class ControlResource {

    @Inject
    FailureMode failure;

    @Inject
    IneDesk desk;

    @GET
    @Path("/mode")
    public FailureMode.State mode() {
        return failure.state();
    }

    /** {"mode":"NORMAL|ERROR|SLOW|DOWN","delayMillis":3000} */
    @PUT
    @Path("/mode")
    @Consumes(MediaType.APPLICATION_JSON)
    public FailureMode.State setMode(FailureMode.State state) {
        failure.set(state);
        return failure.state();
    }

    @GET
    @Path("/folios")
    public List<Map<String, Object>> folios() {
        return desk.describe();
    }

    @POST
    @Path("/reset")
    public Map<String, String> reset() {
        desk.reset();
        failure.set(new FailureMode.State(FailureMode.Mode.NORMAL, 0));
        return Map.of("status", "reset");
    }
}
