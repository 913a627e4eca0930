package io.userdesk.emulator.http;

import io.userdesk.api.model.CustomerUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code MS-RequestId} as the idempotency key the documentation makes it (reference §1.1): a PATCH whose request id
 * was already applied is not applied again; the first result is answered instead. That is what makes a client's retry
 * after a timeout, with the same request id, safe. The last {@value #CAPACITY} request ids are remembered.
 */
@ApplicationScoped
public class IdempotentUpdates {
    static final int CAPACITY = 1_000;

    private final Map<String, CustomerUser> resultByRequestId = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CustomerUser> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Applies {@code update} once per request id; a request without an id is always applied. */
    public synchronized CustomerUser apply(String requestId, Supplier<CustomerUser> update) {
        if (requestId == null || requestId.isBlank()) {
            return update.get();
        }
        CustomerUser earlier = resultByRequestId.get(requestId);
        if (earlier != null) {
            return earlier;
        }
        CustomerUser result = update.get();
        resultByRequestId.put(requestId, result);
        return result;
    }

    public synchronized void clear() {
        resultByRequestId.clear();
    }
}
