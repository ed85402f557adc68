package org.illflow.portal;

import jakarta.servlet.http.HttpServletResponse;

import org.illflow.system.ApiRefusal;
import org.illflow.system.RefusalPage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * On the portal's pages a refused request renders the ordinary error page with its status ({@link RefusalPage}).
 */
@ControllerAdvice(basePackageClasses = PortalErrors.class)
class PortalErrors {

    @ExceptionHandler(ApiRefusal.class)
    String refused(ApiRefusal e, Model model, HttpServletResponse response) {
        return RefusalPage.of(e, model, response);
    }
}
