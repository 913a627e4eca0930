package io.userdesk.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A page of resources: {@code totalCount} (the number of items in this page, as in every documented example),
 * {@code items}, {@code links} ({@code next} carries the {@code MS-ContinuationToken} header) and the seek-based
 * {@code continuationToken}. Concrete subclasses exist so JSON-B knows the item type without generic tricks.
 */
public abstract class ResourceCollection<T> {
    public static final String OBJECT_TYPE = "Collection";

    private int totalCount;
    private List<T> items = new ArrayList<>();
    private ResourceLinks links;
    private String continuationToken;
    private ResourceAttributes attributes;

    /** The continuation token for the next page, from {@code links.next}'s header or the body property. */
    public Optional<String> nextContinuationToken() {
        if (links != null && links.getNext() != null) {
            Optional<String> fromHeader = links.getNext().header(PartnerCenterHeadersHolder.CONTINUATION_TOKEN);
            if (fromHeader.isPresent()) {
                return fromHeader;
            }
            return Optional.ofNullable(continuationToken);
        }
        return Optional.empty();
    }

    public int getTotalCount() { return totalCount; }
    public void setTotalCount(int totalCount) { this.totalCount = totalCount; }
    public List<T> getItems() { return items; }
    public void setItems(List<T> items) { this.items = items == null ? new ArrayList<>() : items; }
    public ResourceLinks getLinks() { return links; }
    public void setLinks(ResourceLinks links) { this.links = links; }
    public String getContinuationToken() { return continuationToken; }
    public void setContinuationToken(String continuationToken) { this.continuationToken = continuationToken; }
    public ResourceAttributes getAttributes() { return attributes; }
    public void setAttributes(ResourceAttributes attributes) { this.attributes = attributes; }

    /** Kept here so the model package does not depend on the rest package. */
    static final class PartnerCenterHeadersHolder {
        static final String CONTINUATION_TOKEN = "MS-ContinuationToken";

        private PartnerCenterHeadersHolder() {
        }
    }
}
