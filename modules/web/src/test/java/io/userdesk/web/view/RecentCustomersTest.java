package io.userdesk.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerCompanyProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentCustomersTest {

    private static Customer customer(String id, String name) {
        Customer customer = new Customer();
        customer.setId(id);
        CustomerCompanyProfile profile = new CustomerCompanyProfile();
        profile.setCompanyName(name);
        customer.setCompanyProfile(profile);
        return customer;
    }

    private static List<String> names(RecentCustomers recent) {
        return recent.getCustomers().stream().map(RecentCustomers.RecentCustomer::getName).toList();
    }

    @Test
    void newestFirstWithoutDuplicatesAndAtMostFive() {
        RecentCustomers recent = new RecentCustomers();
        assertTrue(recent.isEmpty());
        for (int i = 1; i <= 6; i++) {
            recent.opened(customer("id-" + i, "Customer " + i));
        }
        assertEquals(List.of("Customer 6", "Customer 5", "Customer 4", "Customer 3", "Customer 2"), names(recent));
        recent.opened(customer("ID-4", "Customer 4"));
        assertEquals(List.of("Customer 4", "Customer 6", "Customer 5", "Customer 3", "Customer 2"), names(recent),
                "reopening moves a customer to the front (ids compare without case)");
        recent.opened(null);
        assertEquals(5, recent.getCustomers().size());
    }
}
