package io.userdesk.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The journey of issue #2 in a real headless Chromium: an agent signs in, finds Contoso, finds Daniel Tsai, is stopped
 * by a per-field message on a bad value, then changes the display name, confirms old → new and sees success with a
 * correlation id; a reviewer then finds that change in the audit trail. Screenshots go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserJourneyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.portal();
    }

    @Test
    void anAgentEditsADisplayNameAndAReviewerSeesTheChange() {
        try (Browser browser = new Browser()) {
            try {
                journey(browser);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("failure-" + getClass().getSimpleName());
                throw e;
            }
        }
    }

    private void journey(Browser browser) {
        {
            browser.open("/");
            assertTrue(browser.driver().getCurrentUrl().contains("/signin.xhtml"), "anonymous visitors are sent to sign in");
            assertTrue(browser.text("#demoNotice").contains("agent"), "demo mode lists its accounts");
            browser.screenshot("01-sign-in");

            browser.signIn("agent", "wrong");
            assertTrue(browser.text("#signinForm").contains("The username or password is not correct."));
            browser.signIn("agent", "demo");
            browser.find("#customersForm\\:search");
            assertTrue(browser.driver().getCurrentUrl().contains("/customers/index.xhtml"));

            browser.type("#customersForm\\:search", "contoso");
            browser.waitForText("#customersForm\\:customers", "Contoso Ltd");
            browser.screenshot("02-customers");
            browser.clickLink("Contoso Ltd");

            browser.find("#usersForm\\:search");
            assertTrue(browser.text("#usersForm\\:users").contains("chun-chieh.hsieh@contoso.com"), "the list starts unfiltered");
            browser.type("#usersForm\\:search", "daniel.tsai");
            browser.waitForTextGone("#usersForm\\:users", "chun-chieh.hsieh");
            assertTrue(browser.text("#usersForm\\:users").contains("daniel.tsai@contoso.onmicrosoft.com"), "the search finds the user");
            browser.screenshot("03-users");
            browser.clickLink("Daniel Tsai");

            browser.type("#editForm\\:displayName", "   ");
            browser.click("#editForm\\:review");
            browser.waitForText("#editForm", "Display name cannot be empty.");
            browser.screenshot("04-edit-field-message");

            browser.type("#editForm\\:displayName", "Daniel Tsai (Taipei)");
            browser.click("#editForm\\:review");
            browser.waitForText("#confirmForm\\:pendingChanges", "Daniel Tsai (Taipei)");
            assertTrue(browser.text("#confirmForm\\:pendingChanges").contains("Daniel Tsai"), "old value shown");
            browser.screenshot("05-confirm");
            browser.click("#confirmForm\\:save");
            browser.waitForText("#editForm\\:result", "Saved");
            String correlationId = browser.text("#correlationId");
            assertEquals(36, correlationId.length(), "a correlation id is shown: " + correlationId);
            assertTrue(browser.text("#editForm\\:savedChanges").contains("Daniel Tsai (Taipei)"));
            browser.screenshot("06-saved");

            browser.click("#sessionForm\\:signOut");
            assertTrue(browser.driver().getCurrentUrl().contains("/signin.xhtml"));

            browser.signIn("reviewer", "demo");
            browser.waitForText("#auditForm\\:events", "daniel.tsai@contoso.onmicrosoft.com");
            assertTrue(browser.text("#auditForm\\:events").contains(correlationId), "the change's events are listed");
            assertTrue(browser.text("#auditForm\\:events").contains("SUCCEEDED"));
            browser.screenshot("07-audit-list");

            // the newest event of this change (sign-ins are audited too, so it need not be the first row)
            browser.driver().findElement(By.xpath("//*[@id='auditForm:events']//tbody/tr[contains(., '" + correlationId
                    + "')][1]//a")).click();
            browser.waitForPage();
            browser.waitForText("#changes", "Daniel Tsai (Taipei)");
            String changes = browser.text("#changes");
            assertTrue(changes.contains("displayName") && changes.contains("Daniel Tsai"), changes);
            assertTrue(browser.text("#actor").contains("agent"));
            browser.screenshot("08-audit-event");
        }
    }

}
