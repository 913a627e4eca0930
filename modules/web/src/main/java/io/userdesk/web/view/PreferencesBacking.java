package io.userdesk.web.view;

import io.userdesk.web.preferences.ViewerPreferences;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * The language and theme switches in the layout and on the sign-in page, and what pages need to honour them: the
 * {@code <html lang>}, the theme's class on the body and the viewer's time zone. A switch remembers the choice (see
 * {@link ViewerPreferences}) and reloads the same page, with its parameters, by GET.
 */
@Named("preferences")
@RequestScoped
public class PreferencesBacking {

    public void useLanguage(String language) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ViewerPreferences.chooseLanguage(request(external), (HttpServletResponse) external.getResponse(), language);
        reloadThisPage();
    }

    public void useTheme(String theme) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ViewerPreferences.chooseTheme(request(external), (HttpServletResponse) external.getResponse(), theme);
        reloadThisPage();
    }

    /** {@code en} or {@code zh-TW}: the language this page is rendered in, for {@code <html lang>}. */
    public String getHtmlLang() {
        return Locale.TAIWAN.equals(currentLocale()) ? ViewerPreferences.CHINESE_TAIWAN : ViewerPreferences.ENGLISH;
    }

    public boolean isChinese() {
        return ViewerPreferences.CHINESE_TAIWAN.equals(getHtmlLang());
    }

    /** {@code system}, {@code light} or {@code dark}. */
    public String getTheme() {
        return ViewerPreferences.theme(request(FacesContext.getCurrentInstance().getExternalContext()));
    }

    public String getThemeClass() {
        return "ud-theme-" + getTheme();
    }

    public ZoneId getTimeZone() {
        return ViewerPreferences.timeZone(request(FacesContext.getCurrentInstance().getExternalContext()));
    }

    public String getTimeZoneId() {
        return getTimeZone().getId();
    }

    private static Locale currentLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() == null ? Locale.ENGLISH : faces.getViewRoot().getLocale();
    }

    private static void reloadThisPage() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        String viewId = faces.getViewRoot().getViewId();
        String url = faces.getApplication().getViewHandler().getRedirectURL(faces, viewId, Map.of(), true);
        faces.getExternalContext().redirect(url);
        faces.responseComplete();
    }

    private static HttpServletRequest request(ExternalContext external) {
        return (HttpServletRequest) external.getRequest();
    }
}
