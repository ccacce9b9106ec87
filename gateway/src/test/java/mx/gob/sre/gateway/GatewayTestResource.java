package mx.gob.sre.gateway;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import mx.gob.sre.testsupport.FreePorts;
import mx.gob.sre.testsupport.SuiteInfrastructure;

/**
 * The gateway under test gets a real PostgreSQL for its clients and keys, an OIDC issuer (a JWKS file),
 * a signing key for internal tokens, and stand-in upstreams: three echo services, one that is down (no
 * listener), one slow route with a one-second response timeout, and one that hangs up on pooled connections.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    static EchoUpstream consular;
    static EchoUpstream voter;
    static EchoUpstream scholarships;
    static HangUpUpstream hangUp;

    @Override
    public Map<String, String> start() {
        consular = new EchoUpstream("consular");
        voter = new EchoUpstream("voter");
        scholarships = new EchoUpstream("scholarships");
        hangUp = new HangUpUpstream();
        SuiteInfrastructure.postgres().createDatabase("gateway", "gateway", "gateway");

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", SuiteInfrastructure.postgres().jdbcUrl("gateway"));
        config.put("quarkus.datasource.username", "gateway");
        config.put("quarkus.datasource.password", "gateway");
        config.put("mp.jwt.verify.publickey.location", TestIdentityProvider.writeJwks().toUri().toString());
        config.put("mp.jwt.verify.issuer", TestIdentityProvider.ISSUER);
        config.put("gateway.internal-token.private-key", TestIdentityProvider.internalPrivateKeyPem());
        config.put("gateway.upstreams.consular.url", consular.url());
        config.put("gateway.upstreams.voter.url", voter.url());
        config.put("gateway.upstreams.scholarships.url", scholarships.url());

        config.put("gateway.upstreams.down.url", "http://127.0.0.1:" + FreePorts.next());
        config.put("gateway.upstreams.down.mount", "/api/down");
        config.put("gateway.upstreams.down.breaker.failure-threshold", "3");
        config.put("gateway.upstreams.down.breaker.open-for", "30s");
        config.put("gateway.routes.down.prefix", "/api/down");
        config.put("gateway.routes.down.upstream", "down");

        config.put("gateway.upstreams.slow.url", consular.url());
        config.put("gateway.upstreams.slow.mount", "/api/slow");
        config.put("gateway.upstreams.slow.response-timeout", "1s");
        config.put("gateway.routes.slow.prefix", "/api/slow");
        config.put("gateway.routes.slow.upstream", "slow");
        config.put("gateway.routes.slow.scope", "consular:read");
        config.put("gateway.upstreams.refused.url", "http://127.0.0.1:" + FreePorts.next());
        config.put("gateway.upstreams.refused.mount", "/api/refused");
        config.put("gateway.upstreams.refused.breaker.failure-threshold", "1000");
        config.put("gateway.routes.refused.prefix", "/api/refused");
        config.put("gateway.routes.refused.upstream", "refused");
        config.put("gateway.upstreams.busy.url", consular.url());
        config.put("gateway.upstreams.busy.mount", "/api/busy");
        config.put("gateway.upstreams.busy.max-connections", "1");
        config.put("gateway.upstreams.busy.pool-wait", "300ms");
        config.put("gateway.upstreams.busy.breaker.failure-threshold", "2");
        config.put("gateway.upstreams.busy.breaker.open-for", "30s");
        config.put("gateway.routes.busy.prefix", "/api/busy");
        config.put("gateway.routes.busy.upstream", "busy");
        config.put("gateway.routes.busy.scope", "consular:read");
        // One connection, so a request after the first takes the pooled connection the upstream closes.
        config.put("gateway.upstreams.hangup.url", hangUp.url());
        config.put("gateway.upstreams.hangup.mount", "/api/hangup");
        config.put("gateway.upstreams.hangup.max-connections", "1");
        config.put("gateway.upstreams.hangup.breaker.failure-threshold", "1000");
        config.put("gateway.routes.hangup.prefix", "/api/hangup");
        config.put("gateway.routes.hangup.upstream", "hangup");
        config.put("gateway.api-keys.refresh-interval", "1s");
        // The persona citizen makes many calls across tests; its own limit is tested on the booking route.
        config.put("gateway.rate-limits.default.per-citizen.capacity", "100000");
        return config;
    }

    @Override
    public void stop() {
        consular.stop();
        voter.stop();
        scholarships.stop();
        hangUp.stop();
    }
}
