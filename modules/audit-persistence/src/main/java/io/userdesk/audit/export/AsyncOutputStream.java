package io.userdesk.audit.export;

import io.userdesk.audit.Threads;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A buffered output stream whose writes to the target happen on a thread of its own: the export's events.jsonl is
 * deflated into the ZIP there while the exporting thread formats and hashes the next events.
 *
 * <p>Why: deflating the JSON lines was the largest single cost of an export, and it only needs the bytes, in order.
 * Buffers of 64 KiB go through a bounded queue (a slow client slows the export, the memory stays bounded); {@link #flush}
 * returns once everything written so far reached the target; a failure of the target (the client went away) comes
 * back from the next write or flush. Not thread-safe: one thread writes.
 */
final class AsyncOutputStream extends OutputStream {

    private static final int BUFFER_SIZE = 1 << 16;
    private static final byte[] FLUSH = new byte[0];
    private static final byte[] END = new byte[0];

    private final OutputStream target;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(8);
    private final Semaphore flushed = new Semaphore(0);
    private final Thread thread;
    private volatile IOException failure;
    private byte[] buffer = new byte[BUFFER_SIZE];
    private int used;
    private boolean closed;

    /** @param target receives every byte, in order, on the stream's own thread (not closed by {@link #close}) */
    AsyncOutputStream(OutputStream target, String threadName) {
        this.target = target;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void write(int b) throws IOException {
        if (used == buffer.length) {
            handOver();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int n = Math.min(length, buffer.length - used);
            System.arraycopy(bytes, offset, buffer, used, n);
            used += n;
            offset += n;
            length -= n;
            if (used == buffer.length) {
                handOver();
            }
        }
    }

    /** Returns once every byte written so far has been written to (and flushed on) the target. */
    @Override
    public void flush() throws IOException {
        handOver();
        put(FLUSH);
        try {
            while (!flushed.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (!thread.isAlive()) {
                    throw new IOException("the writer thread ended");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while flushing");
        }
        throwIfFailed();
    }

    /** Flushes, then ends the thread; the target stays open. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
            put(END);
        } finally {
            Threads.awaitEnd(thread);
        }
    }

    /** Ends the thread without writing what is still queued: the export failed. */
    void abandon() {
        closed = true;
        thread.interrupt();
        Threads.awaitEnd(thread);
    }

    private void handOver() throws IOException {
        if (used > 0) {
            byte[] full = used == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, used);
            put(full);
            buffer = new byte[BUFFER_SIZE];
            used = 0;
        }
    }

    private void put(byte[] item) throws IOException {
        throwIfFailed();
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                throwIfFailed();
                if (!thread.isAlive()) {
                    throw new IOException("the writer thread ended");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    private void throwIfFailed() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            throw new IOException(failed.getMessage(), failed);
        }
    }


    private void run() {
        try {
            while (true) {
                byte[] item = queue.take();
                if (item == END) {
                    return;
                }
                if (item == FLUSH) {
                    if (failure == null) {
                        try {
                            target.flush();
                        } catch (IOException e) {
                            failure = e;
                        }
                    }
                    flushed.release();
                } else if (failure == null) {
                    try {
                        target.write(item);
                    } catch (IOException e) {
                        failure = e;
                    }
                }
            }
        } catch (InterruptedException e) {
            // abandoned
        } catch (RuntimeException e) {
            failure = new IOException(e);
        }
    }
}
