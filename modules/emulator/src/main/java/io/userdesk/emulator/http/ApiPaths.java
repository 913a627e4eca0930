package io.userdesk.emulator.http;

/** Which requests belong to the emulated Partner Center API ({@code /v1/**}) rather than to the admin endpoints. */
final class ApiPaths {
    private ApiPaths() {
    }

    /** @param path the request path relative to the application root, as {@code UriInfo.getPath()} gives it */
    static boolean isPartnerCenterApi(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.equals("v1") || relative.startsWith("v1/");
    }
}
