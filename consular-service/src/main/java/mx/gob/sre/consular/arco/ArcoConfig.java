package mx.gob.sre.consular.arco;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** ARCO requests (LGPDPPSO): the legal deadline and where the other services' exports are. */
@ConfigMapping(prefix = "consular.arco")
public interface ArcoConfig {

    /** Working days to answer a request (configurable; the law's default is 20). */
    @WithDefault("20")
    int responseWorkingDays();

    /** Federal rest days that do not count as working days. */
    List<LocalDate> nonWorkingDays();

    /** Base URL of the voter service, for the data it holds on the person. */
    Optional<String> voterUrl();

    /** Base URL of the scholarship service, for the data it holds on the person. */
    Optional<String> scholarshipUrl();
}
