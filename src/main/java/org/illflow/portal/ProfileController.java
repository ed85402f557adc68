package org.illflow.portal;

import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.illflow.patron.Patron;
import org.illflow.patron.PatronDirectory;
import org.illflow.patron.PatronRegistration;
import org.illflow.patron.RegistrationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The patron's own details: e-mail, phone, and the language of the portal and of every notice. */
@Controller
class ProfileController {

    private final PatronDirectory patrons;
    private final PatronRegistration registration;
    private final LocaleResolver localeResolver;
    private final org.illflow.request.PatronLimits limits;

    ProfileController(PatronDirectory patrons, PatronRegistration registration, LocaleResolver localeResolver,
            org.illflow.request.PatronLimits limits) {
        this.limits = limits;
        this.patrons = patrons;
        this.registration = registration;
        this.localeResolver = localeResolver;
    }

    @GetMapping("/profile")
    String profile(Principal principal, Model model) {
        Patron patron = patrons.byCardNumber(principal.getName()).orElse(null);
        if (patron == null) {
            return "redirect:/";
        }
        ProfileForm form = new ProfileForm();
        form.setEmail(patron.getEmail());
        form.setPhone(patron.getPhone());
        form.setLanguage(patron.getLanguage());
        model.addAttribute("patron", patron);
        // the signed-in patron's own use only: the page takes no card number
        model.addAttribute("usage", limits.usageOf(patron));
        model.addAttribute("form", form);
        return "portal/profile";
    }

    @PostMapping("/profile")
    String save(@Valid @ModelAttribute("form") ProfileForm form, BindingResult result, Principal principal,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Patron patron = patrons.byCardNumber(principal.getName()).orElse(null);
        if (patron == null) {
            return "redirect:/";
        }
        model.addAttribute("patron", patron);
        // the signed-in patron's own use only: the page takes no card number
        model.addAttribute("usage", limits.usageOf(patron));
        if (result.hasErrors()) {
            return "portal/profile";
        }
        try {
            registration.updateContact(patron.getCardNumber(), form.getEmail(), form.getPhone(), form.getLanguage());
        } catch (RegistrationException e) {
            result.rejectValue(e.getField(), e.getMessageKey());
            return "portal/profile";
        }
        // the chosen language is remembered: for this browser now, for every notice from now on
        localeResolver.setLocale(request, response, Locale.forLanguageTag(form.getLanguage()));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/profile";
    }
}
