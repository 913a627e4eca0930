package io.userdesk.launcher;

import io.userdesk.audit.ChainVerification;
import io.userdesk.audit.export.BundleVerification;
import io.userdesk.audit.export.ExportBundleVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar userdesk.jar verify EXPORT.zip [--public-key KEY]}: checks an audit export bundle offline, with no
 * database and no network, and exits 0 when it is intact, 1 when it is not, 2 when it cannot be read.
 *
 * <p>Why in the launcher: an auditor already has the jar (or can get it without the portal), and a check that needs
 * nothing but a JDK is one they can run anywhere. The checking itself lives in the audit-persistence module, next to
 * the rules it checks; this class only reads arguments and prints the result.
 */
final class VerifyCommand {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int UNREADABLE = 2;

    private VerifyCommand() {
    }

    static boolean matches(String[] args) {
        return args.length > 0 && "verify".equals(args[0]);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 && !(args.length == 4 && "--public-key".equals(args[2]))) {
            err.println("Usage: java -jar userdesk.jar verify EXPORT.zip [--public-key BASE64-OR-PEM-FILE]");
            return UNREADABLE;
        }
        Path bundle = Path.of(args[1]);
        if (!Files.isRegularFile(bundle)) {
            err.println("No such export file: " + bundle);
            return UNREADABLE;
        }
        try {
            String pinned = args.length == 4 ? publicKey(args[3]) : null;
            BundleVerification result = ExportBundleVerifier.verify(bundle, pinned);
            out.println(result.manifestSummary());
            ChainVerification chain = result.chain();
            if (result.valid()) {
                out.println("VALID: " + chain.eventsChecked() + " chain links checked; every exported event is "
                        + "unchanged and belongs to the signed chain.");
                if (pinned == null) {
                    out.println("(The bundled public key was trusted: compare its key id with the one the portal "
                            + "publishes at /api/audit/public-key, or pass --public-key.)");
                }
                return INTACT;
            }
            out.println("INVALID: first bad event at seq " + chain.firstInvalidSeq()
                    + (chain.firstInvalidEventId() == null ? "" : " (event id " + chain.firstInvalidEventId() + ")")
                    + ": " + chain.reason());
            return BROKEN;
        } catch (IOException e) {
            err.println("The export cannot be checked: " + e.getMessage());
            return UNREADABLE;
        }
    }

    /** A base64 key, or a file holding one (optionally as a PEM block). */
    private static String publicKey(String argument) throws IOException {
        Path file = Path.of(argument);
        String text = Files.isRegularFile(file) ? Files.readString(file) : argument;
        return text.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
    }
}
