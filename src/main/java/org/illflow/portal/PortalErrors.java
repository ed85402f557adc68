package org.illflow.portal;

import jakarta.servlet.http.HttpServletResponse;

import org.illflow.system.ApiRefusal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * On the portal's pages a refused request renders the ordinary error page with its status: a forged or
 * someone else's request number is simply "not found".
 */
@ControllerAdvice(basePackageClasses = PortalErrors.class)
class PortalErrors {

    @ExceptionHandler(ApiRefusal.class)
    String refused(ApiRefusal e, Model model, HttpServletResponse response) {
        response.setStatus(e.getStatus());
        model.addAttribute("status", e.getStatus());
        if (e.getStatus() != 404) {
            model.addAttribute("reason", e.getMessageKey());
        }
        return "error";
    }
}
