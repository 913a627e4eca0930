package io.userdesk.audit.export;

import io.userdesk.audit.AuditCheckpoint;
import io.userdesk.audit.AuditEvent;
import io.userdesk.audit.AuditHashing;
import io.userdesk.audit.AuditSigningKey;
import io.userdesk.audit.ChainVerification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks an export bundle with nothing but the file: no database, no network.
 *
 * <p>What it proves, in this order: each file's SHA-256 equals the manifest's; the manifest's checkpoint carries a
 * valid Ed25519 signature under the bundled public key (and, if the caller pins one, that key is the expected one);
 * the chain links run without gaps from the first exported event to the checkpoint's seq and end at its head hash;
 * and every exported event hashes to its link. An export of the whole trail therefore proves the whole trail; a
 * filtered export proves that its events are unchanged members of the signed chain.
 *
 * <p>It reports the first bad event the way the portal's own verification does, so the three agree.
 */
public final class ExportBundleVerifier {

    private ExportBundleVerifier() {
    }

    /**
     * @param bundle the export ZIP
     * @param pinnedPublicKey the public key (base64 X.509) the auditor obtained from the portal, or null to trust the
     *                        bundled key (its key id is then in the summary, to compare by other means)
     * @return the result
     * @throws IOException if the file cannot be read or is not an export bundle
     */
    @SuppressWarnings("unchecked")
    public static BundleVerification verify(Path bundle, String pinnedPublicKey) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry manifestEntry = zip.getEntry(ExportFormat.MANIFEST);
            if (manifestEntry == null) {
                throw new IOException(bundle + " is not a UserDesk audit export: it has no " + ExportFormat.MANIFEST);
            }
            Map<String, Object> manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = (Map<String, Object>) JsonText.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IOException("The manifest of " + bundle + " is not valid JSON: " + e.getMessage(), e);
            }
            if (!ExportFormat.FORMAT.equals(manifest.get("format"))) {
                throw new IOException(bundle + " is not a UserDesk audit export in format " + ExportFormat.FORMAT);
            }
            AuditCheckpoint checkpoint = checkpoint(manifest);
            String summary = summary(manifest, checkpoint);

            Map<String, Object> files = (Map<String, Object>) manifest.get("files");
            for (String name : new String[] {ExportFormat.EVENTS_JSONL, ExportFormat.EVENTS_CSV, ExportFormat.CHAIN_CSV}) {
                ZipEntry entry = zip.getEntry(name);
                Map<String, Object> expected = files == null ? null : (Map<String, Object>) files.get(name);
                if (entry == null || expected == null) {
                    return broken(summary, 0, null, null, "the bundle lacks " + name);
                }
                String actual = sha256(zip, entry);
                if (!actual.equals(expected.get("sha256"))) {
                    return broken(summary, 0, null, null, name + " does not match the SHA-256 in the manifest: "
                            + "the file was changed after the export");
                }
            }
            if (pinnedPublicKey != null && !pinnedPublicKey.strip().equals(checkpoint.publicKey())) {
                return broken(summary, 0, null, null, "the bundle was signed with key " + checkpoint.keyId()
                        + ", not with the expected key " + AuditSigningKey.keyIdOf(pinnedPublicKey.strip()));
            }
            if (!checkpoint.signatureValid()) {
                return broken(summary, 0, null, null, "the signature of checkpoint " + checkpoint.checkpointNo()
                        + " is not valid under the bundled public key");
            }
            return new BundleVerification(checkChain(zip, checkpoint), summary);
        }
    }

    private static ChainVerification checkChain(ZipFile zip, AuditCheckpoint checkpoint) throws IOException {
        try (BufferedReader links = reader(zip, ExportFormat.CHAIN_CSV);
             BufferedReader events = reader(zip, ExportFormat.EVENTS_JSONL)) {
            links.readLine(); // header
            long checked = 0;
            Long expectedSeq = null;
            String expectedPrevHash = null;
            AuditEvent pending = nextEvent(events);
            String line;
            while ((line = links.readLine()) != null) {
                String[] link = line.split(",", -1);
                if (link.length != 4) {
                    return brokenChain(checked, null, null, "chain.csv has a malformed line: " + line);
                }
                long seq = Long.parseLong(link[0]);
                UUID eventId = UUID.fromString(link[1]);
                String prevHash = link[2];
                String hash = link[3];
                checked++;
                if (expectedSeq != null && seq != expectedSeq) {
                    return brokenChain(checked, seq, eventId, "expected seq " + expectedSeq + " but found " + seq
                            + ": an event was removed, inserted or moved");
                }
                if (expectedSeq == null && seq == 1) {
                    expectedPrevHash = AuditHashing.GENESIS_HASH;
                }
                if (expectedPrevHash != null && !prevHash.equals(expectedPrevHash)) {
                    return brokenChain(checked, seq, eventId, "prev_hash does not match the hash of "
                            + (seq == 1 ? "the genesis" : "event " + (seq - 1))
                            + ": an event before it was removed, inserted or moved");
                }
                if (pending != null && pending.seq() < seq) {
                    return brokenChain(checked, pending.seq(), pending.eventId(),
                            "the exported event is not in the chain links");
                }
                if (pending != null && pending.seq() == seq) {
                    String recomputed;
                    try {
                        recomputed = AuditHashing.hashOf(pending);
                    } catch (IllegalArgumentException e) {
                        return brokenChain(checked, seq, pending.eventId(), "the event cannot be hashed: "
                                + e.getMessage());
                    }
                    if (!recomputed.equals(pending.hash()) || !recomputed.equals(hash)
                            || !pending.eventId().equals(eventId) || !pending.prevHash().equals(prevHash)) {
                        return brokenChain(checked, seq, pending.eventId(),
                                "the stored hash does not match the event's content: the event was changed");
                    }
                    pending = nextEvent(events);
                }
                expectedSeq = seq + 1;
                expectedPrevHash = hash;
                if (seq == checkpoint.uptoSeq() && !hash.equals(checkpoint.headHash())) {
                    return brokenChain(checked, seq, eventId, "the hash differs from signed checkpoint "
                            + checkpoint.checkpointNo() + ": this event, or one before it, was rewritten");
                }
            }
            if (pending != null) {
                return brokenChain(checked, pending.seq(), pending.eventId(),
                        "the exported event is not covered by the signed checkpoint");
            }
            long last = expectedSeq == null ? 0 : expectedSeq - 1;
            if (last != checkpoint.uptoSeq()) {
                return brokenChain(checked, last + 1, null, "the chain links end at seq " + last
                        + " but the signed checkpoint covers seq " + checkpoint.uptoSeq());
            }
            return new ChainVerification(true, checked, null, null, null);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            return brokenChain(0, null, null, "the bundle's files are malformed: " + e.getMessage());
        }
    }

    private static AuditEvent nextEvent(BufferedReader events) throws IOException {
        String line = events.readLine();
        return line == null || line.isEmpty() ? null : ExportFormat.parseJsonLine(line);
    }

    private static BundleVerification broken(String summary, long checked, Long seq, UUID eventId, String reason) {
        return new BundleVerification(new ChainVerification(false, checked, seq == null ? 0L : seq, eventId, reason),
                summary);
    }

    private static ChainVerification brokenChain(long checked, Long seq, UUID eventId, String reason) {
        return new ChainVerification(false, checked, seq == null ? 0L : seq, eventId, reason);
    }

    @SuppressWarnings("unchecked")
    private static AuditCheckpoint checkpoint(Map<String, Object> manifest) throws IOException {
        try {
            Map<String, Object> json = (Map<String, Object>) manifest.get("checkpoint");
            return new AuditCheckpoint((Long) json.get("checkpointNo"), (Long) json.get("uptoSeq"),
                    (String) json.get("headHash"), Instant.parse((String) json.get("createdAt")),
                    (String) json.get("algorithm"), (String) json.get("keyId"), (String) manifest.get("publicKey"),
                    (String) json.get("signature"));
        } catch (RuntimeException e) {
            throw new IOException("The manifest has no valid checkpoint: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String summary(Map<String, Object> manifest, AuditCheckpoint checkpoint) {
        Map<String, Object> range = (Map<String, Object>) manifest.get("range");
        return "exported " + manifest.get("exportedAt") + " by " + manifest.get("exportedBy") + "\n"
                + "filters: " + manifest.get("filters") + "\n"
                + "events: " + (range == null ? "?" : range.get("eventCount") + " (seq " + range.get("firstSeq")
                + " to " + range.get("lastSeq") + ")") + "\n"
                + "signed checkpoint " + checkpoint.checkpointNo() + " at seq " + checkpoint.uptoSeq() + ", "
                + checkpoint.algorithm() + " key " + checkpoint.keyId();
    }

    private static BufferedReader reader(ZipFile zip, String name) throws IOException {
        return new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(name)),
                StandardCharsets.UTF_8), 1 << 16);
    }

    private static String sha256(ZipFile zip, ZipEntry entry) throws IOException {
        MessageDigest digest = ExportBundleWriter.sha256();
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
