package org.illflow.notification;

import java.util.List;
import java.util.Map;

/**
 * One notice to send: which template in which language, to whom, with what data.
 *
 * @param template  template name under templates/mail/{language}/, e.g. "registration-approved"
 * @param language  "zh" or "en"; any other value falls back to Chinese
 */
public record Notice(List<String> recipients, String language, String template, Map<String, Object> model) {

    public Notice {
        if (recipients == null || recipients.isEmpty()) {
            throw new IllegalArgumentException("a notice needs at least one recipient");
        }
        recipients = List.copyOf(recipients);
        language = "en".equals(language) ? "en" : "zh";
        model = Map.copyOf(model);
    }

    public static Notice to(String recipient, String language, String template, Map<String, Object> model) {
        return new Notice(List.of(recipient), language, template, model);
    }
}
