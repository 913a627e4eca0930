package io.userdesk.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a result set on one thread and hands its rows, in order and in batches, to the consumer on the calling thread.
 *
 * <p>Why: streaming the trail (verify, export) through a server-side cursor otherwise alternates between waiting for
 * PostgreSQL to send the next batch of rows and hashing or formatting the last one, with one side idle each time.
 * With a reader thread, PostgreSQL produces and the driver decodes the next rows while the caller works on the
 * previous ones. The caller keeps its own thread (and so its container context, its output stream and its exceptions);
 * only {@link ResultSet#next()} and the row decoding move. The queue is bounded, so a slow consumer slows the reader
 * instead of filling the memory. Not for result sets that the caller touches itself meanwhile.
 */
final class RowPipeline {

    /** Rows per hand-over: large enough to make the queue's cost negligible, small enough to start at once. */
    static final int BATCH_SIZE = 512;

    /** Batches in flight between the two threads. */
    private static final int QUEUE_CAPACITY = 8;

    private static final List<Object> END = List.of();

    private RowPipeline() {
    }

    /** Reads one row into a value (on the reader thread). */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * @param rows an open result set positioned before its first row (not closed here)
     * @param reader decodes the current row
     * @param consumer receives every row, in order, on the calling thread
     * @return how many rows the consumer received
     * @throws SQLException if reading failed (the rows before the failure were consumed)
     * @throws RuntimeException whatever the consumer threw; the reader is stopped first
     */
    @SuppressWarnings("unchecked")
    static <T> long drain(ResultSet rows, RowReader<T> reader, Consumer<T> consumer) throws SQLException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        Reader<T> task = new Reader<>(rows, reader, queue);
        Thread thread = new Thread(task, "userdesk-audit-row-reader");
        thread.setDaemon(true);
        thread.start();
        long count = 0;
        boolean completed = false;
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) {
                    completed = true;
                    return count;
                }
                if (next instanceof SQLException failure) {
                    completed = true;
                    throw failure;
                }
                if (next instanceof RuntimeException failure) {
                    completed = true;
                    throw failure;
                }
                for (T row : (List<T>) next) {
                    consumer.accept(row);
                    count++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading the audit trail", "57014", e);
        } finally {
            if (!completed) {
                task.stop();
                thread.interrupt();
            }
            Threads.awaitEnd(thread);
        }
    }


    private static final class Reader<T> implements Runnable {
        private final ResultSet rows;
        private final RowReader<T> reader;
        private final BlockingQueue<Object> queue;
        private volatile boolean stopped;

        Reader(ResultSet rows, RowReader<T> reader, BlockingQueue<Object> queue) {
            this.rows = rows;
            this.reader = reader;
            this.queue = queue;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            try {
                List<T> batch = new ArrayList<>(BATCH_SIZE);
                while (!stopped && rows.next()) {
                    batch.add(reader.read(rows));
                    if (batch.size() == BATCH_SIZE) {
                        hand(batch);
                        batch = new ArrayList<>(BATCH_SIZE);
                    }
                }
                if (!batch.isEmpty()) {
                    hand(batch);
                }
                hand(END);
            } catch (SQLException | RuntimeException e) {
                handQuietly(e);
            } catch (InterruptedException e) {
                // the consumer gave up: nobody waits for more
            }
        }

        private void hand(Object item) throws InterruptedException {
            while (!stopped) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            throw new InterruptedException("stopped");
        }

        private void handQuietly(Exception failure) {
            try {
                hand(failure);
            } catch (InterruptedException stopped) {
                // the consumer gave up: nobody waits for the failure
            }
        }
    }
}
