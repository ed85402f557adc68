package org.illflow.iso18626;

import java.util.Optional;

import jakarta.validation.Valid;

import org.illflow.supplier.Supplier;
import org.illflow.supplier.SupplierCatalog;
import org.springframework.dao.DataIntegrityViolationException;
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
 * Admin pages for ISO 18626 partner libraries: the list, registering one, changing one. Admins only
 * (SecurityConfig guards /admin/**), CSRF as every form. Bad input is answered with the form and its field errors
 * (status 400) and changes nothing. No page shows a stored security code.
 */
@Controller
@RequestMapping("/admin/iso18626/peers")
class Iso18626PeerController {

    static final String FORM = "peerForm";

    private final Iso18626Peers peers;
    private final SupplierCatalog suppliers;
    private final Iso18626Settings settings;

    Iso18626PeerController(Iso18626Peers peers, SupplierCatalog suppliers, Iso18626Settings settings) {
        this.peers = peers;
        this.suppliers = suppliers;
        this.settings = settings;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("ownAgency", settings.agencyId());
        model.addAttribute("suppliers", suppliers.all());
        model.addAttribute("versions", Iso18626Version.values());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("peers", peers.all());
        return "iso18626/peers";
    }

    @GetMapping("/new")
    String create(Model model) {
        model.addAttribute(FORM, new Iso18626PeerForm());
        model.addAttribute("creating", true);
        return "iso18626/peer";
    }

    @PostMapping("/new")
    String register(@Valid @ModelAttribute(FORM) Iso18626PeerForm form, BindingResult result, Model model,
            RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        if (!result.hasFieldErrors("code") && peers.byCode(form.getCode()).isPresent()) {
            result.rejectValue("code", "iso18626.peer.code.taken");
        }
        return save(null, form, result, model, redirect, response);
    }

    @GetMapping("/{code}")
    String edit(@PathVariable String code, Model model) {
        Iso18626Peer peer = find(code);
        model.addAttribute("peer", peer);
        model.addAttribute(FORM, Iso18626PeerForm.of(peer, supplierCode(peer.getSupplierId())));
        model.addAttribute("creating", false);
        return "iso18626/peer";
    }

    @PostMapping("/{code}")
    String change(@PathVariable String code, @Valid @ModelAttribute(FORM) Iso18626PeerForm form, BindingResult result,
            Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        Iso18626Peer peer = find(code);
        form.setCode(peer.getCode()); // the code names the peer and binds its security code: it never changes
        return save(peer, form, result, model, redirect, response);
    }

    private String save(Iso18626Peer existing, Iso18626PeerForm form, BindingResult result, Model model,
            RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        boolean creating = existing == null;
        form.checkAcrossFields(result, creating);
        Long supplierId = supplierId(form, existing, result);
        if (!result.hasFieldErrors("agencyIdType") && !result.hasFieldErrors("agencyIdValue")) {
            Optional<Iso18626Peer> sameAgency = peers.byAgency(form.agencyId());
            if (sameAgency.isPresent() && (creating || !sameAgency.get().getId().equals(existing.getId()))) {
                result.rejectValue("agencyIdValue", "iso18626.peer.agency.taken");
            }
        }
        if (!result.hasErrors()) {
            try {
                Iso18626Peer saved = peers.save(form.getCode(), form.toRegistration(supplierId),
                        creating ? null : form.getVersion());
                redirect.addFlashAttribute("saved", saved.getCode());
                return "redirect:/admin/iso18626/peers";
            } catch (OptimisticLockingFailureException e) {
                result.reject("iso18626.peer.changedMeanwhile");
            } catch (DataIntegrityViolationException e) {
                // another admin registered the same code, agency or supplier at the same moment
                result.reject("iso18626.peer.changedMeanwhile");
            }
        }
        form.setSecurityCode(null); // a typed security code is never sent back to the browser
        model.addAttribute("peer", existing);
        model.addAttribute("creating", creating);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "iso18626/peer";
    }

    private Long supplierId(Iso18626PeerForm form, Iso18626Peer existing, BindingResult result) {
        String code = form.getSupplierCode();
        if (code == null || code.isBlank()) {
            return null;
        }
        Optional<Supplier> supplier = suppliers.byCode(code);
        if (supplier.isEmpty()) {
            result.rejectValue("supplierCode", "iso18626.peer.supplier.unknown");
            return null;
        }
        Optional<Iso18626Peer> other = peers.bySupplier(supplier.get().getId());
        if (other.isPresent() && (existing == null || !other.get().getId().equals(existing.getId()))) {
            result.rejectValue("supplierCode", "iso18626.peer.supplier.taken");
        }
        return supplier.get().getId();
    }

    private String supplierCode(Long supplierId) {
        return supplierId == null ? null : suppliers.all().stream().filter(s -> supplierId.equals(s.getId()))
                .map(Supplier::getCode).findFirst().orElse(null);
    }

    private Iso18626Peer find(String code) {
        return peers.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
