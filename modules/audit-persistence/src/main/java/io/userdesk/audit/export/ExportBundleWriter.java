package io.userdesk.audit.export;

import io.userdesk.audit.AuditCheckpoint;
import io.userdesk.audit.AuditEvent;
import io.userdesk.audit.AuditHashing;
import io.userdesk.audit.AuditQuery;
import io.userdesk.audit.AuditStore;
import io.userdesk.audit.CanonicalJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Streams an export bundle of the audit trail (see {@link ExportFormat}) straight from the database into a ZIP,
 * without holding the events in memory.
 *
 * <p>Why a checkpoint first: the caller signs a checkpoint at the current head and passes it in; the bundle holds the
 * matching events up to that seq only, plus the chain links from the first exported event to that head, so the
 * offline verifier can prove every exported event belongs, unchanged, to the chain the portal signed.
 */
public final class ExportBundleWriter {

    private ExportBundleWriter() {
    }

    /**
     * @param store the audit trail
     * @param filters which events (page size and cursor ignored)
     * @param covering a checkpoint at (or after) the newest event to export, as {@link AuditStore#checkpoint} gives it
     * @param exportedBy who asked for the export (recorded in the manifest)
     * @param exportedAt when
     * @param out where the ZIP goes (not closed)
     * @return what was exported
     * @throws UncheckedIOException if writing fails (for instance, the client went away)
     */
    public static ExportSummary write(AuditStore store, AuditQuery filters, AuditCheckpoint covering,
                                      String exportedBy, Instant exportedAt, OutputStream out) {
        Objects.requireNonNull(covering, "covering");
        Path csvSpool = null;
        try {
            csvSpool = Files.createTempFile("userdesk-export", ".csv");
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            // fastest compression: the bundle is text and still shrinks ~3x, while the default level made deflate
            // the bottleneck of large exports
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            Map<String, Object> files = new TreeMap<>();

            zip.putNextEntry(new ZipEntry(ExportFormat.EVENTS_JSONL));
            MessageDigest jsonDigest = sha256();
            NonClosing jsonCount = new NonClosing(zip);
            MessageDigest csvDigest = sha256();
            CRC32 csvCrc = new CRC32();
            long[] range = {Long.MAX_VALUE, 0};
            long[] counts = {0, 0, 0};
            Instant[] times = new Instant[2];
            // UTF-8 by String.getBytes (a copy for ASCII text) rather than an OutputStreamWriter's encoder loop
            try (OutputStream csv = new BufferedOutputStream(new CheckedOutputStream(
                    new DigestOutputStream(Files.newOutputStream(csvSpool), csvDigest), csvCrc), 1 << 16)) {
                csv.write(ExportFormat.csvRecord(ExportFormat.CSV_COLUMNS).getBytes(StandardCharsets.UTF_8));
                // events.jsonl is deflated into the ZIP on a thread of its own, events.csv written on another
                AsyncOutputStream deflating = new AsyncOutputStream(jsonCount, "userdesk-audit-export-deflate");
                boolean written = false;
                try (CsvSpooler csvRecords = new CsvSpooler(csv)) {
                    OutputStream jsonl = new DigestOutputStream(deflating, jsonDigest);
                    store.streamMatching(filters, event -> {
                        if (event.seq() > covering.uptoSeq()) {
                            return;
                        }
                        try {
                            jsonl.write(ExportFormat.jsonLine(event).getBytes(StandardCharsets.UTF_8));
                            jsonl.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        csvRecords.add(event);
                        track(event, range, counts, times);
                    });
                    csvRecords.finish();
                    deflating.close();
                    written = true;
                } finally {
                    if (!written) {
                        deflating.abandon();
                    }
                }
            }
            zip.closeEntry();
            files.put(ExportFormat.EVENTS_JSONL, file(jsonDigest, jsonCount.bytes));

            // stored, not deflated: the CSV repeats what events.jsonl holds, and deflating both was half of an
            // export's time (the bundle is larger by roughly the CSV's compressed size)
            long csvBytes = Files.size(csvSpool);
            ZipEntry csvEntry = new ZipEntry(ExportFormat.EVENTS_CSV);
            csvEntry.setMethod(ZipEntry.STORED);
            csvEntry.setSize(csvBytes);
            csvEntry.setCompressedSize(csvBytes);
            csvEntry.setCrc(csvCrc.getValue());
            zip.putNextEntry(csvEntry);
            try (InputStream spooled = Files.newInputStream(csvSpool)) {
                spooled.transferTo(zip);
            }
            zip.closeEntry();
            files.put(ExportFormat.EVENTS_CSV, file(csvDigest, csvBytes));

            zip.putNextEntry(new ZipEntry(ExportFormat.CHAIN_CSV));
            MessageDigest chainDigest = sha256();
            long[] chainBytes = {0};
            AsyncOutputStream chainDeflating = new AsyncOutputStream(new NonClosing(zip),
                    "userdesk-audit-export-deflate");
            boolean chainWritten = false;
            try {
                OutputStream chain = new DigestOutputStream(chainDeflating, chainDigest);
                byte[] chainHeader = ExportFormat.csvRecord(List.of("seq", "eventId", "prevHash", "hash"))
                        .getBytes(StandardCharsets.UTF_8);
                chain.write(chainHeader);
                chainBytes[0] += chainHeader.length;
                long chainFrom = counts[0] == 0 ? covering.uptoSeq() : range[0];
                store.streamLinks(chainFrom, covering.uptoSeq(), link -> {
                    try {
                        byte[] line = (link.seq() + "," + link.eventId() + "," + link.prevHash() + ","
                                + link.hash() + "\r\n").getBytes(StandardCharsets.UTF_8);
                        chain.write(line);
                        chainBytes[0] += line.length;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                chainDeflating.close();
                chainWritten = true;
            } finally {
                if (!chainWritten) {
                    chainDeflating.abandon();
                }
            }
            zip.closeEntry();
            files.put(ExportFormat.CHAIN_CSV, file(chainDigest, chainBytes[0]));

            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", ExportFormat.FORMAT);
            manifest.put("exportedAt", AuditHashing.formatOccurredAt(exportedAt));
            manifest.put("exportedBy", exportedBy);
            manifest.put("filters", filters.filters());
            Map<String, Object> rangeJson = new LinkedHashMap<>();
            rangeJson.put("eventCount", counts[0]);
            rangeJson.put("firstSeq", counts[0] == 0 ? null : range[0]);
            rangeJson.put("lastSeq", counts[0] == 0 ? null : range[1]);
            rangeJson.put("firstOccurredAt", times[0] == null ? null : AuditHashing.formatOccurredAt(times[0]));
            rangeJson.put("lastOccurredAt", times[1] == null ? null : AuditHashing.formatOccurredAt(times[1]));
            manifest.put("range", rangeJson);
            manifest.put("files", files);
            manifest.put("checkpoint", checkpointJson(covering));
            manifest.put("publicKey", covering.publicKey());
            manifest.put("publicKeyPem", "-----BEGIN PUBLIC KEY-----\n" + covering.publicKey()
                    + "\n-----END PUBLIC KEY-----\n");
            zip.putNextEntry(new ZipEntry(ExportFormat.MANIFEST));
            zip.write(CanonicalJson.write(manifest).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            zip.flush();
            return new ExportSummary(counts[0], counts[0] == 0 ? null : range[0], counts[0] == 0 ? null : range[1],
                    covering.uptoSeq());
        } catch (IOException e) {
            throw new UncheckedIOException("The audit export could not be written", e);
        } finally {
            if (csvSpool != null) {
                try {
                    Files.deleteIfExists(csvSpool);
                } catch (IOException e) {
                    // a temp file left behind holds no secret and is removed with the temp directory
                }
            }
        }
    }

    static Map<String, Object> checkpointJson(AuditCheckpoint checkpoint) {
        Map<String, Object> json = new TreeMap<>();
        json.put("checkpointNo", checkpoint.checkpointNo());
        json.put("uptoSeq", checkpoint.uptoSeq());
        json.put("headHash", checkpoint.headHash());
        json.put("createdAt", AuditHashing.formatOccurredAt(checkpoint.createdAt()));
        json.put("algorithm", checkpoint.algorithm());
        json.put("keyId", checkpoint.keyId());
        json.put("signature", checkpoint.signature());
        return json;
    }

    private static void track(AuditEvent event, long[] range, long[] counts, Instant[] times) {
        counts[0]++;
        if (event.seq() < range[0]) {
            range[0] = event.seq();
            times[0] = event.occurredAt();
        }
        if (event.seq() > range[1]) {
            range[1] = event.seq();
            times[1] = event.occurredAt();
        }
    }

    private static Map<String, Object> file(MessageDigest digest, long bytes) {
        Map<String, Object> file = new TreeMap<>();
        file.put("sha256", HexFormat.of().formatHex(digest.digest()));
        file.put("bytes", bytes);
        return file;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** Lets a writer be flushed into a ZIP entry without closing the ZIP. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        long bytes;

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
