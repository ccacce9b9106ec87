package mx.gob.sre.consular.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import mx.gob.sre.consular.citizen.Citizen;
import mx.gob.sre.consular.queue.IdentityEvents.IdentityVerifiedV1;
import mx.gob.sre.consular.queue.TicketApi.IdentityVerification;
import mx.gob.sre.platform.curp.Curp;
import mx.gob.sre.platform.outbox.Outbox;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.security.Caller;

/**
 * The consulate's part of a voter-card application: the officer has checked the documents and captured
 * fingerprints, photo and signature. The verification is recorded with references to the captures and
 * announced on consular.identity-verified, which the voter service turns into an application.
 */
@ApplicationScoped
public class IdentityVerifications {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(Ticket ticket, Citizen citizen, IdentityVerification verification, ZoneId zone) {
        if (citizen == null) {
            throw ApiException.rule("citizen-not-registered",
                    "A voter-card applicant must be registered with the consulate first");
        }
        if (!Boolean.TRUE.equals(verification.documentsVerified())) {
            throw ApiException.rule("documents-not-verified", "Documents that were not accepted cannot be sent to "
                    + "INE; complete the procedure as INFO_REQUESTED instead");
        }
        if (!Boolean.TRUE.equals(verification.addressInDistrict())) {
            throw ApiException.rule("address-not-in-district", "The proof of address must be in this consulate's "
                    + "district");
        }
        LocalDate today = LocalDate.now(zone);
        LocalDate issued = verification.proofOfAddressIssuedOn();
        if (issued.isAfter(today) || issued.isBefore(today.minusMonths(3))) {
            throw ApiException.rule("proof-of-address-too-old", "The proof of address must be at most 3 months old");
        }
        String state = nationalityState(citizen, verification);

        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        em.createNativeQuery("""
                INSERT INTO identity_verification (id, ticket_id, citizen_id, nationality_proof, fingerprints_ref,
                                                   photo_ref, signature_ref, verified_at, verified_by)
                VALUES (:id, :ticket, :citizen, :proof, :fp, :photo, :sig, :at, :by)""")
                .setParameter("id", id).setParameter("ticket", ticket.id).setParameter("citizen", citizen.id)
                .setParameter("proof", verification.proofOfNationality().type().name())
                .setParameter("fp", verification.biometrics().fingerprints())
                .setParameter("photo", verification.biometrics().photo())
                .setParameter("sig", verification.biometrics().signature())
                .setParameter("at", now.atOffset(java.time.ZoneOffset.UTC)).setParameter("by", caller.auditId())
                .executeUpdate();
        Citizen.Address a = citizen.address;
        outbox.publish(IdentityEvents.TOPIC, citizen.id.toString(), IdentityEvents.VERIFIED_V1, new IdentityVerifiedV1(
                id, ticket.id, citizen.id, citizen.curp, citizen.givenNames, citizen.firstSurname,
                citizen.secondSurname, citizen.dateOfBirth, citizen.sex,
                verification.proofOfNationality().type().name(), state,
                new IdentityEvents.Address(a.line1, a.line2, a.city, a.region, a.postalCode, a.country),
                issued, ticket.consulateCode,
                new IdentityEvents.BiometricReferences(verification.biometrics().fingerprints(),
                        verification.biometrics().photo(), verification.biometrics().signature()),
                now));
        return id;
    }

    /** The state on the proof of nationality: given, or the CURP's birth state for people born in Mexico. */
    private static String nationalityState(Citizen citizen, IdentityVerification verification) {
        TicketApi.NationalityProof proof = verification.proofOfNationality();
        if (proof.state() != null) {
            if (!Curp.STATE_CODES.contains(proof.state()) || "NE".equals(proof.state())) {
                throw ApiException.invalid("identityVerification.proofOfNationality.state",
                        "must be the code of a Mexican state");
            }
            return proof.state();
        }
        return switch (proof.type()) {
            case PARENT_BIRTH_CERTIFICATE -> throw ApiException.invalid(
                    "identityVerification.proofOfNationality.state",
                    "is required with a parent's birth certificate: it decides the voting state");
            case BIRTH_CERTIFICATE -> {
                String birthState = Curp.parse(citizen.curp).birthState();
                if ("NE".equals(birthState)) {
                    throw ApiException.invalid("identityVerification.proofOfNationality.state",
                            "is required for a person born abroad");
                }
                yield birthState;
            }
            case NATURALIZATION_LETTER -> null;
        };
    }
}
