package io.userdesk.audit.export;

/**
 * What an export contained: for the response headers, the audit record of the export and the benchmark.
 *
 * @param eventCount how many events were exported
 * @param firstSeq the first exported seq, or null when none matched
 * @param lastSeq the last exported seq, or null when none matched
 * @param checkpointUptoSeq the seq of the covering signed checkpoint
 */
public record ExportSummary(long eventCount, Long firstSeq, Long lastSeq, long checkpointUptoSeq) {
}
