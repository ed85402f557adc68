package org.illflow.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The configuration script of the Camunda webapps (scripts/config.js), served instead of the webjar's so that
 * Tasklist, Cockpit and Admin offer Chinese beside English and speak the language the staff member chose in
 * the portal (the same cookie the portal reads). The Chinese texts are our locale files beside it
 * (META-INF/resources/webjars/camunda/app/{app}/locales/zh.json).
 */
@Controller
class WebappLanguage {

    /** What each app's own config.js sets besides the languages (Tasklist: its keyboard shortcuts). */
    private static final Map<String, String> APP_CONFIG = Map.of(
            "tasklist", """
                      shortcuts: {
                        claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
                        focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
                        focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
                        focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
                        startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
                      }""",
            "cockpit", "", "admin", "", "welcome", "");

    private final LocaleResolver locales;
    private final String template;

    WebappLanguage(LocaleResolver locales) {
        this.locales = locales;
        try {
            this.template = new ClassPathResource("desk/webapp-config.js").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/camunda/app/{app}/scripts/config.js")
    ResponseEntity<String> config(@PathVariable String app, HttpServletRequest request) {
        if (!APP_CONFIG.containsKey(app)) {
            return ResponseEntity.notFound().build();
        }
        String language = language(locales.resolveLocale(request));
        String script = template.replace("__LANGUAGE__", language)
                .replace("  __APP_CONFIG__", APP_CONFIG.get(app)).replace("},\n\n};", "}\n};");
        return ResponseEntity.ok().contentType(new MediaType("application", "javascript", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(script);
    }

    /** zh or en: the webapps' two languages. */
    static String language(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "zh";
    }
}
