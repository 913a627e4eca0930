package io.userdesk.audit;

/**
 * The audit trail cannot be written or read because the database failed.
 *
 * <p>Unchecked on purpose: callers must not swallow it. A change that cannot be audited must not be made, so the web
 * layer lets this exception abort the request ("fail closed"). The message never carries parameter values or
 * credentials; the {@link java.sql.SQLException} is kept as the cause for the server log.
 */
public class AuditUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be done, safe to show to an operator
     * @param cause the underlying database failure
     */
    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
