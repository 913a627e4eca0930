package io.userdesk.web.it;

import static io.userdesk.web.it.PortalDeployment.CONTOSO;
import static io.userdesk.web.it.PortalDeployment.DANIEL_TSAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.api.validation.CustomerUserRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #6's "finding things" and "editing safely" in a real headless Chromium, in English: find customers by name
 * and by domain, page and sort the 2,400-user Contoso and find a user by a UPN fragment, breadcrumbs and recent
 * customers, edit every field (with inline validation announced at the field), reset a password and see it exactly
 * once, restore a deleted user, the unsaved-changes guard, keyboard-only editing, and the specific message for each
 * Partner Center fault (conflict, throttling, timeout, outage) with its correlation id. Each scenario uses its own
 * users so none steps on another's; the fault scenarios run last (a throttled customer stays throttled for 60 s, and
 * the timeout and outage scenarios open the circuit breaker for 10 s). Screenshots go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditingJourneyIT {
    private static final String FABRIKAM = "4d3cf487-6c7e-4b5a-9d60-2a3b1c0d0002";
    private static final String NORTHWIND = "4d3cf487-6c7e-4b5a-9d60-2a3b1c0d0004";
    private static final String CONSOLIDATED = "4d3cf487-6c7e-4b5a-9d60-2a3b1c0d0005";
    private static final String TAILSPIN = "4d3cf487-6c7e-4b5a-9d60-2a3b1c0d0006";
    private static final String SHU_FEN_CHANG = "48409d26-eac8-312e-8edb-58aef0dc3ecb";
    private static final String YI_CHUN_CHEN = "2d1f1f94-982a-30bb-b331-01efb6837577";
    private static final String CALLUM_HILL = "0fcabfa8-af57-3ebe-b6de-84b71f9b15ff";
    private static final String CAROLYN_BAILEY = "77d36c98-7a98-38ab-8903-ef923f209fb5";
    private static final String AKIRA_TAKAHASHI = "3c02e563-2639-3dcc-9f25-a95623079fcf";
    private static final String LENA_WEBER = "c9c3b5b5-3f6e-3af6-aa8e-fe90cc2a5a36";
    private static final String PATCH_GLOB = "/v1/customers/*/users/*";
    private static final Pattern CORRELATION = Pattern.compile(
            "Correlation id: ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.portal();
    }

    @AfterEach
    void clearFaults() {
        Http.send("DELETE", "/partner-center/_emulator/faults", null, null, null);
    }

    @Test
    @Order(1)
    void findCustomersByNameAndDomainPageAndSortTheLargeCustomerAndFindAUserByUpnFragment() {
        run("finding", browser -> {
            browser.open("/");
            signIn(browser, "agent");
            browser.find("#customersForm\\:search");

            browser.type("#customersForm\\:search", "ontos");
            browser.waitForTextGone("#customersForm\\:customers", "Fabrikam Inc");
            assertTrue(browser.text("#customersForm\\:customers").contains("Contoso Ltd"), "found by part of its name");
            browser.type("#customersForm\\:search", "fabrikam.com");
            browser.waitForText("#customersForm\\:customers", "Fabrikam Inc");
            browser.waitForTextGone("#customersForm\\:customers", "Contoso Ltd");
            browser.screenshot("editing-01-customer-by-domain");
            browser.type("#customersForm\\:search", "northwindtraders.co");
            browser.waitForText("#customersForm\\:customers", "Northwind Traders");
            browser.waitForTextGone("#customersForm\\:customers", "Fabrikam Inc");

            browser.type("#customersForm\\:search", "contoso");
            browser.waitForText("#customersForm\\:customers", "Contoso Ltd");
            browser.clickLink("Contoso Ltd");
            browser.find("#usersForm\\:users");
            String breadcrumbs = browser.text(".ud-breadcrumbs");
            assertTrue(breadcrumbs.contains("Customers") && breadcrumbs.contains("Contoso Ltd"), breadcrumbs);

            // paging follows Partner Center's continuation tokens: every page is different, Previous goes back
            List<String> first = upns(browser);
            assertEquals(25, first.size());
            browser.click("#usersForm\\:next");
            browser.waitForText("#usersForm\\:results", "Page 2");
            List<String> second = upns(browser);
            browser.click("#usersForm\\:next");
            browser.waitForText("#usersForm\\:results", "Page 3");
            List<String> third = upns(browser);
            assertTrue(second.stream().noneMatch(first::contains) && third.stream().noneMatch(second::contains),
                    "each page shows other users");
            browser.click("#usersForm\\:previous");
            browser.waitForText("#usersForm\\:results", "Page 2");
            assertEquals(second, upns(browser));
            browser.screenshot("editing-02-users-page-2");

            // sorted by Partner Center, so the order holds across pages
            choose(browser, "usersForm\\:sort", "User principal name (A–Z)");
            browser.waitForText("#usersForm\\:results", "Page 1");
            List<String> sorted = upns(browser);
            assertEquals(sorted.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), sorted, "ascending by UPN");
            browser.click("#usersForm\\:next");
            browser.waitForText("#usersForm\\:results", "Page 2");
            List<String> sortedNext = upns(browser);
            assertTrue(String.CASE_INSENSITIVE_ORDER.compare(sorted.get(sorted.size() - 1), sortedNext.get(0)) <= 0,
                    "page 2 continues where page 1 ended");
            choose(browser, "usersForm\\:sort", "Display name (Z–A)");
            browser.waitForText("#usersForm\\:results", "Page 1");
            List<String> names = column(browser, 1);
            assertEquals(names.stream().sorted(String.CASE_INSENSITIVE_ORDER.reversed()).toList(), names,
                    "descending by display name");
            browser.screenshot("editing-03-users-sorted");

            // search-as-you-type by a fragment of the UPN only (not of the display name)
            browser.type("#usersForm\\:search", "chang@contoso.com.t");
            browser.waitForText("#usersForm\\:users", "shu-fen.chang@contoso.com.tw");
            assertTrue(upns(browser).stream().allMatch(u -> u.contains("chang@contoso.com.t")), upns(browser).toString());
            browser.clickLink("Shu-Fen Chang");
            browser.find("#editForm\\:displayName");
            String editCrumbs = browser.text(".ud-breadcrumbs");
            assertTrue(editCrumbs.contains("Customers") && editCrumbs.contains("Contoso Ltd")
                    && editCrumbs.contains("Shu-Fen Chang"), editCrumbs);

            // recent customers: one click back to Contoso from the customers page
            browser.open("/customers/users.xhtml?customer=" + NORTHWIND);
            browser.open("/customers/index.xhtml");
            String recent = browser.text("#recentCustomers");
            assertTrue(recent.indexOf("Northwind Traders") < recent.indexOf("Contoso Ltd") && recent.contains("Contoso"),
                    "newest first: " + recent);
            browser.screenshot("editing-04-recent-customers");
            browser.driver().findElement(By.cssSelector("#recentCustomers")).findElement(By.linkText("Contoso Ltd")).click();
            browser.waitForPage();
            browser.waitForText(".ud-title", "Contoso Ltd");

            browser.click("#sessionForm\\:signOut");
            assertTrue(browser.driver().getCurrentUrl().contains("/signin.xhtml"), "signed out");
            browser.open("/customers/index.xhtml");
            assertTrue(browser.driver().getCurrentUrl().contains("/signin.xhtml"), "after sign-out the pages need a sign-in");
        });
    }

    @Test
    @Order(2)
    void everyFieldIsEditedWithInlineValidationAnnouncedAtTheField() throws Exception {
        run("every-field", browser -> {
            signIn(browser, "agent");
            openEdit(browser, CONTOSO, SHU_FEN_CHANG);

            // inline: the server's rules, at the field, as soon as the field is left
            browser.type("#editForm\\:upnAlias", "shu fen");
            browser.find("#editForm\\:upnAlias").sendKeys(Keys.TAB);
            browser.waitForText("#editForm\\:upnAliasMessage", "may only use A-Z, a-z, 0-9");
            WebElement live = browser.driver().findElement(By.id("upnAliasLive"));
            assertEquals("polite", live.getAttribute("aria-live"), "announced to screen readers");
            assertTrue(live.getText().contains("may only use"), live.getText());
            browser.type("#editForm\\:displayName", " ");
            browser.find("#editForm\\:displayName").sendKeys(Keys.TAB);
            browser.waitForText("#editForm\\:displayNameMessage", "Display name cannot be empty.");
            browser.screenshot("editing-05-inline-validation");

            browser.type("#editForm\\:displayName", "Shu-Fen Chang (Hsinchu)");
            browser.find("#editForm\\:displayName").sendKeys(Keys.TAB);
            browser.waitForTextGone("#editForm\\:displayNameMessage", "cannot be empty");
            browser.type("#editForm\\:firstName", "Shufen");
            browser.type("#editForm\\:lastName", "Chang-Lin");
            browser.type("#editForm\\:upnAlias", "shufen.chang");
            browser.find("#editForm\\:upnAlias").sendKeys(Keys.TAB);
            browser.waitForTextGone("#editForm\\:upnAliasMessage", "may only use");
            choose(browser, "editForm\\:upnDomain", "contoso.com");
            chooseFiltered(browser, "editForm\\:usageLocation", "Japa", "Japan (JP)");
            browser.type("#editForm\\:reason", "TICKET-4711");
            browser.click("#editForm\\:review");
            browser.waitForText("#confirmForm\\:pendingChanges", "shufen.chang@contoso.com");
            String pending = browser.text("#confirmForm\\:pendingChanges");
            for (String expected : List.of("Shu-Fen Chang (Hsinchu)", "Shufen", "Chang-Lin", "shu-fen.chang@contoso.com.tw",
                    "shufen.chang@contoso.com", "TW", "JP")) {
                assertTrue(pending.contains(expected), expected + " in " + pending);
            }
            browser.screenshot("editing-06-confirm-every-field");
            browser.click("#confirmForm\\:save");
            browser.waitForText("#editForm\\:result", "Saved");
            String saved = browser.text("#editForm\\:savedChanges");
            assertTrue(saved.contains("shufen.chang@contoso.com") && saved.contains("JP") && saved.contains("Chang-Lin"), saved);
            assertEquals("shufen.chang", browser.find("#editForm\\:upnAlias").getAttribute("value"),
                    "the form shows the user as Partner Center returned it");
            browser.screenshot("editing-07-saved-every-field");

            List<String[]> rows = audit(browser.text("#correlationId"));
            assertEquals("USER_UPDATE_ATTEMPT", rows.get(0)[0]);
            assertEquals("SUCCEEDED", rows.get(rows.size() - 1)[1]);
            String details = rows.get(rows.size() - 1)[2];
            assertTrue(details.contains("TICKET-4711") && details.contains("shufen.chang@contoso.com"), details);
        });
    }

    @Test
    @Order(3)
    void aGeneratedTemporaryPasswordIsShownExactlyOnceAndNeverAudited() throws Exception {
        run("password", browser -> {
            signIn(browser, "agent");
            openEdit(browser, CONTOSO, YI_CHUN_CHEN);
            browser.click("#editForm\\:resetPassword .ui-chkbox-box");
            browser.find("#editForm\\:newPassword");
            assertTrue(browser.text("#editForm\\:passwordFields").contains("Leave empty to generate"));
            browser.click("#editForm\\:review");
            browser.waitForText("#confirmForm\\:pendingChanges", "a temporary password will be generated");
            browser.click("#confirmForm\\:save");
            browser.waitForText("#editForm\\:result", "Saved");

            String password = browser.text("#tempPassword");
            assertEquals(16, password.length(), password);
            assertTrue(CustomerUserRules.checkPassword(password).isEmpty(), "meets the policy");
            assertTrue(browser.text("#editForm\\:result").contains("shown only this once"));
            browser.driver().executeCdpCommand("Browser.grantPermissions", Map.of("origin", PortalDeployment.baseUrl(),
                    "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
            browser.click("#copyPassword");
            browser.waitForText("#copyStatus", "Copied to the clipboard.");
            Object clipboard = browser.driver().executeAsyncScript(
                    "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('' + e); });");
            assertEquals(password, clipboard, "the copy button copied the password");
            browser.screenshot("editing-08-temporary-password");

            String correlationId = browser.text("#correlationId");
            // leave and come Back: the password is gone
            browser.driver().findElement(By.cssSelector(".ud-breadcrumbs")).findElement(By.linkText("Contoso Ltd")).click();
            browser.waitForPage();
            browser.find("#usersForm\\:users");
            browser.driver().navigate().back();
            browser.waitForPage();
            browser.find("#editForm\\:displayName");
            assertFalse(browser.driver().getPageSource().contains(password), "not shown again after Back");
            browser.driver().navigate().refresh();
            browser.waitForPage();
            browser.find("#editForm\\:displayName");
            assertFalse(browser.driver().getPageSource().contains(password), "not shown again after a reload");
            assertTrue(browser.driver().findElements(By.id("tempPassword")).isEmpty());

            try (Connection db = ItDatabase.connect();
                 PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM audit_event WHERE audit_event::text LIKE ?")) {
                ps.setString(1, "%" + password + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "the password is nowhere in the audit");
                }
            }
            List<String[]> rows = audit(correlationId);
            String outcome = rows.get(rows.size() - 1)[2];
            assertTrue(outcome.contains("\"password\":\"changed\"") && outcome.contains("\"forceChangePassword\":true"),
                    outcome);
        });
    }

    @Test
    @Order(4)
    void aDeletedUserIsRestoredAfterConfirmationAndTheRestoreIsAudited() throws Exception {
        run("restore", browser -> {
            signIn(browser, "agent");
            browser.open("/customers/users.xhtml?customer=" + CONTOSO);
            browser.click("#usersForm\\:deletedUsers");
            browser.waitForText("#deletedForm\\:users", "Sophie Turner");
            String listed = browser.text("#deletedForm\\:users");
            assertTrue(listed.contains("Kevin Liu") && listed.contains("林雅婷") && listed.contains("days left"), listed);
            assertTrue(browser.text(".ud-breadcrumbs").contains("Deleted users"));
            browser.screenshot("editing-09-deleted-users");

            // cancel changes nothing
            restoreButton(browser, "Kevin Liu").click();
            browser.waitForText("#restoreForm\\:restoreTarget", "Kevin Liu");
            browser.click("#restoreForm\\:cancelRestore");
            assertTrue(browser.text("#deletedForm\\:users").contains("Kevin Liu"));

            restoreButton(browser, "Sophie Turner").click();
            browser.waitForText("#restoreForm\\:restoreTarget", "Sophie Turner");
            browser.type("#restoreForm\\:reason", "INC-2207");
            browser.screenshot("editing-10-restore-confirm");
            browser.click("#restoreForm\\:confirmRestore");
            browser.waitForText("#pageMessages", "Sophie Turner was restored and is active again.");
            browser.waitForTextGone("#deletedForm\\:users", "Sophie Turner");
            browser.screenshot("editing-11-restored");
            String correlationId = correlationIdIn(browser.text("#pageMessages"));

            List<String[]> rows = audit(correlationId);
            assertEquals("USER_UPDATE_ATTEMPT", rows.get(0)[0], "the attempt is written before the PATCH");
            assertTrue(rows.get(0)[2].contains("\"state\":\"active\"") && rows.get(0)[2].contains("INC-2207"), rows.get(0)[2]);
            String[] outcome = rows.get(rows.size() - 1);
            assertEquals("SUCCEEDED", outcome[1]);
            assertTrue(outcome[2].contains("\"before\":\"inactive\"") && outcome[2].contains("\"after\":\"active\""), outcome[2]);

            browser.click("#deletedForm\\:activeUsers");
            browser.type("#usersForm\\:search", "sophie.turner");
            browser.waitForText("#usersForm\\:users", "Sophie Turner");

            // the same through the portal API: list the deleted users, restore one with a reason
            String token = Http.token("agent", "demo");
            Http.Answer deleted = Http.get("/api/customers/" + CONTOSO + "/deleted-users?search=ya-ting", token);
            assertEquals(200, deleted.status(), deleted.body());
            assertEquals(1, deleted.json().getJsonArray("items").size(), deleted.body());
            String yaTing = deleted.json().getJsonArray("items").getJsonObject(0).getString("id");
            Http.Answer restored = Http.send("POST", "/api/customers/" + CONTOSO + "/deleted-users/" + yaTing + "/restore",
                    token, null, null);
            assertEquals(200, restored.status(), restored.body());
            assertEquals("active", restored.json().getString("state"));
            List<String[]> apiRows = audit(restored.header("MS-CorrelationId"));
            assertEquals("USER_UPDATE_ATTEMPT", apiRows.get(0)[0]);
            assertEquals("SUCCEEDED", apiRows.get(apiRows.size() - 1)[1]);
            assertEquals(0, Http.get("/api/customers/" + CONTOSO + "/deleted-users?search=ya-ting", token).json()
                    .getJsonArray("items").size(), "no longer deleted");
        });
    }

    @Test
    @Order(5)
    void unsavedChangesAreGuardedForInAppLinksAndForLeavingThePage() {
        run("guard", browser -> {
            signIn(browser, "agent");
            openEdit(browser, CONTOSO, DANIEL_TSAI);
            assertFalse(beforeUnloadBlocks(browser), "nothing changed: leaving is not held up");

            browser.type("#editForm\\:displayName", "Daniel Tsai (not saved)");
            assertTrue(beforeUnloadBlocks(browser), "closing the tab, reloading or Back asks first");
            breadcrumb(browser, "Customers").click();
            browser.waitForText("#leaveGuard", "Leave without saving?");
            browser.screenshot("editing-12-unsaved-guard");
            browser.driver().findElement(By.id("leaveGuardStay")).click();
            assertTrue(browser.driver().getCurrentUrl().contains("/customers/edit.xhtml"), "stayed");
            assertEquals("Daniel Tsai (not saved)", browser.find("#editForm\\:displayName").getAttribute("value"));

            browser.driver().findElement(By.cssSelector(".ud-nav")).findElement(By.linkText("Customers")).click();
            browser.waitForText("#leaveGuard", "Leave without saving?");
            browser.driver().findElement(By.id("leaveGuardLeave")).click();
            browser.waitForPage();
            browser.find("#customersForm\\:search");

            // an untouched form leaves without asking
            openEdit(browser, CONTOSO, DANIEL_TSAI);
            assertEquals("Daniel Tsai", browser.find("#editForm\\:displayName").getAttribute("value"), "nothing was saved");
            breadcrumb(browser, "Contoso Ltd").click();
            browser.waitForPage();
            browser.find("#usersForm\\:users");
        });
    }

    @Test
    @Order(6)
    void aUserIsFoundAndEditedWithTheKeyboardOnly() {
        run("keyboard", browser -> {
            signIn(browser, "agent");
            browser.find("#customersForm\\:search");
            tabTo(browser, e -> "customersForm:search".equals(e.getAttribute("id")));
            keys(browser, "northwind");
            browser.waitForTextGone("#customersForm\\:customers", "Contoso Ltd");
            browser.waitForPage();
            assertTrue(browser.text("#customersForm\\:customers").contains("Northwind Traders"));
            tabTo(browser, e -> isLink(e, "Northwind Traders"));
            follow(browser, "/customers/users.xhtml");
            browser.find("#usersForm\\:search");
            tabTo(browser, e -> "usersForm:search".equals(e.getAttribute("id")));
            keys(browser, "samantha");
            browser.waitForTextGone("#usersForm\\:users", "Harry Cox");
            browser.waitForPage();
            tabTo(browser, e -> isLink(e, "Samantha Harris"));
            follow(browser, "/customers/edit.xhtml");
            browser.find("#editForm\\:displayName");
            tabTo(browser, e -> "editForm:displayName".equals(e.getAttribute("id")));
            keys(browser, Keys.chord(Keys.CONTROL, "a"), "Samantha Harris (keyboard)");
            tabTo(browser, e -> "editForm:review".equals(e.getAttribute("id")));
            keys(browser, Keys.ENTER);
            browser.waitForText("#confirmForm\\:pendingChanges", "Samantha Harris (keyboard)");
            browser.waitForPage();
            tabTo(browser, e -> "confirmForm:save".equals(e.getAttribute("id")));
            browser.screenshot("editing-13-keyboard-confirm");
            keys(browser, Keys.SPACE);
            browser.waitForText("#editForm\\:result", "Saved");
            assertTrue(browser.text("#editForm\\:savedChanges").contains("Samantha Harris (keyboard)"));
        });
    }

    @Test
    @Order(7)
    void aUserPrincipalNameAlreadyInUseGetsAConflictMessageAtTheField() {
        run("conflict", browser -> {
            signIn(browser, "agent");
            openEdit(browser, FABRIKAM, CALLUM_HILL);
            browser.type("#editForm\\:upnAlias", "imogen.smith");
            choose(browser, "editForm\\:upnDomain", "fabrikam.com");
            String message = reviewAndSave(browser);
            assertTrue(message.contains("imogen.smith@fabrikam.com is already used by another user"), message);
            correlationIdIn(message);
            browser.waitForText("#editForm\\:upnAliasMessage", "already used");
            browser.screenshot("editing-14-conflict");
        });
    }

    @Test
    @Order(8)
    void throttlingSaysWhenToTryAgain() {
        run("throttled", browser -> {
            signIn(browser, "agent");
            openEdit(browser, CONSOLIDATED, CAROLYN_BAILEY);
            injectFault("{\"method\":\"PATCH\",\"path\":\"" + PATCH_GLOB
                    + "\",\"kind\":\"THROTTLE\",\"retryAfterSeconds\":60,\"times\":1}");
            browser.type("#editForm\\:displayName", "Carolyn Bailey (busy)");
            String message = reviewAndSave(browser);
            assertTrue(message.contains("Partner Center is busy — try again in 60 s."), message);
            correlationIdIn(message);
            browser.screenshot("editing-15-throttled");
        });
    }

    @Test
    @Order(9)
    void aTimeoutSaysTheChangeMayOrMayNotHaveBeenAppliedAndWhatToCheck() {
        run("timeout", browser -> {
            signIn(browser, "agent");
            openEdit(browser, TAILSPIN, AKIRA_TAKAHASHI);
            // every attempt (the first and the three retries) outlasts the 4 s read timeout
            injectFault("{\"method\":\"PATCH\",\"path\":\"" + PATCH_GLOB
                    + "\",\"kind\":\"HANG\",\"delayMs\":4500,\"times\":4}");
            browser.type("#editForm\\:displayName", "Akira Takahashi (slow)");
            String message = reviewAndSave(browser);
            assertTrue(message.contains("did not answer in time") && message.contains("may or may not have been applied"),
                    message);
            assertTrue(message.contains("open the user again"), "says what to check: " + message);
            correlationIdIn(message);
            browser.screenshot("editing-16-timeout");
        });
    }

    @Test
    @Order(10)
    void anOutageSaysNothingWasChangedAndThenThatCallsArePaused() throws Exception {
        Thread.sleep(11_000); // the timeouts above opened the breaker for 10 s
        run("outage", browser -> {
            signIn(browser, "agent");
            openEdit(browser, TAILSPIN, LENA_WEBER);
            injectFault("{\"method\":\"PATCH\",\"path\":\"" + PATCH_GLOB + "\",\"kind\":\"ERROR\",\"status\":503}");
            browser.type("#editForm\\:displayName", "Lena Weber (outage)");
            String failing = reviewAndSave(browser);
            assertTrue(failing.contains("Partner Center is having problems (HTTP 503)") && failing.contains("Nothing was changed"),
                    failing);
            String first = correlationIdIn(failing);
            browser.screenshot("editing-17-outage");

            String paused = reviewAndSave(browser);
            assertTrue(paused.contains("Partner Center is failing, so UserDesk has paused calls to it"), paused);
            assertNotEquals(first, correlationIdIn(paused), "each attempt has its own correlation id");
            browser.screenshot("editing-18-circuit-open");
        });
    }

    // ------------------------------------------------------------------ helpers

    private interface Scenario {
        void run(Browser browser) throws Exception;
    }

    private static void run(String name, Scenario scenario) {
        try (Browser browser = new Browser()) {
            try {
                scenario.run(browser);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("failure-editing-" + name);
                throw e;
            } catch (Exception e) {
                browser.screenshot("failure-editing-" + name);
                throw new IllegalStateException(e);
            }
        }
    }

    private static void signIn(Browser browser, String username) {
        browser.open("/signin.xhtml");
        browser.signIn(username, "demo");
    }

    private static void openEdit(Browser browser, String customer, String user) {
        browser.open("/customers/edit.xhtml?customer=" + customer + "&user=" + user);
        browser.find("#editForm\\:displayName");
    }

    /** Reviews, saves, and returns the page's message once one is shown (the save may take a while under faults). */
    private static String reviewAndSave(Browser browser) {
        browser.click("#editForm\\:review");
        browser.find("#confirmForm\\:save");
        browser.driver().findElement(By.id("confirmForm:save")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> {
            List<WebElement> errors = d.findElements(By.cssSelector("#pageMessages .ui-messages-error"));
            return !errors.isEmpty() && errors.get(0).isDisplayed();
        });
        browser.waitForPage();
        return browser.text("#pageMessages .ui-messages-error");
    }

    private static String correlationIdIn(String message) {
        Matcher matcher = CORRELATION.matcher(message);
        assertTrue(matcher.find(), "the message names its correlation id: " + message);
        return matcher.group(1);
    }

    /** Picks an option of a PrimeFaces select menu by its label. */
    private static void choose(Browser browser, String escapedId, String label) {
        chooseFiltered(browser, escapedId, null, label);
    }

    /**
     * Opens a PrimeFaces select menu, types into its filter (when given) and picks an option by its label, one step per
     * look, until the form's own select holds that option and the panel is closed: a click that lands while the panel
     * is still fading in is lost, so each step is taken again until its effect shows.
     */
    private static void chooseFiltered(Browser browser, String escapedId, String filter, String label) {
        browser.waitForPage();
        String id = escapedId.replace("\\", "");
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
        wait.ignoring(WebDriverException.class).pollingEvery(Duration.ofMillis(400)).until(d -> {
            WebElement panel = d.findElement(By.cssSelector("#" + escapedId + "_panel"));
            Object chosen = browser.driver().executeScript("var s = document.getElementById(arguments[0]);"
                    + " return s && s.selectedIndex >= 0 ? s.options[s.selectedIndex].text : null;", id + "_input");
            if (label.equals(chosen)) {
                return !panel.isDisplayed();
            }
            if (!panel.isDisplayed()) {
                d.findElement(By.cssSelector("#" + escapedId)).click();
                return false;
            }
            if (filter != null) {
                WebElement filterField = d.findElement(By.cssSelector("#" + escapedId + "_filter"));
                if (!filter.equals(filterField.getAttribute("value"))) {
                    filterField.clear();
                    filterField.sendKeys(filter);
                    return false;
                }
            }
            panel.findElement(By.cssSelector("li[data-label='" + label + "']")).click();
            return false;
        });
        browser.waitForPage();
        assertEquals(label, browser.text("#" + escapedId + "_label"), "the menu shows the chosen option");
    }

    private static boolean isLink(WebElement element, String text) {
        return "a".equals(element.getTagName()) && text.equals(element.getText());
    }

    private static List<String> column(Browser browser, int index) {
        browser.waitForPage();
        List<String> values = new ArrayList<>();
        for (WebElement row : browser.driver().findElements(By.cssSelector("#usersForm\\:users tbody tr"))) {
            values.add(row.findElements(By.tagName("td")).get(index - 1).getText());
        }
        return values;
    }

    private static List<String> upns(Browser browser) {
        return column(browser, 2);
    }

    private static WebElement restoreButton(Browser browser, String displayName) {
        return browser.driver().findElement(By.xpath(
                "//*[@id='deletedForm:users']//tr[contains(., '" + displayName + "')]//button"));
    }

    private static WebElement breadcrumb(Browser browser, String text) {
        return browser.driver().findElement(By.cssSelector(".ud-breadcrumbs")).findElement(By.linkText(text));
    }

    /** Dispatches the event a tab close, reload or Back sends, and says whether the page asked to stay. */
    private static boolean beforeUnloadBlocks(Browser browser) {
        return Boolean.TRUE.equals(browser.driver().executeScript(
                "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"));
    }

    /** Types keys into the focused element (whatever Tab reached), as a keyboard would. */
    private static void keys(Browser browser, CharSequence... keys) {
        browser.driver().switchTo().activeElement().sendKeys(keys);
    }

    /** Presses Enter on the focused link and waits for the page it leads to. */
    private static void follow(Browser browser, String pathPart) {
        WebElement link = browser.driver().switchTo().activeElement();
        String describe = link.getAttribute("outerHTML");
        link.sendKeys(Keys.ENTER);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).withMessage(() -> "Enter on " + describe
                + " did not open " + pathPart).until(d -> d.getCurrentUrl().contains(pathPart));
        browser.waitForPage();
    }

    /** Presses Tab (only Tab) until the focused element matches; fails after 80 presses. */
    private static void tabTo(Browser browser, Predicate<WebElement> wanted) {
        for (int i = 0; i < 80; i++) {
            WebElement focused = browser.driver().switchTo().activeElement();
            if (focused != null && wanted.test(focused)) {
                return;
            }
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached the wanted element; focus is on "
                + browser.driver().switchTo().activeElement().getAttribute("outerHTML"));
    }

    private static void injectFault(String json) {
        Http.Answer answer = Http.send("POST", "/partner-center/_emulator/faults", null, "application/json", json);
        assertTrue(answer.status() / 100 == 2, answer.body());
    }

    /** Audit rows of one change: event type, outcome, details (canonical JSON), oldest first. */
    private static List<String[]> audit(String correlationId) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection db = ItDatabase.connect();
             PreparedStatement ps = db.prepareStatement(
                     "SELECT event_type, outcome, details FROM audit_event WHERE correlation_id = ? ORDER BY seq")) {
            ps.setString(1, correlationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        assertFalse(rows.isEmpty(), "audit rows for " + correlationId);
        return rows;
    }
}
