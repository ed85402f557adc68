package org.illflow.delivery;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.DocumentArchive;
import org.illflow.archive.UnacceptableFileException;
import org.illflow.citation.PageRange;
import org.illflow.security.SignedIn;
import org.illflow.supplier.Supplier;
import org.illflow.supplier.SupplierCatalog;
import org.illflow.system.ApiRefusal;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the Tasklist forms of document delivery staff call: the order sheet (citation, supplier, price, work
 * link and the supplier account, which never enters the engine; the password only for the holder of the Order task) and the upload of the received PDF straight
 * into the archive. Document delivery staff and admins only.
 */
@RestController
@RequestMapping("/staff")
class StaffDeliveryController {

    private final DeliveryRequests requests;
    private final DocumentDelivery delivery;
    private final SupplierCatalog suppliers;
    private final DocumentArchive archive;
    private final OrderTasks orderTasks;

    StaffDeliveryController(DeliveryRequests requests, DocumentDelivery delivery, SupplierCatalog suppliers,
            DocumentArchive archive, OrderTasks orderTasks) {
        this.requests = requests;
        this.delivery = delivery;
        this.suppliers = suppliers;
        this.archive = archive;
        this.orderTasks = orderTasks;
    }

    record OrderSheet(String requestNumber, String title, String authors, String journal, String issn, String doi,
            String volume, String issue, String pages, Integer year, String supplierCode, String supplierName,
            BigDecimal pricePerItem, BigDecimal pricePerPage, String tariff, Integer pageCount,
            BigDecimal expectedPrice, String workLink, String accountName, String password, boolean passwordWithheld,
            String deliveredBefore, List<String> sameArticleOpen, String eissn, String isbn, String pmid,
            String sourceDatabase, String copyright, boolean copyrightConfirmNeeded, java.time.LocalDate neededBy) {
    }

    record ReceivedCopy(long documentId, int pageCount, long sizeBytes, BigDecimal cost) {
    }

    /** The token Tasklist's embedded forms send back in the X-CSRF-TOKEN header when they upload. */
    @GetMapping("/csrf")
    Map<String, String> csrf(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
    }

    @GetMapping("/dd/{requestNumber}/order-sheet")
    OrderSheet orderSheet(@PathVariable String requestNumber, @RequestParam String supplier, Authentication who) {
        requireDeliveryStaff(who);
        DocumentDeliveryRequest r = requests.visibleTo(requestNumber, who.getName(), true);
        // the expected price of this article: its pages when the citation gives them
        Integer pages = PageRange.parse(r.getPages()).map(PageRange::pageCount).orElse(null);
        Supplier s = suppliers.byCode(supplier)
                .orElseThrow(() -> new ApiRefusal(404, "supplier.notFound", "No supplier " + supplier + "."));
        // the password only for whoever holds (has claimed) the open Order task of this request for this supplier
        Optional<String> task = orderTasks.heldBy(r.getRequestNumber(), s.getCode(), who.getName());
        String password = task.map(id -> suppliers.revealPassword(s.getCode(), r.getRequestNumber(), id, who.getName()))
                .orElse(null);
        org.illflow.copyright.CopyrightStanding standing = delivery.copyrightStanding(r.getId());
        return new OrderSheet(r.getRequestNumber(), r.getTitle(), r.getAuthors(), r.getJournal(), r.getIssn(),
                r.getDoi(), r.getVolume(), r.getIssue(), r.getPages(), r.getYear(), s.getCode(),
                s.name(Locale.SIMPLIFIED_CHINESE), s.getPricePerItem(), s.getPricePerPage(), s.copyTariff(), pages,
                pages == null ? null : s.copyCost(pages), s.getWorkLink(),
                s.getAccountName(), password, task.isEmpty() && s.hasPassword(), deliveredBefore(r), sameArticleOpen(r),
                r.getEissn(), r.getIsbn(), r.getPmid(), r.getSourceDatabase(), standing.describe(),
                standing.needsConfirmation(), r.getNeededBy());
    }

    /** Other open requests for the same article: those waiting for this one are served by its copy. */
    private List<String> sameArticleOpen(DocumentDeliveryRequest r) {
        return delivery.openForSameArticle(r.getId()).stream().map(o -> o.getRequestNumber() + " · " + o.getStatus()
                + (r.getId().equals(o.getWaitingFor()) ? " · 等待本申请的全文 / waits for this request's copy"
                        : o.getWaitingFor() != null ? " · 等待中 / waiting"
                        : o.getOrderingSince() != null ? " · 订购中 / being ordered" : "")).toList();
    }

    /** Bought before (imported history)? Staff look in the old system's files before paying again. */
    private String deliveredBefore(DocumentDeliveryRequest r) {
        return archive.findPriorDelivery(r.citation()).map(p -> p.requestNumber()
                + (p.supplierCode() == null ? "" : " · " + p.supplierCode())
                + (p.deliveredAt() == null ? "" : " · " + p.deliveredAt().toString().substring(0, 10))
                + " · " + p.source()).orElse(null);
    }

    @PostMapping("/dd/{requestNumber}/copy")
    ReceivedCopy receiveCopy(@PathVariable String requestNumber, @RequestParam String supplier,
            @RequestParam(required = false) MultipartFile file, Authentication who) throws IOException {
        requireDeliveryStaff(who);
        if (file == null) {
            throw new ApiRefusal(400, "archive.file.empty", "No file was attached.");
        }
        try {
            ArchivedDocument document = requests.receiveCopy(requestNumber, supplier, file.getBytes(), who.getName());
            return new ReceivedCopy(document.id(), document.pageCount(), document.sizeBytes(),
                    delivery.costOf(supplier, document.pageCount()));
        } catch (UnacceptableFileException e) {
            throw new ApiRefusal(400, e.getMessageKey(), e.getMessage(), e.getArguments());
        }
    }

    private static void requireDeliveryStaff(Authentication who) {
        if (!SignedIn.isDeliveryStaff(who)) {
            throw new ApiRefusal(403, "error.forbidden", "Document delivery staff only.");
        }
    }
}
