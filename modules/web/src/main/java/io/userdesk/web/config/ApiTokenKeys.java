package io.userdesk.web.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;

/**
 * The RSA key pair that signs the portal API's tokens. It is generated on first start and kept under
 * {@code USERDESK_HOME/keys} (mode 600), so tokens survive restarts and several instances can share the key by
 * sharing the file. It is read by plain Java rather than MicroProfile Config because
 * {@link ApiTokenKeyConfigSource} must hand the public key to MP JWT while configuration is still being assembled.
 */
public final class ApiTokenKeys {
    private static final String KEY_FILE = "api-token-signing-key.pk8";
    private static KeyPair keyPair;

    private ApiTokenKeys() {
    }

    /** {@code userdesk.home} system property, else {@code USERDESK_HOME}, else {@code ~/.userdesk}. */
    public static Path homeDirectory() {
        String home = System.getProperty("userdesk.home");
        if (home == null || home.isBlank()) {
            home = System.getenv("USERDESK_HOME");
        }
        if (home == null || home.isBlank()) {
            home = Path.of(System.getProperty("user.home"), ".userdesk").toString();
        }
        return Path.of(home);
    }

    public static synchronized KeyPair keyPair() {
        if (keyPair == null) {
            keyPair = loadOrGenerate(homeDirectory().resolve("keys").resolve(KEY_FILE));
        }
        return keyPair;
    }

    /** The public key as a PEM block, the form {@code mp.jwt.verify.publickey} accepts. */
    public static String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keyPair().getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----";
    }

    /** A stable key id: the base64url SHA-256 of the public key's encoding. */
    public static String keyId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyPair().getPublic().getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair loadOrGenerate(Path file) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            if (Files.exists(file)) {
                byte[] der = Base64.getMimeDecoder().decode(stripPem(Files.readString(file)));
                RSAPrivateKey privateKey = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
                RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
                RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                        new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
                return new KeyPair(publicKey, privateKey);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair generated = generator.generateKeyPair();
            Files.createDirectories(file.getParent());
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(generated.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Path temp = Files.createTempFile(file.getParent(), "key", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's own protection applies
            }
            Files.writeString(temp, pem);
            try {
                Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                Files.deleteIfExists(temp);
                if (!Files.exists(file)) {
                    throw raced;
                }
                return loadOrGenerate(file);
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the API signing key at " + file, e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("The API signing key at " + file + " is not a valid RSA private key", e);
        }
    }

    private static String stripPem(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
