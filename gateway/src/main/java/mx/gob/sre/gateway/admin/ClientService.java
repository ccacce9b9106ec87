package mx.gob.sre.gateway.admin;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import mx.gob.sre.gateway.GatewayConfig;
import mx.gob.sre.gateway.admin.ClientApi.AuditView;
import mx.gob.sre.gateway.admin.ClientApi.ClientView;
import mx.gob.sre.gateway.admin.ClientApi.CreateClient;
import mx.gob.sre.gateway.admin.ClientApi.IssuedKey;
import mx.gob.sre.gateway.admin.ClientApi.KeyView;
import mx.gob.sre.gateway.admin.ClientApi.UpdateClient;
import mx.gob.sre.gateway.auth.ApiKeyFormat;
import mx.gob.sre.gateway.auth.ApiKeyStore;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.web.RequestIds;

/** Clients, their keys and the audit trail of every change to them. */
@ApplicationScoped
public class ClientService {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ApiKeyStore keyStore;

    @Inject
    GatewayConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Transactional
    public ClientView create(CreateClient request) {
        if (em.find(ApiClient.class, request.clientId()) != null) {
            throw ApiException.conflict("A client with this id exists").with("existing",
                    "/admin/clients/" + request.clientId());
        }
        Instant now = Instant.now();
        ApiClient client = new ApiClient();
        client.clientId = request.clientId();
        client.name = request.name().strip();
        client.role = request.role();
        client.scopes = String.join(" ", request.scopes().stream().distinct().sorted().toList());
        client.consulate = request.consulate();
        client.requestsPerSecond = request.requestsPerSecond();
        client.bookingsPerMinute = request.bookingsPerMinute();
        client.createdAt = now;
        client.updatedAt = now;
        em.persist(client);
        audit("client.created", client.clientId, "role=" + client.role + " scopes=" + client.scopes);
        return view(client);
    }

    @Transactional
    public ClientView update(String clientId, UpdateClient request) {
        ApiClient client = find(clientId);
        StringBuilder changes = new StringBuilder();
        if (request.name() != null) {
            client.name = request.name().strip();
            changes.append("name ");
        }
        if (request.scopes() != null) {
            client.scopes = String.join(" ", request.scopes().stream().distinct().sorted().toList());
            changes.append("scopes=").append(client.scopes).append(' ');
        }
        if (request.active() != null) {
            client.active = request.active();
            changes.append("active=").append(client.active).append(' ');
        }
        if (request.requestsPerSecond() != null) {
            client.requestsPerSecond = request.requestsPerSecond();
            changes.append("requestsPerSecond=").append(client.requestsPerSecond).append(' ');
        }
        if (request.bookingsPerMinute() != null) {
            client.bookingsPerMinute = request.bookingsPerMinute();
            changes.append("bookingsPerMinute=").append(client.bookingsPerMinute).append(' ');
        }
        client.updatedAt = Instant.now();
        audit("client.updated", clientId, changes.toString().trim());
        reloadKeysAfterCommit();
        return view(client);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClientView> list() {
        return em.createQuery("FROM ApiClient ORDER BY clientId", ApiClient.class).getResultList().stream()
                .map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClientView get(String clientId) {
        return view(find(clientId));
    }

    /** Issues a key; a client may hold at most two active keys, so one can replace the other. */
    @Transactional
    public IssuedKey issueKey(String clientId, Instant expiresAt) {
        ApiClient client = find(clientId);
        Instant now = Instant.now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ApiException.invalid("expiresAt", "must be in the future");
        }
        em.createQuery("SELECT c FROM ApiClient c WHERE c.clientId = :id", ApiClient.class)
                .setParameter("id", client.clientId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
        long active = keys(clientId).stream().filter(key -> key.activeAt(now)).count();
        if (active >= config.apiKeys().maxActivePerClient()) {
            throw ApiException.conflict("The client already has " + active
                    + " active keys; revoke one before issuing another");
        }
        ApiKeyFormat.Issued issued = ApiKeyFormat.issue();
        ApiKey key = new ApiKey();
        key.keyId = issued.keyId();
        key.clientId = clientId;
        key.secretHash = issued.secretHash();
        key.createdAt = now;
        key.expiresAt = expiresAt;
        em.persist(key);
        audit("key.issued", clientId + "/" + key.keyId, expiresAt == null ? null : "expiresAt=" + expiresAt);
        reloadKeysAfterCommit();
        return new IssuedKey(key.keyId, issued.plaintext(), key.createdAt, key.expiresAt);
    }

    @Transactional
    public KeyView revokeKey(String clientId, String keyId) {
        find(clientId);
        ApiKey key = em.find(ApiKey.class, keyId);
        if (key == null || !key.clientId.equals(clientId)) {
            throw ApiException.notFound("API key");
        }
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
            audit("key.revoked", clientId + "/" + keyId, null);
            reloadKeysAfterCommit();
        }
        return keyView(key);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KeyView> listKeys(String clientId) {
        find(clientId);
        return keys(clientId).stream().map(ClientService::keyView).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditView> audit(int limit, Long before) {
        return em.createQuery("FROM AdminAudit a WHERE a.id < :before ORDER BY a.id DESC", AdminAudit.class)
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(a -> new AuditView(a.id, a.at, a.actor, a.action, a.target, a.detail, a.requestId))
                .toList();
    }

    private ApiClient find(String clientId) {
        ApiClient client = em.find(ApiClient.class, clientId);
        if (client == null) {
            throw ApiException.notFound("Client " + clientId);
        }
        return client;
    }

    private List<ApiKey> keys(String clientId) {
        return em.createQuery("FROM ApiKey k WHERE k.clientId = :id ORDER BY k.createdAt", ApiKey.class)
                .setParameter("id", clientId).getResultList();
    }

    private void audit(String action, String target, String detail) {
        AdminAudit entry = new AdminAudit();
        entry.at = Instant.now();
        entry.actor = caller.auditId();
        entry.action = action;
        entry.target = target;
        entry.detail = detail;
        entry.requestId = RequestIds.current();
        em.persist(entry);
    }

    private void reloadKeysAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    keyStore.reload();
                }
            }
        });
    }

    private ClientView view(ApiClient client) {
        Instant now = Instant.now();
        int activeKeys = (int) keys(client.clientId).stream().filter(key -> key.activeAt(now)).count();
        List<String> scopes = Arrays.stream(client.scopes.split(" ")).filter(s -> !s.isBlank()).toList();
        return new ClientView(client.clientId, client.name, client.role, scopes, client.consulate,
                client.requestsPerSecond, client.bookingsPerMinute, client.active, activeKeys, client.createdAt,
                client.updatedAt);
    }

    private static KeyView keyView(ApiKey key) {
        return new KeyView(key.keyId, key.createdAt, key.expiresAt, key.revokedAt, key.activeAt(Instant.now()));
    }
}
