package org.illflow.portal;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** The self-service resources: a page for everyone, and their administration for admins. */
@Controller
class ResourcesController {

    private final SelfServiceResources resources;

    ResourcesController(SelfServiceResources resources) {
        this.resources = resources;
    }

    @GetMapping("/resources")
    String list(Model model) {
        model.addAttribute("resources", resources.active());
        return "portal/resources";
    }

    @GetMapping("/admin/resources")
    String admin(Model model) {
        model.addAttribute("resources", resources.all());
        return "portal/admin-resources";
    }

    @GetMapping("/admin/resources/new")
    String newForm(Model model) {
        model.addAttribute("form", new ResourceForm());
        return "portal/admin-resource";
    }

    @PostMapping("/admin/resources/new")
    String create(@Valid @ModelAttribute("form") ResourceForm form, BindingResult result) {
        if (result.hasErrors()) {
            return "portal/admin-resource";
        }
        resources.add(form);
        return "redirect:/admin/resources";
    }

    @GetMapping("/admin/resources/{id}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("form", ResourceForm.of(find(id)));
        model.addAttribute("resourceId", id);
        return "portal/admin-resource";
    }

    @PostMapping("/admin/resources/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ResourceForm form, BindingResult result,
            Model model) {
        find(id);
        if (result.hasErrors()) {
            model.addAttribute("resourceId", id);
            return "portal/admin-resource";
        }
        resources.update(id, form);
        return "redirect:/admin/resources";
    }

    @PostMapping("/admin/resources/{id}/delete")
    String delete(@PathVariable long id) {
        find(id);
        resources.delete(id);
        return "redirect:/admin/resources";
    }

    private SelfServiceResource find(long id) {
        return resources.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
