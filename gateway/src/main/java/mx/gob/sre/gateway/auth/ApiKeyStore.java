package mx.gob.sre.gateway.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The API keys every request is checked against, held in memory so the hot path never waits for the
 * database. Each replica reloads them every {@code gateway.api-keys.refresh-interval}, so a revocation
 * made on one replica reaches all of them within that interval (at once on the replica that made it).
 */
@ApplicationScoped
public class ApiKeyStore {

    private static final Logger LOG = Logger.getLogger(ApiKeyStore.class);

    record StoredKey(String keyId, byte[] secretHash, Instant expiresAt, ApiClientRecord client) {
    }

    @Inject
    AgroalDataSource dataSource;

    private volatile Map<String, StoredKey> keys = Map.of();

    void load(@Observes StartupEvent event) {
        reload();
    }

    @Scheduled(every = "${gateway.api-keys.refresh-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledReload() {
        reload();
    }

    /** Reads every usable key; on a database failure the previous snapshot stays in force. */
    public void reload() {
        Map<String, StoredKey> fresh = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT k.key_id, k.secret_hash, k.expires_at, c.client_id, c.role, c.scopes, c.consulate,
                               c.requests_per_second, c.bookings_per_minute
                        FROM api_key k JOIN api_client c ON c.client_id = k.client_id
                        WHERE k.revoked_at IS NULL AND c.active""");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                Timestamp expires = rs.getTimestamp(3);
                ApiClientRecord client = new ApiClientRecord(rs.getString(4), rs.getString(5),
                        scopes(rs.getString(6)), rs.getString(7), (Integer) rs.getObject(8),
                        (Integer) rs.getObject(9));
                fresh.put(rs.getString(1), new StoredKey(rs.getString(1), rs.getBytes(2),
                        expires == null ? null : expires.toInstant(), client));
            }
            keys = Map.copyOf(fresh);
        } catch (SQLException e) {
            LOG.warnf("Could not reload API keys, keeping %d cached: SQLState %s", keys.size(), e.getSQLState());
        }
    }

    /** The client behind a presented key, if the key exists, is not revoked or expired, and matches. */
    public Optional<ApiClientRecord> authenticate(String presented) {
        return ApiKeyFormat.parse(presented).flatMap(parsed -> {
            StoredKey stored = keys.get(parsed.keyId());
            if (stored == null || (stored.expiresAt() != null && stored.expiresAt().isBefore(Instant.now()))) {
                return Optional.empty();
            }
            return ApiKeyFormat.matches(parsed.secret(), stored.secretHash()) ? Optional.of(stored.client())
                    : Optional.empty();
        });
    }

    static Set<String> scopes(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
    }
}
