package io.userdesk.web.preferences;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Renders every page, the sign-in and error pages included, in the viewer's chosen language; when nobody chose, Faces
 * negotiates from the browser's Accept-Language among the supported locales (English, zh-TW) as usual.
 */
public class PreferenceViewHandler extends ViewHandlerWrapper {

    public PreferenceViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        Object request = context.getExternalContext().getRequest();
        if (request instanceof HttpServletRequest http) {
            String language = ViewerPreferences.language(http);
            if (language != null) {
                return ViewerPreferences.toLocale(language);
            }
        }
        return getWrapped().calculateLocale(context);
    }
}
