package mx.gob.sre.gateway.admin;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A machine client: a partner agency, institution, support partner, INE or the mobile app's backend. */
@Entity
@Table(name = "api_client")
public class ApiClient {

    @Id
    @Column(name = "client_id")
    public String clientId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String role;

    /** Space-separated. */
    @Column(nullable = false)
    public String scopes;

    public String consulate;

    @Column(name = "requests_per_second")
    public Integer requestsPerSecond;

    @Column(name = "bookings_per_minute")
    public Integer bookingsPerMinute;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
