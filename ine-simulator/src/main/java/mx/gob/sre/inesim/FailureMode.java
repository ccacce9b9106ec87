package mx.gob.sre.inesim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * How INE misbehaves, set over the simulator's control API: answer 503, answer slowly, or be down (the
 * connection is closed without an answer). The control API itself always works.
 */
@ApplicationScoped
public class FailureMode {

    public enum Mode {
        NORMAL, ERROR, SLOW, DOWN
    }

    public record State(Mode mode, long delayMillis) {
    }

    private volatile State state = new State(Mode.NORMAL, 0);

    @Inject
    Vertx vertx;

    public State state() {
        return state;
    }

    public void set(State next) {
        state = next;
    }

    void install(@Observes Router router) {
        router.route("/submissions*").order(-100).handler(context -> {
            State current = state;
            switch (current.mode()) {
                case DOWN -> context.request().connection().close();
                case ERROR -> context.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json")
                        .end("{\"title\":\"INE is unavailable\",\"status\":503}");
                case SLOW -> vertx.setTimer(Math.max(1, current.delayMillis()), id -> context.next());
                case NORMAL -> context.next();
            }
        });
    }
}
