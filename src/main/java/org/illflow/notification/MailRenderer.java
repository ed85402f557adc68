package org.illflow.notification;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a notice from templates/mail/{zh|en}/{template}.html. The template's {@code <title>} is the mail's
 * subject, so a librarian edits one file per notice and language. Values are escaped by Thymeleaf.
 */
@Component
class MailRenderer {

    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

    private final ITemplateEngine templateEngine;

    MailRenderer(ITemplateEngine templateEngine) {
        this.templateEngine = templateEngine;
    }

    RenderedMail render(Notice notice) {
        Locale locale = "en".equals(notice.language()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        Context context = new Context(locale, notice.model());
        String html = templateEngine.process("mail/" + notice.language() + "/" + notice.template(), context);
        Matcher title = TITLE.matcher(html);
        if (!title.find()) {
            throw new IllegalStateException("mail template " + notice.template() + " has no <title> (the subject)");
        }
        String subject = HtmlUtils.htmlUnescape(title.group(1)).strip().replaceAll("\\s+", " ");
        return new RenderedMail(subject, html);
    }
}
