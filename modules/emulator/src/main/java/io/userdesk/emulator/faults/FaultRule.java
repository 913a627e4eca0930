package io.userdesk.emulator.faults;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One injected fault: which requests it hits ({@code method}, or any when null; {@code path} as a glob over the path
 * from {@code /v1}, where {@code *} is one segment and {@code **} anything) and how many more times ({@code times};
 * null means until cleared). Public fields so JSON-B reads and writes it as the admin endpoint's body.
 */
public class FaultRule {
    public Long id;
    public String method;
    public String path;
    public FaultKind kind;
    public Integer status;
    public Integer retryAfterSeconds;
    public Long delayMs;
    public Integer times;

    boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod))
                && (path == null || globToPattern(path).matcher(requestPath).matches());
    }

    static Pattern globToPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]+");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    /** Why this rule cannot be used, or null when it is complete. */
    String problem() {
        if (kind == null) {
            return "kind is required: one of LATENCY, THROTTLE, ERROR, HANG, DROP, MALFORMED";
        }
        if ((kind == FaultKind.LATENCY || kind == FaultKind.HANG) && (delayMs == null || delayMs < 0)) {
            return "delayMs is required for " + kind.name().toLowerCase(Locale.ROOT);
        }
        if (kind == FaultKind.ERROR && status != null && (status < 400 || status > 599)) {
            return "status must be an HTTP error status (400-599)";
        }
        if (times != null && times < 1) {
            return "times must be at least 1 (omit it for a permanent fault)";
        }
        return null;
    }
}
