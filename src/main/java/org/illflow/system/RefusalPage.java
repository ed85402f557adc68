package org.illflow.system;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;

/**
 * A refused request on a page (not the API): the ordinary error page with the refusal's status and, except for
 * "not found", its reason. A forged or someone else's request number is simply "not found", so a page never tells
 * whether a request exists.
 */
public final class RefusalPage {

    private RefusalPage() {
    }

    /** Sets the status and the model of the error page; returns its view name. */
    public static String of(ApiRefusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal.getStatus());
        model.addAttribute("status", refusal.getStatus());
        if (refusal.getStatus() != 404) {
            model.addAttribute("reason", refusal.getMessageKey());
        }
        return "error";
    }
}
