package io.userdesk.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The look of the portal, proven in headless Chromium: every page in English and Traditional Chinese, light and dark,
 * checked with axe-core (no serious or critical violation) and photographed to
 * {@code target/screenshots/<lang>-<theme>-<page>.png}; the issue-#2 journey in zh-TW with the Chinese a user reads
 * (PrimeFaces' own labels included) and times in the browser's zone; the language and theme following the staff
 * member across sign-out, a fresh browser and sign-in.
 */
@ExtendWith(ArquillianExtension.class)
class UiTourIT {
    private static final List<String> LANGUAGES = List.of("en", "zh-TW");
    private static final List<String> THEMES = List.of("light", "dark");
    private static String axeSource;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.portal();
    }

    /**
     * Language and theme choices are saved per staff member in the database the whole Failsafe run shares: every test
     * starts without any and leaves none behind, so the other browser tests keep meeting the English, light portal.
     */
    @BeforeEach
    @AfterEach
    void forgetSavedPreferences() throws SQLException {
        try (Connection db = ItDatabase.connect(); Statement statement = db.createStatement()) {
            statement.executeUpdate("DELETE FROM staff_preference");
        }
    }

    @Test
    void everyPageInBothLanguagesAndBothThemesPassesAxe() {
        List<String> violations = new ArrayList<>();
        try (Browser browser = new Browser()) {
            try {
                for (String language : LANGUAGES) {
                    for (String theme : THEMES) {
                        tour(browser, language, theme, violations);
                    }
                }
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("failure-" + getClass().getSimpleName() + "-tour");
                throw e;
            }
        }
        assertEquals(List.of(), violations, "serious or critical accessibility violations");
    }

    private void tour(Browser browser, String language, String theme, List<String> violations) {
        String prefix = language + "-" + theme + "-";
        browser.driver().manage().deleteAllCookies();
        browser.open("/signin.xhtml");
        choose(browser, language, theme);
        check(browser, prefix + "sign-in", language, theme, violations);
        browser.open("/signin/oidc.xhtml"); // what the single sign-on address says while single sign-on is off
        browser.find("#ssoOff");
        check(browser, prefix + "sso-off", language, theme, violations);
        browser.open("/signin.xhtml");

        browser.signIn("admin", "demo");
        browser.find("#customersForm\\:search");
        choose(browser, language, theme); // signed in: saved for admin, so the choice survives the next sign-in
        browser.type("#customersForm\\:search", "contoso");
        browser.waitForText("#customersForm\\:customers", "Contoso Ltd");
        check(browser, prefix + "customers", language, theme, violations);

        browser.clickLink("Contoso Ltd");
        browser.find("#usersForm\\:search");
        check(browser, prefix + "users", language, theme, violations);

        browser.open("/customers/deleted.xhtml?customer=" + PortalDeployment.CONTOSO);
        browser.find("#deletedForm\\:users\\:0\\:restore");
        check(browser, prefix + "deleted-users", language, theme, violations);
        browser.click("#deletedForm\\:users\\:0\\:restore");
        browser.find("#restoreForm\\:confirmRestore");
        check(browser, prefix + "restore-confirm", language, theme, violations);
        browser.click("#restoreForm\\:cancelRestore");

        browser.open("/customers/edit.xhtml?customer=" + PortalDeployment.CONTOSO + "&user=" + PortalDeployment.DANIEL_TSAI);
        browser.find("#editForm\\:displayName");
        check(browser, prefix + "edit", language, theme, violations);

        browser.type("#editForm\\:displayName", "Daniel Tsai " + language + " " + theme);
        browser.click("#editForm\\:review");
        browser.find("#confirmForm\\:save");
        check(browser, prefix + "confirm", language, theme, violations);
        browser.click("#confirmForm\\:cancelSave");

        browser.open("/audit/index.xhtml");
        browser.find("#auditForm\\:events a.ud-row-link");
        check(browser, prefix + "audit-list", language, theme, violations);

        browser.click("#auditForm\\:events a.ud-row-link");
        browser.find("#eventDetail");
        check(browser, prefix + "audit-event", language, theme, violations);

        browser.open("/admin/staff.xhtml");
        browser.find("#createForm\\:username");
        check(browser, prefix + "admin-staff", language, theme, violations);

        browser.open("/admin/account.xhtml?username=agent");
        browser.find("#status");
        check(browser, prefix + "admin-account", language, theme, violations);

        browser.open("/account/password.xhtml");
        browser.find("#passwordForm\\:current");
        check(browser, prefix + "password", language, theme, violations);

        browser.open("/no-such-page.xhtml");
        check(browser, prefix + "error-404", language, theme, violations);

        browser.open("/customers/index.xhtml");
        browser.click("#sessionForm\\:signOut");
        browser.signIn("agent", "demo");
        browser.find("#customersForm\\:search");
        choose(browser, language, theme);
        browser.open("/audit/index.xhtml");
        check(browser, prefix + "error-403", language, theme, violations);
        browser.open("/customers/index.xhtml");
        browser.click("#sessionForm\\:signOut");
    }

    @Test
    void theIssue2JourneyInTraditionalChinese() {
        try (Browser browser = new Browser()) {
            try {
                chineseJourney(browser);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("failure-" + getClass().getSimpleName() + "-zh-TW-journey");
                throw e;
            }
        }
    }

    private void chineseJourney(Browser browser) {
        browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Taipei"));
        browser.open("/signin.xhtml");
        browser.click("#switchesForm\\:langZh");
        assertEquals("zh-TW", browser.find("html").getAttribute("lang"));
        assertTrue(browser.driver().getTitle().startsWith("登入"), browser.driver().getTitle());
        assertEquals("登入", browser.find("#signinForm\\:signIn").getText());

        browser.signIn("agent", "wrong");
        browser.waitForText("#signinForm", "使用者名稱或密碼不正確。");
        browser.signIn("agent", "demo");
        browser.find("#customersForm\\:search");
        browser.click("#switchesForm\\:langZh"); // an explicit choice while signed in, whatever the account had saved
        assertEquals("客戶", browser.text("h1.ud-title"));
        assertTrue(browser.text(".ud-nav").contains("客戶"));

        browser.type("#customersForm\\:search", "contoso");
        browser.waitForText("#customersForm\\:customers", "Contoso Ltd");
        assertTrue(browser.text("#customersForm\\:customers").contains("網域"), "column headers in Chinese");
        browser.clickLink("Contoso Ltd");
        browser.find("#usersForm\\:search");
        assertEquals("Contoso Ltd 的使用者", browser.text("h1.ud-title"));
        browser.type("#usersForm\\:search", "daniel.tsai");
        browser.waitForText("#usersForm\\:users", "daniel.tsai@contoso.onmicrosoft.com");
        assertTrue(browser.text("#usersForm\\:users").contains("使用地點"));
        browser.waitForTextGone("#usersForm\\:users", "chun-chieh.hsieh");
        browser.driver().findElement(By.cssSelector("#usersForm\\:users a.ud-row-link")).click();
        browser.waitForPage();

        String name = browser.find("#editForm\\:displayName").getAttribute("value");
        assertTrue(browser.text("h1.ud-title").startsWith("編輯 "), browser.text("h1.ud-title"));
        assertTrue(browser.text("#editForm").contains("使用地點"));
        browser.type("#editForm\\:displayName", "   ");
        browser.click("#editForm\\:review");
        browser.waitForText("#editForm", "顯示名稱不可空白。");
        browser.waitForText("#pageMessages", "請修正標示的欄位。尚未送出任何資料。");
        browser.screenshot("zh-TW-journey-field-message");

        // keyboard only from here: Tab from the top of the page, type, Enter
        browser.open("/customers/edit.xhtml?customer=" + PortalDeployment.CONTOSO + "&user=" + PortalDeployment.DANIEL_TSAI);
        browser.find("#editForm\\:displayName");
        browser.driver().executeScript("document.activeElement.blur(); window.focus();");
        List<String> stops = tabUntil(browser, "editForm:displayName", 40);
        assertEquals("", stops.get(0), "the first Tab stop is the skip link: " + stops);
        assertEquals("跳至主要內容", browser.driver().findElement(By.cssSelector(".ud-skip")).getAttribute("textContent"));
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("蔡丹尼").perform();
        List<String> toReview = tabUntil(browser, "editForm:review", 30);
        assertTrue(toReview.indexOf("editForm:firstName") < toReview.indexOf("editForm:reason"),
                "fields are reached top to bottom: " + toReview);
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.waitForText("#confirmForm\\:pendingChanges", "蔡丹尼");
        tabUntil(browser, "confirmForm:save", 15);
        assertTrue(browser.text("#confirmForm\\:confirmDialog").contains("確認變更"));
        String pending = browser.text("#confirmForm\\:pendingChanges");
        assertTrue(pending.contains("顯示名稱") && pending.contains("目前") && pending.contains("變更為")
                && pending.contains(name), pending);
        assertEquals("關閉", browser.find("#confirmForm\\:confirmDialog .ui-dialog-titlebar-close").getAttribute("aria-label"),
                "PrimeFaces' own labels are in Traditional Chinese too");
        browser.screenshot("zh-TW-journey-confirm");
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.waitForPage();
        browser.waitForText("#editForm\\:result", "已儲存");
        browser.waitForText("#pageMessages", "已儲存。Partner Center 已接受變更。");
        assertTrue(browser.text("#pageMessages").contains("關聯識別碼："));
        assertTrue(browser.text("#editForm\\:savedChanges").contains("蔡丹尼"));
        browser.screenshot("zh-TW-journey-saved");

        // half a laptop screen: nothing runs off to the side
        browser.driver().manage().window().setSize(new Dimension(680, 900));
        browser.waitForPage();
        Long overflow = (Long) browser.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow <= 0, "the edit page fits 680 px, overflow " + overflow + " px");
        browser.screenshot("zh-TW-journey-edit-680px");
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.click("#sessionForm\\:signOut");

        browser.signIn("reviewer", "demo");
        browser.find("#auditForm\\:events");
        browser.click("#switchesForm\\:langZh");
        String header = browser.text("#auditForm\\:events thead");
        assertTrue(header.contains("時間（Asia/Taipei）"), "times in the browser's zone: " + header);
        browser.driver().findElement(By.xpath("//*[@id='auditForm:events']//tbody/tr[contains(., '蔡丹尼') or "
                + "contains(., 'daniel.tsai')][1]//a")).click();
        browser.waitForPage();
        String facts = browser.text("#eventDetail");
        assertTrue(facts.contains("+08:00"), "the event's time carries Taipei's offset: " + facts);
        assertTrue(facts.contains("雜湊鏈"), facts);
    }

    @Test
    void languageAndThemeFollowTheStaffMemberAcrossSignOutAndANewBrowser() {
        try (Browser first = new Browser()) {
            first.signIn("reviewer", "demo");
            first.find("#auditForm\\:events");
            first.click("#switchesForm\\:langZh");
            first.click("#switchesForm\\:themeDark");
            assertEquals("稽核記錄", first.text("h1.ud-title"));
            assertTrue(first.find("body").getAttribute("class").contains("ud-theme-dark"));
            assertEquals("true", first.find("#switchesForm\\:langZh").getAttribute("aria-pressed"));
            first.click("#sessionForm\\:signOut");
            assertEquals("zh-TW", first.find("html").getAttribute("lang"), "the sign-in page keeps the language");
            assertEquals("登入", first.find("#signinForm\\:signIn").getText());
        }
        try (Browser second = new Browser()) {
            second.open("/signin.xhtml");
            assertEquals("en", second.find("html").getAttribute("lang"), "a new browser knows nobody yet");
            assertEquals("Sign in", second.find("#signinForm\\:signIn").getText());
            second.signIn("reviewer", "demo");
            second.find("#auditForm\\:events");
            assertEquals("zh-TW", second.find("html").getAttribute("lang"), "the saved choice follows the reviewer");
            assertEquals("稽核記錄", second.text("h1.ud-title"));
            assertTrue(second.find("body").getAttribute("class").contains("ud-theme-dark"));

            // "follow system": dark when the operating system asks for it, light otherwise
            second.click("#switchesForm\\:themeSystem");
            second.driver().executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            assertEquals("rgb(16, 22, 31)", backgroundOfBody(second));
            second.driver().executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
            assertEquals("rgb(245, 247, 250)", backgroundOfBody(second));

            second.click("#switchesForm\\:langEn");
            assertEquals("Audit trail", second.text("h1.ud-title"));
            assertEquals("en", second.find("html").getAttribute("lang"));
        }
    }

    /**
     * Presses Tab until the element with this id has the focus; returns the ids met on the way ("" for an element
     * without one, such as the skip link). Fails when it takes more than {@code max} presses.
     */
    private static List<String> tabUntil(Browser browser, String id, int max) {
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            String focused = (String) browser.driver().executeScript("return document.activeElement.id || '';");
            stops.add(focused);
            if (id.equals(focused)) {
                return stops;
            }
        }
        throw new AssertionError("Tab never reached " + id + ": " + stops);
    }

    private static String backgroundOfBody(Browser browser) {
        return (String) browser.driver().executeScript("return getComputedStyle(document.body).backgroundColor;");
    }

    /** Sets language and theme with the switches, as a person would. */
    private static void choose(Browser browser, String language, String theme) {
        browser.click("en".equals(language) ? "#switchesForm\\:langEn" : "#switchesForm\\:langZh");
        browser.click("dark".equals(theme) ? "#switchesForm\\:themeDark" : "#switchesForm\\:themeLight");
    }

    /** Screenshot, the page's language and theme, then axe-core's serious and critical findings. */
    private static void check(Browser browser, String page, String language, String theme, List<String> violations) {
        browser.waitForPage();
        browser.screenshot(page);
        assertEquals(language, browser.find("html").getAttribute("lang"), page + ": <html lang>");
        assertTrue(browser.find("body").getAttribute("class").contains("ud-theme-" + theme), page + ": theme");
        String found = axe(browser);
        if (!"[]".equals(found)) {
            violations.add(page + ": " + found);
        }
    }

    /** Runs axe-core in the page; returns its serious and critical violations as JSON ("[]" when none). */
    static String axe(Browser browser) {
        var driver = browser.driver();
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(axeSource());
        }
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations
                      .filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                  nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.failureSummary)})))))
                  .catch(e => done('axe failed: ' + e));
                """);
        return String.valueOf(result);
    }

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try (InputStream in = UiTourIT.class.getResourceAsStream("/axe.min.js")) {
                assertTrue(in != null, "axe.min.js (com.deque.html.axe-core:selenium) is on the test classpath");
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

}
