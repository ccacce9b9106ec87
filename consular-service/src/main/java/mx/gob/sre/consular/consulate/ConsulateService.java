package mx.gob.sre.consular.consulate;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import mx.gob.sre.platform.problem.ApiException;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ConsulateService {

    @Inject
    ConsulateRepository consulates;

    @Inject
    ConsulateCalendars calendars;

    public List<ConsulateView> list() {
        return consulates.listByCode().stream().map(this::view).toList();
    }

    public ConsulateView get(String code) {
        return consulates.findByCode(code).map(this::view)
                .orElseThrow(() -> ApiException.notFound("Consulate " + code));
    }

    private ConsulateView view(Consulate consulate) {
        ConsulateCalendars.Schedule schedule = calendars.schedule(consulate.code).orElseThrow();
        return ConsulateView.of(consulate, schedule, LocalDate.now(consulate.zone()));
    }
}
