package org.illflow.patron;

import java.util.Arrays;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public Register page and the Activate page for patrons registered by staff. */
@Controller
class RegistrationController {

    private static final java.util.Set<String> TAKEN = java.util.Set.of("registration.cardNumber.taken",
            "registration.email.taken");
    private static final org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder TIMING_EQUALISER =
            new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder();

    private final PatronRegistration registration;
    private final PatronActivation activation;
    private final RegistrationSettings settings;

    RegistrationController(PatronRegistration registration, PatronActivation activation,
            RegistrationSettings settings) {
        this.registration = registration;
        this.activation = activation;
        this.settings = settings;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("patronTypes", Arrays.asList(PatronType.values()));
        model.addAttribute("eligibleTypes", settings.getEligibleTypes());
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", new RegistrationForm());
        return "patron/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result,
            RedirectAttributes redirect) {
        if (!result.hasFieldErrors("password")) {
            PasswordPolicy.problem(form.getPassword(), form.getCardNumber())
                    .ifPresent(key -> result.rejectValue("password", key));
        }
        if (form.getPassword() != null && !form.getPassword().equals(form.getPasswordConfirmation())) {
            result.rejectValue("passwordConfirmation", "registration.password.mismatch");
        }
        if (result.hasErrors()) {
            return "patron/register";
        }
        try {
            Patron patron = registration.register(form);
            redirect.addFlashAttribute("registeredName", patron.getName());
            redirect.addFlashAttribute("registeredEmail", patron.getEmail());
            return "redirect:/register/done";
        } catch (RegistrationException e) {
            if (TAKEN.contains(e.getMessageKey())) {
                // The page must not tell who is registered: a card number or address in use gets the same answer
                // (worded to fit both cases), after as much work as a real registration (one BCrypt hash).
                TIMING_EQUALISER.encode(form.getPassword());
                redirect.addFlashAttribute("registeredName", form.getName());
                redirect.addFlashAttribute("registeredEmail", form.getEmail());
                return "redirect:/register/done";
            }
            result.rejectValue(e.getField(), e.getMessageKey());
            return "patron/register";
        }
    }

    @GetMapping("/register/done")
    String done(Model model) {
        if (!model.containsAttribute("registeredName")) {
            return "redirect:/register";
        }
        return "patron/registered";
    }

    @GetMapping("/activate")
    String activateForm() {
        return "patron/activate";
    }

    @PostMapping("/activate")
    String activate(@RequestParam(defaultValue = "") String cardNumber, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordConfirmation, Model model, RedirectAttributes redirect) {
        model.addAttribute("cardNumber", cardNumber);
        model.addAttribute("email", email);
        var problem = PasswordPolicy.problem(password, cardNumber);
        if (problem.isPresent()) {
            model.addAttribute("passwordError", problem.get());
            return "patron/activate";
        }
        if (!password.equals(passwordConfirmation)) {
            model.addAttribute("passwordError", "registration.password.mismatch");
            return "patron/activate";
        }
        if (!activation.activate(cardNumber, email, code, password)) {
            model.addAttribute("failed", true);
            return "patron/activate";
        }
        redirect.addAttribute("activated", "");
        return "redirect:/login";
    }
}
