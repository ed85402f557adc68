package org.illflow.borrowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.illflow.delivery.DocumentDeliveryProcess.*;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.Pdfs;
import org.illflow.delivery.DeliveryRequests;
import org.illflow.delivery.DeliveryStatus;
import org.illflow.delivery.DeliveryTestData;
import org.illflow.delivery.DocumentDeliveryRequest;
import org.illflow.delivery.TimelineEvent;
import org.illflow.iso18626.Iso18626;
import org.illflow.iso18626.Iso18626.AgencyId;
import org.illflow.iso18626.Iso18626.Costs;
import org.illflow.iso18626.Iso18626.DeliveryInfo;
import org.illflow.iso18626.Iso18626.ItemId;
import org.illflow.iso18626.Iso18626.ReasonForMessage;
import org.illflow.iso18626.Iso18626.Request;
import org.illflow.iso18626.Iso18626.ServiceType;
import org.illflow.iso18626.Iso18626.Status;
import org.illflow.iso18626.Iso18626.SupplyingAgencyMessage;
import org.illflow.iso18626.Iso18626.YesNo;
import org.illflow.iso18626.Iso18626Peer;
import org.illflow.iso18626.Iso18626Peers;
import org.illflow.iso18626.Iso18626Settings;
import org.illflow.iso18626.Iso18626Version;
import org.illflow.security.IllflowGroups;
import org.illflow.supplier.SupplierCatalog;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Article copies from ISO 18626 partner libraries (document delivery, service type Copy): the process sends the
 * request itself, and the partner's messages are posted to {@code POST /iso18626}. A copy delivered by URL is
 * fetched from a web server on this machine into the archive; one that cannot be fetched, and one sent by e-mail,
 * go to staff's upload as today. NSTL (the cheapest for the test article) is a 2021-2 partner, CALIS (the next) a
 * 1.2 partner; both are deactivated after each test.
 */
@IllflowTest
class PartnerCopyTest {

    static final String PATRON = "2024110001";
    static final String DD_STAFF = "ddstaff";
    static final AgencyId NSTL_AGENCY = new AgencyId("ISIL", "CN-NSTL-BORROW");
    static final AgencyId CALIS_AGENCY = new AgencyId("ISIL", "CN-CALIS-BORROW");

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired DeliveryRequests requests;
    @Autowired TestSupport support;
    @Autowired Iso18626Peers peers;
    @Autowired Iso18626Settings settings;
    @Autowired SupplierCatalog suppliers;
    @Autowired JdbcTemplate jdbc;

    PartnerDesk desk;
    Iso18626Peer nstl;
    HttpServer files;
    String base;

    @BeforeEach
    void setUp() throws IOException {
        AbstractAssertions.init(engine);
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-02T10:00+08:00").toInstant()));
        desk = new PartnerDesk(peers, settings, suppliers, jdbc, support);
        nstl = desk.partner("B-NSTL", "NSTL", NSTL_AGENCY, Iso18626Version.V2021_2, true);
        desk.partner("B-CALIS", "CALIS", CALIS_AGENCY, Iso18626Version.V1_2, false);
        // the partner's file server: a PDF, a page that is not a PDF, and a redirect to another host name
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + files.getAddress().getPort();
        files.createContext("/copy.pdf", exchange -> answer(exchange, 200, "application/pdf", Pdfs.pdf(12)));
        files.createContext("/login.html", exchange -> answer(exchange, 200, "text/html",
                "<html>please log in</html>".getBytes(StandardCharsets.UTF_8)));
        files.createContext("/elsewhere", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + files.getAddress().getPort()
                    + "/copy.pdf");
            answer(exchange, 302, "text/plain", new byte[0]);
        });
        files.start();
    }

    @AfterEach
    void tearDown() {
        files.stop(0);
        identityService.clearAuthentication();
        support.resetClock();
        runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).list().forEach(instance ->
                runtimeService.deleteProcessInstance(instance.getId(), "test finished", true));
        desk.partner("B-NSTL", "NSTL", NSTL_AGENCY, Iso18626Version.V2021_2, false);
        desk.partner("B-CALIS", "CALIS", CALIS_AGENCY, Iso18626Version.V1_2, false);
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private DocumentDeliveryRequest submitted() {
        DocumentDeliveryRequest request = requests.submit(DeliveryTestData.stmArticle(), PATRON);
        support.passSavePoint(request.getRequestNumber());
        return request;
    }

    private ProcessInstance instance(DocumentDeliveryRequest request) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(request.getProcessInstanceId())
                .singleResult();
    }

    private DocumentDeliveryRequest reload(DocumentDeliveryRequest request) {
        return requests.visibleTo(request.getRequestNumber(), DD_STAFF, true);
    }

    private List<String> events(DocumentDeliveryRequest request) {
        return requests.timelineOf(reload(request)).stream().map(TimelineEvent::getEvent).toList();
    }

    private void runJobs(DocumentDeliveryRequest request) {
        PartnerDesk.runJobs(managementService, request.getProcessInstanceId());
    }

    private void completeAsStaff(DocumentDeliveryRequest request, String taskKey, Map<String, Object> variables) {
        PartnerDesk.complete(engine, request.getRequestNumber(), taskKey, DD_STAFF, IllflowGroups.DD_STAFF, variables);
    }

    private SupplyingAgencyMessage copyCompleted(Iso18626Peer partner, String requestId, String url) {
        return desk.message(partner, requestId, ReasonForMessage.StatusChange, Status.CopyCompleted, null, null, null,
                null, null, null, url == null ? null : new DeliveryInfo(Instant.now(), null, url, "URL", "PDF", null));
    }

    private SupplyingAgencyMessage willSupply(Iso18626Peer partner, String requestId) {
        return desk.message(partner, requestId, ReasonForMessage.RequestResponse, Status.WillSupply, null, YesNo.Y,
                null, null, null, null, null);
    }

    @Test
    void aCopyDeliveredByUrlIsFetchedIntoTheArchiveAndDeliveredWithoutStaff() throws Exception {
        DocumentDeliveryRequest request = submitted();
        String number = request.getRequestNumber();
        ProcessInstance instance = instance(request);

        assertThat(instance).hasPassed(TASK_SEND_COPY_REQUEST).isWaitingAt(GATEWAY_AWAIT_SUPPLIER);
        assertThat(reload(request).getStatus()).isEqualTo(DeliveryStatus.ORDERED);
        assertThat(reload(request).getSupplierCode()).isEqualTo("NSTL");
        assertThat(desk.sent(number)).singleElement().satisfies(s -> {
            assertThat(s.version()).isEqualTo(Iso18626Version.V2021_2);
            Request sent = (Request) s.message();
            assertThat(sent.serviceInfo().serviceType()).isEqualTo(ServiceType.Copy);
            assertThat(sent.bibliographicInfo().title()).isEqualTo("Journal of Catalysis Research");
            assertThat(sent.bibliographicInfo().titleOfComponent()).isEqualTo(request.getTitle());
            assertThat(sent.bibliographicInfo().pagesRequested()).isEqualTo("101-112");
            assertThat(sent.bibliographicInfo().itemIds()).extracting(ItemId::code).containsExactly("ISSN", "DOI");
            // 12 pages at NSTL's tariff
            assertThat(sent.billingInfo().maximumCosts()).isEqualTo(new Costs("CNY", new BigDecimal("3.60")));
        });

        desk.accepted(nstl, willSupply(nstl, number));
        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_SUPPLIER);
        desk.accepted(nstl, copyCompleted(nstl, number, base + "/copy.pdf"));
        // fetched in a job of its own, after the partner got its confirmation
        assertThat(instance).isWaitingAt(TASK_FETCH_COPY);
        runJobs(request);
        assertThat(instance).hasPassed(TASK_FETCH_COPY, TASK_RECORD_DELIVERY, END_DELIVERED).isEnded();
        DocumentDeliveryRequest delivered = reload(request);
        assertThat(delivered.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.getDocumentId()).isNotNull();
        assertThat(delivered.getCost()).isEqualByComparingTo("3.60");
        assertThat(events(request)).containsSubsequence("PARTNER_ASKED", "PARTNER_WILL_SUPPLY",
                "PARTNER_COPY_COMPLETED", "COPY_UPLOADED", "DELIVERED");
        // nothing fits after the end
        desk.refusedAsNotFitting(nstl, number, copyCompleted(nstl, number, base + "/copy.pdf"));
    }

    @Test
    void aCopyThatCannotBeFetchedGoesToStaffWhoUploadItAsToday() throws Exception {
        DocumentDeliveryRequest request = submitted();
        String number = request.getRequestNumber();
        ProcessInstance instance = instance(request);
        desk.accepted(nstl, copyCompleted(nstl, number, base + "/elsewhere"));
        runJobs(request);
        assertThat(instance).hasPassed(EVENT_COPY_NOT_FETCHED).isWaitingAt(TASK_RECEIVE);
        assertThat(requests.timelineOf(reload(request))).filteredOn(e -> e.getEvent().equals("PARTNER_COPY_NOT_FETCHED"))
                .singleElement().satisfies(e -> assertThat(e.getDetail()).contains("another host", "localhost"));
        assertThat(reload(request).getPendingDocumentId()).isNull();

        ArchivedDocument copy = requests.receiveCopy(number, "NSTL", Pdfs.pdf(12), DD_STAFF);
        completeAsStaff(request, TASK_RECEIVE, Map.of(VAR_RECEIVE_OUTCOME, DELIVERED, VAR_DOCUMENT_ID, copy.id()));
        assertThat(reload(request).getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aPageThatIsNotAPdfIsRefusedLikeAnUploadAndStaffTakeOver() throws Exception {
        DocumentDeliveryRequest request = submitted();
        desk.accepted(nstl, copyCompleted(nstl, request.getRequestNumber(), base + "/login.html"));
        runJobs(request);
        assertThat(instance(request)).hasPassed(EVENT_COPY_NOT_FETCHED).isWaitingAt(TASK_RECEIVE);
        assertThat(requests.timelineOf(reload(request))).filteredOn(e -> e.getEvent().equals("PARTNER_COPY_NOT_FETCHED"))
                .singleElement().satisfies(e -> assertThat(e.getDetail()).contains("not an acceptable PDF"));
        assertThat(jdbc.queryForObject("select count(*) from archived_document where original_request_number = ?",
                Long.class, request.getRequestNumber())).isZero();
    }

    @Test
    void onlyHttpAndHttpsUrlsWithoutCredentialsAreFetched() {
        for (String url : List.of("ftp://files.example.edu/copy.pdf", "file:///etc/passwd", "javascript:alert(1)",
                "https://user:secret@files.example.edu/copy.pdf", "not a url")) {
            assertThatThrownBy(() -> CopyFetcher.checked(url)).as(url).isInstanceOf(CopyFetcher.NotFetched.class);
        }
    }

    @Test
    void anUnfilledPartnerPassesTheCopyOnAndACopySentByEmailIsUploadedByStaff() throws Exception {
        Iso18626Peer calis = desk.partner("B-CALIS", "CALIS", CALIS_AGENCY, Iso18626Version.V1_2, true);
        DocumentDeliveryRequest request = submitted();
        String number = request.getRequestNumber();
        ProcessInstance instance = instance(request);

        desk.accepted(nstl, desk.message(nstl, number, ReasonForMessage.RequestResponse, Status.Unfilled, null,
                YesNo.N, null, "NotHeld", null, null, null));
        runJobs(request);
        assertThat(instance).hasPassed(EVENT_SUPPLIER_UNFILLED, TASK_RECORD_SUPPLIER_UNFILLED)
                .isWaitingAt(GATEWAY_AWAIT_SUPPLIER);
        assertThat(desk.sent(number)).hasSize(2).last().satisfies(s -> {
            assertThat(s.peerId()).isEqualTo(calis.getId());
            assertThat(s.version()).isEqualTo(Iso18626Version.V1_2);
        });
        // sent by e-mail (1.2, no link in the note): staff upload it as for any supplier
        desk.accepted(calis, copyCompleted(calis, number, null));
        assertThat(instance).isWaitingAt(TASK_RECEIVE);
        ArchivedDocument copy = requests.receiveCopy(number, "CALIS", Pdfs.pdf(12), DD_STAFF);
        completeAsStaff(request, TASK_RECEIVE, Map.of(VAR_RECEIVE_OUTCOME, DELIVERED, VAR_DOCUMENT_ID, copy.id()));
        assertThat(reload(request).getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(reload(request).getSupplierCode()).isEqualTo("CALIS");
    }

    @Test
    void aPartnerThatDoesNotAnswerInTimeIsToldTheRequestIsWithdrawnAndAPatronsCancellationToo() throws Exception {
        DocumentDeliveryRequest late = submitted();
        ProcessInstance instance = instance(late);
        support.moveClock(Duration.ofDays(7));
        runJobs(late);
        assertThat(instance).hasPassed(EVENT_PARTNER_TIMEOUT, TASK_SEND_CANCEL_ON_TIMEOUT, TASK_RECORD_SUPPLIER_TIMEOUT)
                .isWaitingAt(TASK_ORDER);
        assertThat(desk.sent(late.getRequestNumber())).hasSize(2).last()
                .satisfies(s -> assertThat(s.action()).isEqualTo(Iso18626.Action.Cancel));
        // the partner's answer to the Cancel is recorded; a late copy does not fit
        desk.accepted(nstl, desk.message(nstl, late.getRequestNumber(), ReasonForMessage.CancelResponse,
                Status.Cancelled, null, YesNo.Y, null, null, null, null, null));
        desk.refusedAsNotFitting(nstl, late.getRequestNumber(), copyCompleted(nstl, late.getRequestNumber(), null));

        DocumentDeliveryRequest cancelled = submitted();
        requests.cancel(cancelled.getRequestNumber(), PATRON, false);
        assertThat(instance(cancelled)).isNull();
        assertThat(desk.sent(cancelled.getRequestNumber())).hasSize(2).last()
                .satisfies(s -> assertThat(s.action()).isEqualTo(Iso18626.Action.Cancel));
        assertThat(events(cancelled)).containsSubsequence("PARTNER_ASKED", "CANCELLED", "PARTNER_TOLD_CANCEL");
    }
}
