package mx.gob.sre.scholarship.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.scholarship.ScholarshipConfig;

/**
 * Uploaded files, checked by their bytes, never by their name or declared type: a PDF must start with
 * {@code %PDF-}, a PNG with its 8-byte signature, a JPEG with FF D8 FF. Bodies are read as a stream and
 * cut off past the size limit.
 */
@ApplicationScoped
public class Documents {

    public static final ProblemType UNSUPPORTED = ProblemType.of("unsupported-content",
            "The file's content is not of an accepted type", 415);

    /** What a file must be. */
    public enum Format {
        PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
        JPEG("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

        final String contentType;
        final byte[] magic;

        Format(String contentType, byte[] magic) {
            this.contentType = contentType;
            this.magic = magic;
        }

        public String contentType() {
            return contentType;
        }

        boolean matches(byte[] content) {
            return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
        }
    }

    public record Stored(UUID id, String kind, String filename, String contentType, long sizeBytes) {
    }

    @Inject
    EntityManager em;

    @Inject
    ScholarshipConfig config;

    @Inject
    Caller caller;

    /** Reads the body up to the limit and works out which of the accepted formats it really is. */
    public Upload read(InputStream body, Format... accepted) {
        byte[] content = readBounded(body, config.maxDocumentBytes());
        for (Format format : accepted) {
            if (format.matches(content)) {
                return new Upload(content, format);
            }
        }
        throw new ApiException(UNSUPPORTED, "The file is not " + Arrays.toString(accepted)
                + " by its content, whatever its name says");
    }

    public record Upload(byte[] content, Format format) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Stored store(String ownerType, UUID ownerId, String kind, String filename, Upload upload) {
        UUID id = UUID.randomUUID();
        String safeName = filename == null || filename.isBlank() ? kind.toLowerCase() : filename
                .replaceAll("[^A-Za-z0-9._ -]", "_");
        safeName = safeName.substring(0, Math.min(200, safeName.length()));
        em.createNativeQuery("""
                INSERT INTO document (id, owner_type, owner_id, kind, filename, content_type, size_bytes, sha256,
                                      content, uploaded_at, uploaded_by)
                VALUES (:id, :ownerType, :ownerId, :kind, :filename, :type, :size, :sha, :content, :at, :by)""")
                .unwrap(NativeQuery.class)
                .setParameter("content", upload.content(), StandardBasicTypes.BINARY)
                .setParameter("sha", sha256(upload.content()), StandardBasicTypes.BINARY)
                .setParameter("id", id).setParameter("ownerType", ownerType).setParameter("ownerId", ownerId)
                .setParameter("kind", kind).setParameter("filename", safeName)
                .setParameter("type", upload.format().contentType()).setParameter("size", (long) upload.content().length)
                .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC)).setParameter("by", caller.auditId())
                .executeUpdate();
        return new Stored(id, kind, safeName, upload.format().contentType(), upload.content().length);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean has(String ownerType, UUID ownerId, String kind) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM document WHERE owner_type = :t AND owner_id = :o "
                + "AND kind = :k").setParameter("t", ownerType).setParameter("o", ownerId).setParameter("k", kind)
                .getSingleResult()).longValue() > 0;
    }

    /** The latest file of a kind, with its content type, or null. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Object[] latest(String ownerType, UUID ownerId, String kind) {
        return (Object[]) em.createNativeQuery("SELECT content, content_type FROM document WHERE owner_type = :t "
                        + "AND owner_id = :o AND kind = :k ORDER BY uploaded_at DESC LIMIT 1")
                .setParameter("t", ownerType).setParameter("o", ownerId).setParameter("k", kind)
                .getResultStream().findFirst().orElse(null);
    }

    private static byte[] readBounded(InputStream body, long limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                total += read;
                if (total > limit) {
                    throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "The file is larger than " + limit + " bytes");
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new ApiException(ProblemType.MALFORMED, "The upload could not be read");
        }
        if (total == 0) {
            throw ApiException.invalid("body", "must not be empty");
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
