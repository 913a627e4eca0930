package io.userdesk.web.view;

import io.userdesk.api.model.Customer;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The customers this staff member opened most recently in this session, newest first, so the customers page can offer
 * a one-click way back (agents switch between a handful of tenants all day). Held in the session only: it disappears
 * at sign-out and is never shared between staff members.
 */
@Named
@SessionScoped
public class RecentCustomers implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int MAX = 5;

    private final List<RecentCustomer> recent = new ArrayList<>();

    /** Moves the customer to the front (adding it when new), keeping at most {@link #MAX}. */
    public synchronized void opened(Customer customer) {
        if (customer == null || customer.getId() == null) {
            return;
        }
        recent.removeIf(c -> c.getId().equalsIgnoreCase(customer.getId()));
        recent.add(0, new RecentCustomer(customer.getId(), customer.companyName()));
        while (recent.size() > MAX) {
            recent.remove(recent.size() - 1);
        }
    }

    public synchronized List<RecentCustomer> getCustomers() {
        return List.copyOf(recent);
    }

    public synchronized boolean isEmpty() {
        return recent.isEmpty();
    }

    /** One recent customer as the page shows it; a class with getters because Faces EL cannot read records. */
    public static final class RecentCustomer implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String name;

        RecentCustomer(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public String getId() { return id; }
        public String getName() { return name; }
    }
}
