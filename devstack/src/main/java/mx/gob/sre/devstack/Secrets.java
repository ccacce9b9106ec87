package mx.gob.sre.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Secrets of the local stack, made on first start and kept in {@code .devstack/secrets} (never in git):
 * the key pair of the internal token, the field-encryption key, and a password per service database.
 * A secret missing from an older file is added.
 */
public final class Secrets {

    private final Properties values = new Properties();

    private Secrets() {
    }

    public static Secrets loadOrCreate(Path directory) {
        Path file = directory.resolve("secrets.properties");
        Secrets secrets = new Secrets();
        try {
            Files.createDirectories(directory);
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    secrets.values.load(in);
                }
            }
            boolean changed = false;
            if (!secrets.values.containsKey("internal.private")) {
                KeyPair keys = rsa();
                secrets.values.setProperty("internal.private", pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
                secrets.values.setProperty("internal.public", pem("PUBLIC KEY", keys.getPublic().getEncoded()));
                changed = true;
            }
            if (!secrets.values.containsKey("field.key")) {
                byte[] fieldKey = new byte[32];
                new SecureRandom().nextBytes(fieldKey);
                secrets.values.setProperty("field.key", Base64.getEncoder().encodeToString(fieldKey));
                changed = true;
            }
            for (String name : java.util.List.of("ine.submission", "ine.callback")) {
                if (!secrets.values.containsKey(name)) {
                    secrets.values.setProperty(name, randomPassword() + randomPassword());
                    changed = true;
                }
            }
            for (String database : DevStack.DATABASES) {
                if (!secrets.values.containsKey("db." + database)) {
                    secrets.values.setProperty("db." + database, randomPassword());
                    changed = true;
                }
            }
            if (changed) {
                try (var out = Files.newOutputStream(file)) {
                    secrets.values.store(out, "Local stack secrets; ./suite reset deletes them");
                }
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String internalPrivateKey() {
        return values.getProperty("internal.private");
    }

    public String internalPublicKey() {
        return values.getProperty("internal.public");
    }

    /** The field-encryption key list in the form suite.crypto.keys takes. */
    public String fieldKeys() {
        return "dev-1:" + values.getProperty("field.key");
    }

    /** The HMAC key the voter service signs INE submissions with. */
    public String ineSubmissionSecret() {
        return values.getProperty("ine.submission");
    }

    /** The HMAC key INE (the simulator) signs its callbacks with. */
    public String ineCallbackSecret() {
        return values.getProperty("ine.callback");
    }

    public String databasePassword(String database) {
        return values.getProperty("db." + database);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
