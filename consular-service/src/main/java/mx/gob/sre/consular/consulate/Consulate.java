package mx.gob.sre.consular.consulate;

import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A consular office: a consulate, consulate general or an embassy's consular section. */
@Entity
@Table(name = "consulate")
public class Consulate {

    @Id
    @Column(length = 8)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String city;

    @Column(nullable = false, length = 2)
    public String country;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public String address;

    public String phone;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
