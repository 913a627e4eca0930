package io.userdesk.web.view;

import io.userdesk.api.model.Customer;
import io.userdesk.client.PartnerCenterGateway;
import io.userdesk.web.directory.CustomerDirectory;
import io.userdesk.web.directory.Page;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The customers page: search by company name or domain, page through Partner Center's list. */
@Named
@ViewScoped
public class CustomersBacking extends CursorPagedList<Customer> {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    @Inject
    transient CustomerDirectory directory;

    private String search;
    private boolean loaded;

    public void load() {
        if (!loaded) {
            loaded = true;
            firstPage();
        }
    }

    public void searchChanged() {
        firstPage();
    }

    @Override
    protected Page<Customer> fetch(String cursor) {
        return directory.findCustomers(PartnerCenterGateway.newId(), search, PAGE_SIZE, cursor);
    }

    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public List<Customer> getCustomers() { return items(); }
}
