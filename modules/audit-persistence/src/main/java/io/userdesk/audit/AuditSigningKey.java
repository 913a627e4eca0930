package io.userdesk.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The portal's audit signing key (Ed25519), which signs checkpoints of the hash chain.
 *
 * <p>Why a key of its own, separate from the API token key: a checkpoint signature is evidence kept for years and
 * checked by outsiders with nothing but the public key, so it must not be rotated or shared with a short-lived
 * credential's key. Ed25519 because its signatures are deterministic, small, and built into every Java 17 runtime.
 * The key comes from configuration (base64 PKCS#8) or is generated on first start and kept in a file only the
 * portal's user can read.
 */
public final class AuditSigningKey {

    /** The signature algorithm, as written in checkpoints and manifests. */
    public static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private AuditSigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    }

    /** @return a new random key (tests and first start) */
    public static AuditSigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new AuditSigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime provides Ed25519", e);
        }
    }

    /**
     * @param pkcs8Base64 the private key, base64 of its PKCS#8 encoding, as kept in configuration
     * @param x509Base64 the matching public key, base64 of its X.509 encoding
     * @return the key
     * @throws IllegalArgumentException if either is not an Ed25519 key in that form or they do not match
     */
    public static AuditSigningKey fromBase64(String pkcs8Base64, String x509Base64) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64.strip())));
            PublicKey publicKey = factory.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(x509Base64.strip())));
            AuditSigningKey key = new AuditSigningKey(privateKey, publicKey);
            byte[] probe = "userdesk-key-check".getBytes(StandardCharsets.US_ASCII);
            if (!verify(key.publicKeyBase64(), probe, key.sign(probe))) {
                throw new IllegalArgumentException("the audit private and public keys do not belong together");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The audit signing key is not a valid Ed25519 key pair in base64 "
                    + "PKCS#8 / X.509 form: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the key kept in {@code file} (two lines: private PKCS#8 base64, public X.509 base64), or generates one and
     * writes it there (owner-read/write only) when the file does not exist.
     *
     * @param file where the key is kept
     * @return the key
     * @throws UncheckedIOException if the file cannot be read or written
     * @throws IllegalArgumentException if the file does not hold a valid key
     */
    public static synchronized AuditSigningKey loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                String[] lines = Files.readString(file, StandardCharsets.US_ASCII).strip().split("\\R");
                if (lines.length != 2) {
                    throw new IllegalArgumentException("The audit signing key file " + file
                            + " must hold two lines (private and public key, base64)");
                }
                return fromBase64(lines[0], lines[1]);
            }
            AuditSigningKey key = generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "audit-key", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own permissions have to protect it
            }
            Files.writeString(temp, Base64.getEncoder().encodeToString(key.privateKey.getEncoded()) + "\n"
                    + key.publicKeyBase64() + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("The audit signing key file " + file + " cannot be read or written", e);
        }
    }

    /** @return base64 of the public key's X.509 (SubjectPublicKeyInfo) encoding: what outsiders verify with */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** @return the public key as a PEM block */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + publicKeyBase64() + "\n-----END PUBLIC KEY-----\n";
    }

    /** @return a short, stable name for the key: the first 16 hex digits of the SHA-256 of its public encoding */
    public String keyId() {
        return keyIdOf(publicKeyBase64());
    }

    /**
     * @param publicKeyBase64 a public key as {@link #publicKeyBase64()} gives it
     * @return its key id
     */
    public static String keyIdOf(String publicKeyBase64) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(publicKeyBase64));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /**
     * @param data the bytes to sign
     * @return the base64 Ed25519 signature
     */
    public String sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(data);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * @param publicKeyBase64 the signer's public key ({@link #publicKeyBase64()})
     * @param data the signed bytes
     * @param signatureBase64 the signature
     * @return whether the signature is valid (false, never an exception, for malformed input)
     */
    public static boolean verify(String publicKeyBase64, byte[] data, String signatureBase64) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** Never shows the private key. */
    @Override
    public String toString() {
        return "AuditSigningKey[" + ALGORITHM + ", keyId=" + keyId() + "]";
    }
}
