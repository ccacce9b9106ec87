package mx.gob.sre.consular.consulate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consulate as the API shows it. */
@Schema(name = "Consulate")
public record ConsulateView(
        @Schema(examples = "SJC") String code,
        @Schema(examples = "Consulado de México en San José") String name,
        @Schema(examples = "San Jose") String city,
        @Schema(description = "ISO 3166-1 alpha-2", examples = "US") String country,
        @Schema(description = "IANA time zone", examples = "America/Los_Angeles") String timeZone,
        String address,
        @Schema(examples = "+14082944200") String phone) {

    static ConsulateView of(Consulate consulate) {
        return new ConsulateView(consulate.code, consulate.name, consulate.city, consulate.country,
                consulate.timeZone, consulate.address, consulate.phone);
    }
}
