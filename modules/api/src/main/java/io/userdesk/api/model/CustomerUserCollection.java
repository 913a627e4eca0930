package io.userdesk.api.model;

/** A page of {@link CustomerUser}s. */
public class CustomerUserCollection extends ResourceCollection<CustomerUser> {
}
