package io.userdesk.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Payara Micro's console output while it starts, because its own "ready" line cannot be trusted alone.
 *
 * <p>A failed deployment does not stop Payara Micro: it logs SEVERE records ("Exception while loading the app",
 * "Exception during lifecycle processing", logger {@code ...deployment.common}) and still prints
 * {@code Payara Micro ... ready in ...}; the portal at {@code /} may even answer while the emulator failed. So the
 * launcher waits for the ready line (printed after every deployment was attempted) and checks that no SEVERE record
 * about deployment came before it. A record is its header line plus the first two lines of its message, since
 * Payara often puts the message on the line after {@code [[}. One watcher per stream; lines are fed in order.
 */
final class PayaraLogWatcher {

    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern RECORD_HEADER = Pattern.compile("^\\[\\d{4}-\\d{2}-\\d{2}T");
    private static final Pattern READY_LINE = Pattern.compile("Payara Micro .* ready in ");
    private static final List<String> DEPLOYMENT_FAILURE_MARKS = List.of(
            "deploy", "exception while loading the app", "exception during lifecycle processing");
    private static final int MESSAGE_LINES_KEPT = 2;
    private static final int SUMMARY_LENGTH = 400;

    private List<String> severeRecord;
    private volatile String deploymentFailure;
    private volatile boolean ready;

    /** Feeds one line of output (with or without Payara's colour codes). */
    synchronized void accept(String rawLine) {
        String line = ANSI_ESCAPE.matcher(rawLine).replaceAll("");
        boolean header = RECORD_HEADER.matcher(line).find();
        if (header || line.startsWith("\tat ")) {
            finishRecord();
        } else if (severeRecord != null) {
            if (!line.isBlank() && !line.strip().equals("]]")) {
                severeRecord.add(line.strip());
            }
            if (severeRecord.size() > MESSAGE_LINES_KEPT) {
                finishRecord();
            }
        }
        if (header && line.contains("SEVERE")) {
            severeRecord = new ArrayList<>();
            severeRecord.add(line.strip());
        }
        if (READY_LINE.matcher(line).find()) {
            ready = true;
        }
    }

    /** Call at the end of the stream, so a SEVERE record that was the last output is still judged. */
    synchronized void endOfStream() {
        finishRecord();
    }

    /** True once Payara Micro has printed its "ready in" line. */
    boolean sawReadyLine() {
        return ready;
    }

    /** The first SEVERE record about a deployment, summarised on one line. */
    Optional<String> deploymentFailure() {
        return Optional.ofNullable(deploymentFailure);
    }

    private void finishRecord() {
        if (severeRecord == null) {
            return;
        }
        String text = String.join(" ", severeRecord).toLowerCase(Locale.ROOT);
        boolean aboutDeployment = DEPLOYMENT_FAILURE_MARKS.stream().anyMatch(text::contains);
        if (aboutDeployment && deploymentFailure == null) {
            deploymentFailure = summarise(severeRecord);
        }
        severeRecord = null;
    }

    /** The message lines if there are any (the header is mostly timestamps and thread names), else the header. */
    private static String summarise(List<String> record) {
        String header = record.get(0);
        String text = record.size() > 1
                ? String.join(" | ", record.subList(1, record.size()))
                : header.substring(header.lastIndexOf(']') + 1).strip();
        if (text.isEmpty() || text.equals("[[")) {
            text = header;
        }
        if (text.length() <= SUMMARY_LENGTH) {
            return text;
        }
        // the innermost cause sits at the end of a chained exception message: keep both ends
        int head = SUMMARY_LENGTH / 3;
        return text.substring(0, head) + " ... " + text.substring(text.length() - (SUMMARY_LENGTH - head));
    }
}
