package io.userdesk.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second launcher off a {@code USERDESK_HOME} that is in use: it would wipe the running Payara's runtime
 * directory. An OS file lock on {@code $USERDESK_HOME/launcher.lock}, held while the launcher runs; the OS releases it
 * when the process ends, even on {@code kill -9}, so there is never a stale lock to clean up.
 */
final class HomeLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static HomeLock acquire(Path home) throws LauncherException {
        Path lockFile = home.resolve("launcher.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new HomeLock(channel, lock);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // reported below
        }
        closeQuietly(channel);
        throw new LauncherException(LauncherException.CONFIGURATION, "UserDesk cannot start: another UserDesk is "
                + "already running with " + LauncherSettings.HOME + "=" + home + ". Stop it, or give this one its own "
                + LauncherSettings.HOME + ".");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it as well
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
