package mx.gob.sre.consular.citizen;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import mx.gob.sre.consular.citizen.CitizenApi.CitizenView;
import mx.gob.sre.consular.citizen.CitizenApi.RegisterCitizen;
import mx.gob.sre.consular.citizen.CitizenEvents.CitizenRegisteredV1;
import mx.gob.sre.consular.consulate.ConsulateRepository;
import mx.gob.sre.consular.timeline.Timeline;
import mx.gob.sre.platform.curp.Curp;
import mx.gob.sre.platform.outbox.Outbox;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;

@ApplicationScoped
public class CitizenService {

    private static final Logger LOG = Logger.getLogger(CitizenService.class);

    @Inject
    CitizenRepository citizens;

    @Inject
    ConsulateRepository consulates;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    Timeline timeline;

    @ConfigProperty(name = "consular.privacy-notice.accepted-versions")
    Set<String> acceptedNoticeVersions;

    @Transactional
    public CitizenView register(RegisterCitizen request) {
        Curp curp = Curp.parse(request.curp());
        authorizeRegistration(curp, request.consulate());
        if (!curp.birthDate().equals(request.dateOfBirth())) {
            throw ApiException.invalid("dateOfBirth", "does not match the birth date in the CURP");
        }
        if (!acceptedNoticeVersions.contains(request.consent().privacyNoticeVersion())) {
            throw ApiException.invalid("consent.privacyNoticeVersion",
                    "is not a privacy notice version in force " + acceptedNoticeVersions);
        }
        if (consulates.findByCode(request.consulate()).isEmpty()) {
            throw ApiException.invalid("consulate", "is not a consulate of the network");
        }
        if (citizens.findByCurp(curp.value()).isPresent()) {
            throw alreadyRegistered(curp);
        }

        Instant now = Instant.now();
        Citizen citizen = new Citizen();
        citizen.id = UUID.randomUUID();
        citizen.curp = curp.value();
        citizen.givenNames = request.givenNames().strip();
        citizen.firstSurname = request.firstSurname().strip();
        citizen.secondSurname = request.secondSurname() == null ? null : request.secondSurname().strip();
        citizen.dateOfBirth = request.dateOfBirth();
        citizen.sex = String.valueOf(curp.sex());
        if (request.contact() != null) {
            citizen.email = request.contact().email();
            citizen.phone = request.contact().phone();
        }
        citizen.address = toAddress(request.address());
        citizen.consulateCode = request.consulate();
        citizen.privacyNoticeVersion = request.consent().privacyNoticeVersion();
        citizen.consentGivenAt = now;
        citizen.createdAt = now;
        citizen.updatedAt = now;
        try {
            citizens.persist(citizen);
            citizens.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw alreadyRegistered(curp);
        }

        LOG.infof("Citizen %s registered with consulate %s", citizen.id, citizen.consulateCode);
        timeline.record(citizen.curp, now, Timeline.Source.CONSULAR, "citizen.registered",
                "Registered with consulate " + citizen.consulateCode, citizen.id.toString(), null, null);
        outbox.publish(CitizenEvents.TOPIC, citizen.id.toString(), CitizenEvents.REGISTERED_V1,
                new CitizenRegisteredV1(citizen.id, citizen.curp, citizen.consulateCode, citizen.address.country,
                        now));
        return CitizenView.of(citizen);
    }

    /** Changes a citizen's record: contact, address and consulate by the citizen; names by staff only. */
    @Transactional
    public CitizenView update(String curp, CitizenApi.UpdateCitizen request) {
        Citizen citizen = visible(curp);
        citizens.getEntityManager().lock(citizen, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        boolean staff = caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR)
                && caller.worksAt(citizen.consulateCode);
        boolean namesChange = request.givenNames() != null || request.firstSurname() != null
                || request.secondSurname() != null;
        if (namesChange && !staff) {
            throw new ApiException(ProblemType.FORBIDDEN, "Names are corrected by consular staff with documents; "
                    + "file an ARCO rectification request");
        }
        if (request.givenNames() != null) {
            citizen.givenNames = request.givenNames().strip();
        }
        if (request.firstSurname() != null) {
            citizen.firstSurname = request.firstSurname().strip();
        }
        if (request.secondSurname() != null) {
            citizen.secondSurname = request.secondSurname().strip();
        }
        if (request.contact() != null) {
            citizen.email = request.contact().email();
            citizen.phone = request.contact().phone();
        }
        if (request.address() != null) {
            citizen.address = toAddress(request.address());
        }
        if (request.consulate() != null) {
            if (consulates.findByCode(request.consulate()).isEmpty()) {
                throw ApiException.invalid("consulate", "is not a consulate of the network");
            }
            citizen.consulateCode = request.consulate();
        }
        Instant now = Instant.now();
        citizen.updatedAt = now;
        outbox.publish(CitizenEvents.TOPIC, citizen.id.toString(), CitizenEvents.UPDATED_V1,
                new CitizenEvents.CitizenUpdatedV1(citizen.id, citizen.curp, citizen.consulateCode,
                        citizen.address.country, now));
        return CitizenView.of(citizen);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CitizenView get(String curp) {
        return CitizenView.of(visible(curp));
    }

    /** The CURP of a citizen the caller may see (themself, or one of their consulate); 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String visibleCurp(String curp) {
        return visible(curp).curp;
    }

    /** The citizen if the caller may see it; 404 otherwise, so a caller cannot probe for CURPs. */
    Citizen visible(String curp) {
        Citizen citizen = citizens.findByCurp(curp.toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> ApiException.notFound("Citizen"));
        boolean self = caller.isCitizen(citizen.curp);
        boolean staff = caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR)
                && caller.worksAt(citizen.consulateCode);
        if (!self && !staff) {
            throw ApiException.notFound("Citizen");
        }
        return citizen;
    }

    private void authorizeRegistration(Curp curp, String consulate) {
        if (caller.hasRole(Roles.CITIZEN)) {
            if (!caller.isCitizen(curp.value())) {
                throw new ApiException(ProblemType.FORBIDDEN, "A citizen may only register their own CURP");
            }
            return;
        }
        if (caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR) && caller.worksAt(consulate)) {
            return;
        }
        throw new ApiException(ProblemType.FORBIDDEN, "Staff may only register citizens with their own consulate");
    }

    private static ApiException alreadyRegistered(Curp curp) {
        return ApiException.conflict("A citizen with this CURP is already registered")
                .with("existing", "/citizens/" + curp.value());
    }

    private static Citizen.Address toAddress(CitizenApi.AddressAbroad request) {
        Citizen.Address address = new Citizen.Address();
        address.line1 = request.line1().strip();
        address.line2 = request.line2();
        address.city = request.city().strip();
        address.region = request.region();
        address.postalCode = request.postalCode();
        address.country = request.country();
        return address;
    }
}
