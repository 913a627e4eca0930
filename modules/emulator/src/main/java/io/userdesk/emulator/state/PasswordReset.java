package io.userdesk.emulator.state;

import java.time.Instant;

/**
 * What the emulator remembers of a password reset: when it happened and whether the user must choose a new password
 * at next sign-in. The password itself is validated and then forgotten.
 */
public record PasswordReset(Instant resetAt, boolean forceChangePasswordAtNextSignIn) {
}
