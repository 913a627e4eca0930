package io.userdesk.api.model;

/** The {@code links} object of a resource or collection: {@code self}, and for collections {@code next}/{@code previous}. */
public class ResourceLinks {
    private Link self;
    private Link next;
    private Link previous;

    public ResourceLinks() {
    }

    public ResourceLinks(Link self) {
        this.self = self;
    }

    public Link getSelf() { return self; }
    public void setSelf(Link self) { this.self = self; }
    public Link getNext() { return next; }
    public void setNext(Link next) { this.next = next; }
    public Link getPrevious() { return previous; }
    public void setPrevious(Link previous) { this.previous = previous; }
}
