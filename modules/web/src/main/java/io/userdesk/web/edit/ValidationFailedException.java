package io.userdesk.web.edit;

import io.userdesk.api.validation.FieldViolation;
import java.util.List;

/** The requested change breaks field rules; nothing was sent to Partner Center, and the rejection was audited. */
public class ValidationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldViolation> violations;
    private final String correlationId;

    public ValidationFailedException(List<FieldViolation> violations, String correlationId) {
        super("The change was not sent: " + violations.size() + " field(s) need correcting.");
        this.violations = List.copyOf(violations);
        this.correlationId = correlationId;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    public String correlationId() {
        return correlationId;
    }
}
