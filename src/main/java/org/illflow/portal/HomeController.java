package org.illflow.portal;

import java.security.Principal;

import org.illflow.patron.PatronDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door: what the service is, and for a signed-in user what they can do next. */
@Controller
class HomeController {

    private final PatronDirectory patrons;

    HomeController(PatronDirectory patrons) {
        this.patrons = patrons;
    }

    @GetMapping("/")
    String home(Principal principal, Model model) {
        if (principal != null) {
            patrons.byCardNumber(principal.getName()).ifPresent(patron -> model.addAttribute("patron", patron));
        }
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
