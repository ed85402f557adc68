package org.illflow.request;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins set patron limits per patron type or per college within a type ({@code /admin/limits}) and what happens
 * over the budget. Bad input is shown at its field and changes nothing.
 */
@Controller
class PatronLimitsController {

    private final PatronLimits limits;

    PatronLimitsController(PatronLimits limits) {
        this.limits = limits;
    }

    @GetMapping("/admin/limits")
    String page(Model model) {
        if (!model.containsAttribute("limit")) {
            model.addAttribute("limit", new PatronLimitForm());
        }
        model.addAttribute("limits", limits.all());
        model.addAttribute("overBudget", limits.overBudget());
        model.addAttribute("patronTypes", org.illflow.patron.PatronType.values());
        return "request/limits";
    }

    @PostMapping("/admin/limits")
    String save(@Valid @ModelAttribute("limit") PatronLimitForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(model);
        }
        limits.save(form.getPatronType(), form.getCollege(), form.getMaxOpen(), form.getMaxPerYear(),
                form.getYearlyBudget());
        redirect.addFlashAttribute("notice", "limits.saved");
        return "redirect:/admin/limits";
    }

    @PostMapping("/admin/limits/{id}/delete")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        limits.remove(id);
        redirect.addFlashAttribute("notice", "limits.removed");
        return "redirect:/admin/limits";
    }

    @PostMapping("/admin/limits/over-budget")
    String overBudget(@RequestParam(defaultValue = "") String choice, Model model, RedirectAttributes redirect) {
        OverLimit chosen;
        try {
            chosen = OverLimit.valueOf(choice);
        } catch (IllegalArgumentException e) {
            model.addAttribute("overBudgetError", "limits.error.overBudget");
            return page(model);
        }
        limits.overBudget(chosen);
        redirect.addFlashAttribute("notice", "limits.saved");
        return "redirect:/admin/limits";
    }
}
