package io.userdesk.web.i18n;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts for beans, from the same bundle the pages read as {@code #{msg['key']}}, so no sentence a user sees is written
 * in Java. Placeholders follow {@link MessageFormat} ({0}, {1}, …), formatted in the locale of the page being rendered.
 */
public final class Texts {
    /** The bundle's base name, as registered in faces-config.xml. */
    public static final String BUNDLE = "io.userdesk.web.i18n.messages";

    private Texts() {
    }

    /** The text for a key in the current view's locale (English outside a Faces request). */
    public static String get(String key, Object... arguments) {
        return get(currentLocale(), key, arguments);
    }

    /**
     * The text for a key in the given locale; a missing key shows itself in brackets rather than failing the page.
     * The pattern always goes through {@link MessageFormat}, so a bean's text writes an apostrophe as {@code ''}
     * whether or not it has arguments.
     */
    public static String get(Locale locale, String key, Object... arguments) {
        return getOrDefault(locale, key, "[" + key + "]", arguments);
    }

    /**
     * The text for a key in the current view's locale, or {@code fallback} (already formatted, usually the English
     * text a shared module produced) when the bundle has no such key: for messages coded outside the portal, such as
     * the validation rules of the api module, whose codes are translated here as {@code rule.<code>}.
     */
    public static String getOrDefault(String key, String fallback, Object... arguments) {
        return getOrDefault(currentLocale(), key, fallback, arguments);
    }

    /** As {@link #getOrDefault(String, String, Object...)}, in the given locale. */
    public static String getOrDefault(Locale locale, String key, String fallback, Object... arguments) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }

    /** The locale of the page being rendered, or English when there is none. */
    public static Locale currentLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getViewRoot() != null && faces.getViewRoot().getLocale() != null) {
            return faces.getViewRoot().getLocale();
        }
        return Locale.ENGLISH;
    }
}
