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
 * the key pair of the internal token and a password per service database.
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
                return secrets;
            }
            KeyPair keys = rsa();
            secrets.values.setProperty("internal.private", pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            secrets.values.setProperty("internal.public", pem("PUBLIC KEY", keys.getPublic().getEncoded()));
            for (String database : DevStack.DATABASES) {
                secrets.values.setProperty("db." + database, randomPassword());
            }
            try (var out = Files.newOutputStream(file)) {
                secrets.values.store(out, "Local stack secrets; delete .devstack to regenerate");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
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
