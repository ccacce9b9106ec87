package mx.gob.sre.consular.consulate;

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

    public List<ConsulateView> list() {
        return consulates.listByCode().stream().map(ConsulateView::of).toList();
    }

    public ConsulateView get(String code) {
        return consulates.findByCode(code).map(ConsulateView::of)
                .orElseThrow(() -> ApiException.notFound("Consulate " + code));
    }
}
