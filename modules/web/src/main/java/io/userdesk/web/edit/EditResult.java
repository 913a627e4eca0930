package io.userdesk.web.edit;

import io.userdesk.api.model.CustomerUser;
import java.util.List;

/** A change Partner Center accepted: the user as it returned it (password removed), what changed, and the ids to quote. */
public record EditResult(CustomerUser user, List<FieldChange> changes, String correlationId, String requestId) {
    // getters for Faces pages (Expression Language 5 does not read record accessors)
    public CustomerUser getUser() { return user; }
    public List<FieldChange> getChanges() { return changes; }
    public String getCorrelationId() { return correlationId; }
    public String getRequestId() { return requestId; }
}
