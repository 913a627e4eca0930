package io.userdesk.audit.export;

import io.userdesk.audit.Threads;

import io.userdesk.audit.AuditEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Formats and writes the events.csv records of an export on a thread of its own, while the exporting thread formats,
 * hashes events.jsonl.
 *
 * <p>Why: an export writes every event twice; done on one thread, the two formats, their UTF-8 encoding and their
 * digests added up to most of an export's time. The events arrive in batches through a bounded queue, so the CSV
 * keeps the order of the JSON lines and a slow disk slows the export instead of filling the memory. Not thread-safe:
 * one exporting thread calls {@link #add}, {@link #finish} and {@link #close}.
 */
final class CsvSpooler implements AutoCloseable {

    private static final int BATCH_SIZE = 256;
    private static final List<AuditEvent> END = List.of();

    private final BlockingQueue<List<AuditEvent>> queue = new ArrayBlockingQueue<>(8);
    private final OutputStream csv;
    private final Thread thread;
    private volatile Exception failure;
    private List<AuditEvent> batch = new ArrayList<>(BATCH_SIZE);
    private boolean finished;

    /** @param csv where the records go (the header is already written); written only by the spooler's thread now */
    CsvSpooler(OutputStream csv) {
        this.csv = csv;
        this.thread = new Thread(this::run, "userdesk-audit-export-csv");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues one event's record. */
    void add(AuditEvent event) {
        batch.add(event);
        if (batch.size() == BATCH_SIZE) {
            hand(batch);
            batch = new ArrayList<>(BATCH_SIZE);
        }
    }

    /**
     * Writes the rest, flushes and waits for the thread.
     *
     * @throws IOException if writing a record failed
     */
    void finish() throws IOException {
        if (!batch.isEmpty()) {
            hand(batch);
        }
        hand(END);
        Threads.awaitEnd(thread);
        finished = true;
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        csv.flush();
    }

    /** Stops the thread if the export ended early (nothing more is written then). */
    @Override
    public void close() {
        if (!finished) {
            thread.interrupt();
            Threads.awaitEnd(thread);
        }
    }

    private void hand(List<AuditEvent> events) {
        try {
            while (!queue.offer(events, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
            rethrowFailure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("export interrupted"));
        }
    }

    private void rethrowFailure() {
        Exception failed = failure;
        if (failed instanceof IOException e) {
            throw new UncheckedIOException(e);
        }
        if (failed instanceof RuntimeException e) {
            throw e;
        }
    }


    private void run() {
        try {
            while (true) {
                List<AuditEvent> events = queue.take();
                if (events == END) {
                    return;
                }
                for (AuditEvent event : events) {
                    csv.write(ExportFormat.csvLine(event).getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        } catch (InterruptedException e) {
            // the export ended early: nobody waits for the rest
        }
    }
}
