package org.illflow.conversation;

import org.illflow.system.ApiRefusal;
import org.illflow.system.RefusalPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The message forms: the patron's on the request page ({@code /requests/{number}}), staff's on the request desk's
 * page ({@code /staff/requests/{number}}, staff and admins only by the security rules). Both answer with the page
 * again, at the conversation; an empty or too long message comes back with its reason and the text kept. Someone
 * else's request is 404, staff of the other service 403, and nothing is stored.
 */
@Controller
class MessageController {

    private final RequestMessages messages;

    MessageController(RequestMessages messages) {
        this.messages = messages;
    }

    @PostMapping("/requests/{number}/messages")
    String fromPatronPage(@PathVariable String number, @RequestParam(defaultValue = "") String text,
            Authentication who, RedirectAttributes redirect) {
        return write(number, text, who, redirect, "/requests/");
    }

    @PostMapping("/staff/requests/{number}/messages")
    String fromDesk(@PathVariable String number, @RequestParam(defaultValue = "") String text, Authentication who,
            RedirectAttributes redirect) {
        return write(number, text, who, redirect, "/staff/requests/");
    }

    private String write(String number, String text, Authentication who, RedirectAttributes redirect, String page) {
        RequestRef request = messages.readableBy(number, who);
        try {
            messages.write(request.requestNumber(), who, text);
            redirect.addFlashAttribute("messageSent", true);
        } catch (ApiRefusal e) {
            if (e.getStatus() != 400) {
                throw e;
            }
            redirect.addFlashAttribute("messageError", e.getMessageKey());
            redirect.addFlashAttribute("messageDraft", text.length() > 10_000 ? text.substring(0, 10_000) : text);
        }
        return "redirect:" + page + request.requestNumber() + "#messages";
    }

    @ExceptionHandler(ApiRefusal.class)
    String refused(ApiRefusal e, Model model, HttpServletResponse response) {
        return RefusalPage.of(e, model, response);
    }
}
