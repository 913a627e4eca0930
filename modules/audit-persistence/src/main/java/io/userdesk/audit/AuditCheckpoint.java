package io.userdesk.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A signed chain head: "the chain held {@code uptoSeq} events and its newest hash was {@code headHash}", signed with
 * the portal's audit key.
 *
 * <p>Why: the hash chain alone proves that rows were not changed in the middle, but whoever can write the table can
 * rewrite the whole tail consistently. A checkpoint signed with a key the database does not hold pins the head; an
 * export carries the covering checkpoint so that a copy can be checked offline against the public key.
 *
 * <p>The signature covers {@link #signedContent()}: canonical JSON ({@link CanonicalJson}) of the members
 * {@code algorithm, checkpointNo, createdAt, headHash, keyId, uptoSeq}, UTF-8.
 *
 * @param checkpointNo 1, 2, 3, ...
 * @param uptoSeq the newest event covered
 * @param headHash that event's hash
 * @param createdAt when it was signed (database clock, microseconds)
 * @param algorithm {@link AuditSigningKey#ALGORITHM}
 * @param keyId the signing key's id ({@link AuditSigningKey#keyId()})
 * @param publicKey the signing key's public key, base64 X.509
 * @param signature base64 signature over {@link #signedContent()}
 */
public record AuditCheckpoint(long checkpointNo, long uptoSeq, String headHash, Instant createdAt, String algorithm,
                              String keyId, String publicKey, String signature) {

    /** @return the exact text that is signed */
    public String signedContent() {
        return signedContent(checkpointNo, uptoSeq, headHash, createdAt, algorithm, keyId);
    }

    static String signedContent(long checkpointNo, long uptoSeq, String headHash, Instant createdAt, String algorithm,
                                String keyId) {
        Map<String, Object> content = new TreeMap<>();
        content.put("algorithm", algorithm);
        content.put("checkpointNo", checkpointNo);
        content.put("createdAt", AuditHashing.formatOccurredAt(createdAt));
        content.put("headHash", headHash);
        content.put("keyId", keyId);
        content.put("uptoSeq", uptoSeq);
        return CanonicalJson.write(content);
    }

    /** @return whether the signature is valid for this content under the embedded public key */
    public boolean signatureValid() {
        return AuditSigningKey.ALGORITHM.equals(algorithm)
                && AuditSigningKey.keyIdOf(publicKey).equals(keyId)
                && AuditSigningKey.verify(publicKey, signedContent().getBytes(StandardCharsets.UTF_8), signature);
    }
}
