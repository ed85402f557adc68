package org.illflow.supplier;

import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages: the list of suppliers and lenders, and one supplier's terms (prices, turnaround, loan terms, work
 * link, account). Admins only (SecurityConfig guards /admin/**). No page ever shows a stored password.
 */
@Controller
@RequestMapping("/admin/suppliers")
class SupplierAdminController {

    static final String FORM = "supplierForm";

    private final SupplierCatalog catalog;
    private final SupplierEligibility eligibility;

    SupplierAdminController(SupplierCatalog catalog, SupplierEligibility eligibility) {
        this.catalog = catalog;
        this.eligibility = eligibility;
    }

    /** Who may serve what: shown read-only from the eligibility table, the one place that decides it. */
    @ModelAttribute
    void eligibility(Model model) {
        model.addAttribute("eligibility", eligibility.rulesBySupplier());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("suppliers", catalog.all());
        return "supplier/list";
    }

    /** Who was shown which supplier's password, when, on which request (newest first). */
    @GetMapping("/password-reveals")
    String reveals(Model model) {
        model.addAttribute("reveals", catalog.recentReveals(null, 500));
        return "supplier/reveals";
    }

    @GetMapping("/{code}")
    String edit(@PathVariable String code, Model model) {
        Supplier supplier = find(code);
        model.addAttribute("supplier", supplier);
        model.addAttribute(FORM, SupplierForm.of(supplier));
        return "supplier/edit";
    }

    @PostMapping("/{code}")
    String save(@PathVariable String code, @Valid @ModelAttribute(FORM) SupplierForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Supplier supplier = find(code);
        form.checkAcrossFields(result);
        if (!result.hasErrors()) {
            try {
                catalog.save(supplier.getCode(), form.toTerms(), form.getPassword(), form.getVersion());
                redirect.addFlashAttribute("saved", supplier.getCode());
                return "redirect:/admin/suppliers";
            } catch (OptimisticLockingFailureException e) {
                result.reject("supplier.changedMeanwhile");
            }
        }
        form.setPassword(null); // a typed password is never sent back to the browser
        model.addAttribute("supplier", supplier);
        return "supplier/edit";
    }

    private Supplier find(String code) {
        return catalog.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
