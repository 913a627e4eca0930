package io.userdesk.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** English and Traditional Chinese must offer the same keys, or one language shows a key where a sentence belongs. */
class MessageBundlesTest {

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() throws IOException {
        Set<String> english = keys("messages.properties");
        Set<String> chinese = keys("messages_zh_TW.properties");
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(chinese);
        Set<String> onlyChinese = new TreeSet<>(chinese);
        onlyChinese.removeAll(english);
        assertEquals(Set.of(), onlyEnglish, "keys missing in zh-TW");
        assertEquals(Set.of(), onlyChinese, "keys missing in English");
    }

    @Test
    void aTextIsFormattedInTheRequestedLanguage() {
        assertEquals("Sign out", Texts.get(Locale.ENGLISH, "layout.signOut"));
        assertEquals("登出", Texts.get(Locale.TAIWAN, "layout.signOut"));
        assertTrue(Texts.get(Locale.ENGLISH, "no.such.key").startsWith("["), "a missing key is visible, not a crash");
    }

    static Set<String> keys(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/io/userdesk/web/i18n/" + file)) {
            assertTrue(in != null, file + " exists");
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
