package io.userdesk.api.model;

/** A page of {@link Customer}s. */
public class CustomerCollection extends ResourceCollection<Customer> {
}
