package io.userdesk.web.view;

import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.client.PartnerCenterGateway;
import io.userdesk.web.directory.CustomerDirectory;
import io.userdesk.web.directory.Page;
import io.userdesk.web.directory.UserOrder;
import io.userdesk.web.i18n.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import jakarta.faces.model.SelectItem;

/**
 * A customer's users: search as you type by display name or user principal name, sorted by Partner Center (display
 * name or UPN, either direction), paged by its continuation tokens. Opening a customer here records it among the
 * staff member's recent customers.
 */
@Named
@ViewScoped
public class UsersBacking extends CustomerUserList<CustomerUser> {
    private static final long serialVersionUID = 1L;

    private UserOrder order = UserOrder.DEFAULT;

    public void orderChanged() {
        firstPage();
    }

    @Override
    protected Page<CustomerUser> fetch(String cursor) {
        return directory.findUsers(PartnerCenterGateway.newId(), customerId, search, order, PAGE_SIZE, cursor);
    }

    public List<CustomerUser> getUsers() { return items(); }
    public String getOrder() { return order.name(); }
    public void setOrder(String order) { this.order = UserOrder.parse(order); }

    /** The orders offered, labelled in the viewer's language. */
    public List<SelectItem> getOrders() {
        return java.util.Arrays.stream(UserOrder.values())
                .map(o -> new SelectItem(o.name(), Texts.get("userSort." + o.name())))
                .toList();
    }
}
