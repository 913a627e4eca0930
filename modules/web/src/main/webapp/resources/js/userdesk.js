/*
 * UserDesk's page script (a file, because the Content-Security-Policy forbids inline scripts).
 * Reports the browser's time zone to the server in a cookie, so dates and times are shown in the viewer's zone;
 * the server falls back to UTC until it is known. Stored times stay UTC.
 */
(function () {
    "use strict";
    var zone;
    try {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
        zone = null;
    }
    if (!zone || !/^[A-Za-z0-9_+\-\/]{1,64}$/.test(zone)) {
        return;
    }
    var path = (window.PrimeFaces && PrimeFaces.settings && PrimeFaces.settings.contextPath) || "/";
    var current = document.cookie.split("; ").filter(function (c) { return c.indexOf("userdesk.tz=") === 0; })[0];
    if (current !== "userdesk.tz=" + zone) {
        document.cookie = "userdesk.tz=" + zone + "; path=" + path + "; max-age=31536000; SameSite=Lax"
            + (location.protocol === "https:" ? "; Secure" : "");
    }
}());
