package io.userdesk.web.edit;

import java.util.List;

/** Who is acting and from where, as the audit records it. */
public record Actor(String id, String displayName, List<String> roles, String clientIp, String userAgent) {
}
