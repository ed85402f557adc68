package org.illflow.ops;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.illflow.iso18626.Iso18626;
import org.illflow.iso18626.Iso18626.AgencyId;
import org.illflow.iso18626.Iso18626.Authentication;
import org.illflow.iso18626.Iso18626.Confirmation;
import org.illflow.iso18626.Iso18626.Envelope;
import org.illflow.iso18626.Iso18626.Header;
import org.illflow.iso18626.Iso18626Reader;
import org.illflow.iso18626.Iso18626Version;
import org.illflow.iso18626.Iso18626Writer;
import org.illflow.support.PortalClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Two libraries that both run illflow lending to each other over ISO 18626: two JVMs from the packaged jar (one
 * Spring context per JVM; Camunda keeps its engines in static registries), each on the embedded default (H2 in a
 * data folder of its own), each with its own SMTP sink and port. Each library's admin registers the other as a
 * partner through the admin pages, as a person would (login, form, CSRF token). Then the scenarios run over HTTP
 * only — the partner endpoint, the admin pages, and the Tasklist REST API for staff steps — and afterwards both
 * databases are read to check what each library holds.
 *
 * <pre>
 * mvn -DskipTests package
 * mvn -Pops exec:java -Dexec.mainClass=org.illflow.ops.PartnerLibrariesCheck -Dexec.args="--scenarios short"
 * mvn -Pops exec:java -Dexec.mainClass=org.illflow.ops.PartnerLibrariesCheck
 * </pre>
 * {@code short} (what CI runs): the partners registered on both sides; a request from library A delivered to B,
 * stored by B as one lending request and confirmed, and the same request sent twice more, which changes nothing
 * and is answered with the first confirmation byte for byte; a message from B reaching A, which recognises B as
 * its partner. {@code full} (the default): the same, and the loan and copy scenarios (README, "Operations"): a book
 * borrowed and returned with a renewal refused and one granted, every message of it sent again twice, a cancel
 * before shipping, an Unfilled that moves A to its next lender, an article copy fetched by URL. While the nodes run
 * the check reads their H2 databases through H2's auto-server mode (set for these nodes only). Exit code 0 when
 * everything held.
 */
public final class PartnerLibrariesCheck {

    static final String ACCOUNT = "illflow-a-b";
    static final String SECRET = "a-and-b-share-this-s3cret";
    static final String ILL_STAFF = "illstaff";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = CrashCheck.options(args, Map.of("scenarios", "full"));
        boolean full = !o.get("scenarios").equals("short");
        Path work = CrashCheck.fresh(Paths.get("target", "ops", "partners").toAbsolutePath());
        long began = System.currentTimeMillis();
        CrashCheck.quietMailSink();
        Library a = new Library("A", new AgencyId("ISIL", "CN-ILLFLOW-A"), work);
        Library b = new Library("B", new AgencyId("ISIL", "CN-ILLFLOW-B"), work);
        Ledger ledger = new Ledger();
        boolean passed;
        try {
            System.out.printf("Partner libraries check (%s): A at %s, B at %s; logs in %s%n", full ? "full" : "short",
                    a.node.baseUrl(), b.node.baseUrl(), work);
            startBoth(a, b);
            ledger.figure("start of both libraries (s)", (System.currentTimeMillis() - began) / 1000);
            // A borrows from B: B takes the place of A's lender FUDAN; B only lends to A (no lender row)
            a.register(b, "FUDAN");
            b.register(a, "");
            ledger.figure("partners registered through the admin pages", "A knows B, B knows A");

            Scenarios scenarios = new Scenarios(a, b, ledger);
            scenarios.aRequestFromAIsStoredOnceByBEvenWhenSentThreeTimes();
            scenarios.aMessageFromBReachesAWhichKnowsItsPartner();
            if (full) {
                scenarios.full();
            }

            a.closeDb();
            b.closeDb();
            a.node.stop();
            b.node.stop();
            try (Connection dbA = CrashCheck.connect(null, "illflow", a.data);
                    Connection dbB = CrashCheck.connect(null, "illflow", b.data)) {
                scenarios.checkStored(dbA, dbB);
            }
            for (Library library : List.of(a, b)) {
                String log = java.nio.file.Files.readString(work.resolve("library-" + library.name + ".log"),
                        StandardCharsets.UTF_8);
                ledger.figure(library.name + ": application log lines holding the shared secret",
                        log.lines().filter(line -> line.contains(SECRET)).count());
                if (log.contains(SECRET)) {
                    ledger.problem("SECRET IN " + library.name + "'s APPLICATION LOG");
                }
            }
            passed = ledger.passed();
        } finally {
            a.close();
            b.close();
        }
        System.out.print(ledger.report());
        System.out.printf("Partner libraries check %s in %d s%n", passed ? "PASSED" : "FAILED",
                (System.currentTimeMillis() - began) / 1000);
        System.exit(passed ? 0 : 1);
    }

    /** Both JVMs start at the same time (each waits for its own health). */
    static void startBoth(Library a, Library b) throws Exception {
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (Library library : List.of(a, b)) {
                started.add(starter.submit(() -> library.node.start(Duration.ofMinutes(10))));
            }
            for (Future<?> f : started) {
                f.get();
            }
        } finally {
            starter.shutdownNow();
        }
    }

    /** One library: its node, data folder, SMTP sink, own agency id, and its admin's session. */
    static final class Library implements AutoCloseable {
        final String name;
        final AgencyId agency;
        final Path data;
        final GreenMail smtp;
        final AppNode node;
        private PortalClient admin;

        Library(String name, AgencyId agency, Path work) {
            this.name = name;
            this.agency = agency;
            this.data = work.resolve("library-" + name.toLowerCase(java.util.Locale.ROOT));
            this.smtp = new GreenMail(new ServerSetup(AppNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            int port = AppNode.freePort();
            Map<String, String> settings = NodeSettings.of(data, smtp.getSmtp().getPort(), null);
            settings.put("illflow.iso18626.agency-id-value", agency.value());
            settings.put("illflow.base-url", "http://127.0.0.1:" + port);
            // the outbox looks for due messages every two seconds (production: 30 s)
            settings.put("illflow.iso18626.outbox-poll", "PT2S");
            // the check reads each library's database while it runs (what a replayed message changed, where a
            // process waits): H2 serves the file to a second process only in its auto-server mode
            settings.put("spring.datasource.url", "jdbc:h2:file:" + data.toAbsolutePath().resolve("illflow")
                    + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;CACHE_SIZE=65536");
            this.node = new AppNode("library-" + name, port, work.resolve("library-" + name + ".log"), settings);
        }

        String endpoint() {
            return node.baseUrl() + "/iso18626";
        }

        PortalClient admin() {
            if (admin == null) {
                admin = new PortalClient(node.baseUrl());
                admin.login(StaffDesk.ADMIN, StaffDesk.ADMIN_PASSWORD);
            }
            return admin;
        }

        /** Registers the other library as a partner, as an admin does on the page "register a partner library". */
        void register(Library other, String supplierCode) {
            savePartner(other, supplierCode, "/admin/iso18626/peers/new");
        }

        /** Binds the registered partner to another supplier row, as an admin does on the partner's page. */
        void rebind(Library other, String supplierCode) {
            savePartner(other, supplierCode, "/admin/iso18626/peers/LIB-" + other.name);
        }

        private void savePartner(Library other, String supplierCode, String page) {
            PortalClient client = admin();
            String token = PortalClient.csrfFrom(client.get(page).body());
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", token);
            form.put("code", "LIB-" + other.name);
            form.put("name", "图书馆 " + other.name + " (illflow)");
            form.put("supplierCode", supplierCode);
            form.put("endpointUrl", other.endpoint());
            form.put("agencyIdType", other.agency.type());
            form.put("agencyIdValue", other.agency.value());
            form.put("isoVersion", Iso18626Version.V2021_2.code());
            form.put("accountId", ACCOUNT);
            form.put("securityCode", SECRET);
            form.put("active", "true");
            HttpResponse<String> saved = client.postForm(page, form);
            if (saved.statusCode() != 302 || !saved.headers().firstValue("Location").orElse("")
                    .endsWith("/admin/iso18626/peers")) {
                throw new IllegalStateException(name + " could not register " + other.name + ": " + saved.statusCode()
                        + "\n" + saved.body());
            }
            String list = client.get("/admin/iso18626/peers").body();
            if (!list.contains("LIB-" + other.name) || !list.contains(other.agency.value())) {
                throw new IllegalStateException(name + "'s partner list does not show " + other.name);
            }
        }

        /** This library's database while it runs (H2's auto-server: the node serves its file to the check). */
        Connection db() throws java.sql.SQLException {
            if (live == null) {
                live = java.sql.DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("illflow")
                        + ";AUTO_SERVER=TRUE", "sa", "");
            }
            return live;
        }

        private Connection live;

        List<String> column(String sql) throws java.sql.SQLException {
            return Ledger.column(db(), sql);
        }

        /** Waits up to five minutes for a query to answer what is expected; returns what it last answered. */
        List<String> await(String sql, List<String> expected) throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            List<String> seen = column(sql);
            while (!seen.equals(expected) && System.nanoTime() < deadline) {
                AppNode.sleep(1000);
                seen = column(sql);
            }
            return seen;
        }

        /** Closes the live connection before the node stops (the node owns the file). */
        void closeDb() throws java.sql.SQLException {
            if (live != null) {
                live.close();
                live = null;
            }
        }

        /** Uploads one MARC 21 print holding of a book as an admin does on the holdings page. */
        void uploadHoldings(String isbn, String title) {
            uploadHoldings("020", isbn, title);
        }

        /**
         * Uploads one MARC 21 print holding (a book by its ISBN, 020, or a journal by its ISSN, 022) as an admin does
         * on the holdings page: only this library holds it.
         */
        void uploadHoldings(String tag, String isbn, String title) {
            PortalClient client = admin();
            String token = PortalClient.csrfFrom(client.get("/admin/holdings").body());
            String marc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><collection xmlns=\"http://www.loc.gov/MARC21/slim\">"
                    + "<record><leader>00000cam a2200000 i 4500</leader><controlfield tag=\"001\">partner-" + isbn
                    + "</controlfield><datafield tag=\"" + tag + "\" ind1=\" \" ind2=\" \"><subfield code=\"a\">" + isbn
                    + "</subfield></datafield><datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">" + title
                    + "</subfield></datafield><datafield tag=\"852\" ind1=\"0\" ind2=\" \"><subfield code=\"a\">LIB-"
                    + name + "</subfield><subfield code=\"b\">Main Library</subfield><subfield code=\"h\">K890</subfield>"
                    + "</datafield></record></collection>";
            String boundary = "partner-" + System.nanoTime();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nMARC\r\n--"
                    + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"partner-holdings.xml\""
                    + "\r\nContent-Type: application/xml\r\n\r\n" + marc + "\r\n--" + boundary + "--\r\n";
            HttpResponse<String> uploaded = client.postBytes("/admin/holdings", body.getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
            if (uploaded.statusCode() != 200) {
                throw new IllegalStateException(name + " refused the holdings file: " + uploaded.statusCode());
            }
        }

        /** The id of the task that appears for this query (Tasklist REST, as ILL staff), waiting up to five minutes. */
        String awaitTask(String query, String taskKey) {
            java.util.regex.Pattern id = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"");
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                String tasks = StaffDesk.rest(node.baseUrl(), "GET", "/task?" + query + "&taskDefinitionKey=" + taskKey,
                        null, ILL_STAFF, StaffDesk.STAFF_PASSWORD, 200);
                java.util.regex.Matcher m = id.matcher(tasks);
                if (m.find()) {
                    return m.group(1);
                }
                AppNode.sleep(1000);
            }
            throw new IllegalStateException(name + ": no task " + taskKey + " for " + query + " within five minutes");
        }

        /** Claims and completes a task as ILL staff with these variables (JSON of the REST API). */
        void complete(String taskId, String variables) {
            StaffDesk.rest(node.baseUrl(), "POST", "/task/" + taskId + "/claim", "{\"userId\":\"" + ILL_STAFF + "\"}",
                    ILL_STAFF, StaffDesk.STAFF_PASSWORD, 204);
            StaffDesk.rest(node.baseUrl(), "POST", "/task/" + taskId + "/complete", "{\"variables\":" + variables + "}",
                    ILL_STAFF, StaffDesk.STAFF_PASSWORD, 204);
        }

        /** Whether the process of this business key ends within five minutes. */
        boolean awaitEnded(String businessKey) {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                String running = StaffDesk.rest(node.baseUrl(), "GET", "/process-instance/count?businessKey=" + businessKey,
                        null, StaffDesk.ADMIN, StaffDesk.ADMIN_PASSWORD, 200);
                if (running.contains("\"count\":0")) {
                    return true;
                }
                AppNode.sleep(1000);
            }
            return false;
        }

        /** The rows of the admin's message log page that concern this request id. */
        List<String> logRows(String requestId) {
            String page = admin().get("/admin/iso18626/messages").body();
            List<String> rows = new ArrayList<>();
            for (String row : page.split("<tr>")) {
                if (row.contains(">" + requestId + "<")) {
                    rows.add(row);
                }
            }
            return rows;
        }

        @Override
        public void close() {
            try {
                closeDb();
            } catch (java.sql.SQLException e) {
                // the node goes away next anyway
            }
            node.kill();
            smtp.stop();
        }
    }

    /** What the check does and verifies; each scenario records its figures and problems in the ledger. */
    static final class Scenarios {
        private final Library a;
        private final Library b;
        private final Ledger ledger;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(java.util.Locale.ROOT);
        private String deliveredRequest;
        private String unknownToA;

        Scenarios(Library a, Library b, Ledger ledger) {
            this.a = a;
            this.b = b;
            this.ledger = ledger;
        }

        /** Posts a message to a library's endpoint as a partner's machine does; returns the body answered. */
        HttpResponse<byte[]> send(Library to, byte[] xml) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(to.endpoint())).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        Confirmation confirmation(HttpResponse<byte[]> response) throws Exception {
            return (Confirmation) Iso18626Reader.read(response.body()).message();
        }

        /**
         * A's request for a book, as A's system writes it, delivered to B's endpoint three times (a partner whose
         * confirmation was lost sends the same bytes again): B stores one lending request and answers each copy
         * with the first confirmation.
         */
        void aRequestFromAIsStoredOnceByBEvenWhenSentThreeTimes() throws Exception {
            deliveredRequest = "ILL-2026-A" + run;
            Iso18626.Request request = new Iso18626.Request(
                    new Header(b.agency, a.agency, null, Instant.now().truncatedTo(ChronoUnit.MILLIS), deliveredRequest,
                            null, new Authentication(ACCOUNT, SECRET)),
                    new Iso18626.BibliographicInfo(null, "江村经济", "费孝通", null, null, null, null, null, null, null,
                            List.of(new Iso18626.ItemId("ISBN", "9787208061644"))),
                    null, new Iso18626.ServiceInfo(Iso18626.RequestType.New, Iso18626.ServiceType.Loan,
                            Instant.now().plus(20, ChronoUnit.DAYS), null),
                    new Iso18626.BillingInfo(null, new Iso18626.Costs("CNY", new BigDecimal("30.00"))));
            byte[] xml = Iso18626Writer.write(new Envelope(Iso18626Version.V2021_2, request));
            HttpResponse<byte[]> first = send(b, xml);
            Confirmation confirmation = confirmation(first);
            if (first.statusCode() != 200 || !confirmation.ok()) {
                ledger.problem("B REFUSED A's request: " + new String(first.body(), StandardCharsets.UTF_8));
            }
            int same = 0;
            for (int i = 0; i < 2; i++) {
                HttpResponse<byte[]> again = send(b, xml);
                if (java.util.Arrays.equals(again.body(), first.body())) {
                    same++;
                } else {
                    ledger.problem("RETRANSMISSION ANSWERED DIFFERENTLY: " + new String(again.body(), StandardCharsets.UTF_8));
                }
            }
            ledger.figure("A's request sent to B 3 times; first confirmation repeated", same + " of 2");
            List<String> rows = b.logRows(deliveredRequest);
            long accepted = rows.stream().filter(r -> r.contains(">ACCEPTED<")).count();
            long duplicates = rows.stream().filter(r -> r.contains(">DUPLICATE<")).count();
            ledger.figure("B's message log for it (admin page)", accepted + " accepted, " + duplicates + " retransmissions");
            if (accepted != 1 || duplicates != 2) {
                ledger.problem("B's LOG shows " + accepted + " accepted and " + duplicates + " retransmissions, not 1 and 2");
            }
        }

        /**
         * B answers with a status message about a request A never sent: A's endpoint recognises B (the refusal is
         * about the request, not about the sender or its credentials) and stores nothing but the refusal.
         */
        void aMessageFromBReachesAWhichKnowsItsPartner() throws Exception {
            unknownToA = "ILL-2026-NOTSENT-" + run;
            Iso18626.SupplyingAgencyMessage status = new Iso18626.SupplyingAgencyMessage(
                    new Header(b.agency, a.agency, null, Instant.now().truncatedTo(ChronoUnit.MILLIS), unknownToA,
                            "LEND-2026-000001", null),
                    new Iso18626.MessageInfo(Iso18626.ReasonForMessage.RequestResponse, null, null, null, null),
                    new Iso18626.StatusInfo(Iso18626.Status.WillSupply, null, null, Instant.now()), null, null);
            HttpResponse<byte[]> answer = send(a, Iso18626Writer.write(new Envelope(Iso18626Version.V2021_2, status)));
            Confirmation confirmation = confirmation(answer);
            String error = confirmation.errors().isEmpty() ? "" : confirmation.errors().get(0).errorValue();
            boolean knowsB = !confirmation.ok() && error.contains("no such request") && !error.contains("not a partner");
            ledger.figure("B's status about a request A never sent", confirmation.ok() ? "accepted" : "refused: " + error);
            if (!knowsB) {
                ledger.problem("A DID NOT ANSWER B AS ITS PARTNER: " + new String(answer.body(), StandardCharsets.UTF_8));
            }
        }

        /**
         * The loan and copy scenarios between the two libraries: a book borrowed and returned with a renewal refused
         * and one granted on the way; every message of that loan sent again twice, which changes nothing; a loan
         * cancelled by the patron before B ships; a book B does not hold, whose Unfilled moves A's process to its next
         * lender by itself; an article copy B scans and A fetches by URL into its archive.
         */
        void full() throws Exception {
            aBookIsBorrowedFromBAndReturned();
            everyMessageOfTheBookSentAgainTwiceChangesNothing();
            aLoanCancelledBeforeBShipsEndsOnBothSides();
            anUnfilledFromBMovesAToItsNextLender();
            anArticleCopyFromBIsFetchedByUrl();
        }

        /** A's patron asks for a book through the patron API; returns its request number, or null (a problem). */
        private String askForBook(PortalClient patron, String isbn, String title) {
            HttpResponse<String> submitted = patron.postJson("/api/loan-requests", "{\"title\":\"" + title
                    + "\",\"authors\":\"王, 家范\",\"isbn\":\"" + isbn + "\",\"publisher\":\"上海人民出版社\","
                    + "\"year\":2019,\"language\":\"zh\"}", patron.csrfToken());
            java.util.regex.Matcher number = java.util.regex.Pattern.compile("\"requestNumber\":\"([^\"]+)\"")
                    .matcher(submitted.body());
            if (submitted.statusCode() != 201 || !number.find()) {
                ledger.problem("A's PATRON COULD NOT ASK FOR " + title + ": " + submitted.statusCode() + " "
                        + submitted.body());
                return null;
            }
            return number.group(1);
        }

        /**
         * B's admin uploads a holding of a new book; A's patron asks for it; the request reaches B through A's outbox
         * and starts B's lending process, whose staff decide to lend it. Returns A's request number, or null.
         */
        private String askForABookOnlyBHolds(PortalClient patron, int salt, String title) throws Exception {
            String isbn = uniqueIsbn(salt);
            b.uploadHoldings(isbn, title + run);
            String loan = askForBook(patron, isbn, title + run);
            if (loan != null) {
                b.complete(b.awaitTask("processVariables=partnerRequestId_eq_" + loan, "Task_Decide"),
                        "{\"decision\":{\"value\":\"loan\",\"type\":\"String\"}}");
            }
            return loan;
        }

        private static PortalClient patron(Library library, int which) {
            PortalClient patron = new PortalClient(library.node.baseUrl());
            patron.login(PatronLoad.PATRONS.get(which), PatronLoad.PATRON_PASSWORD);
            return patron;
        }

        private static String uniqueIsbn(int salt) {
            return org.illflow.loan.LoanTestData.isbn13("7" + String.format("%08d",
                    (System.currentTimeMillis() + salt) % 100_000_000L));
        }

        /** The patron's view of a request (patron API), as JSON. */
        private static com.fasterxml.jackson.databind.JsonNode detail(PortalClient patron, String path) throws Exception {
            HttpResponse<String> answer = patron.get(path);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return JSON.readTree(answer.body());
        }

        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

        /** Waits (up to five minutes) until the patron's view of a loan shows no renewal being asked for. */
        private com.fasterxml.jackson.databind.JsonNode renewalAnswered(PortalClient patron, String loan) throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            com.fasterxml.jackson.databind.JsonNode seen = detail(patron, "/api/loan-requests/" + loan);
            while (seen.path("renewalPending").asBoolean() && System.nanoTime() < deadline) {
                AppNode.sleep(1000);
                seen = detail(patron, "/api/loan-requests/" + loan);
            }
            return seen;
        }

        private static String sql(String value) {
            return "'" + value.replace("'", "''") + "'";
        }

        /** What a library sent about a request: "status-or-action outcome" in the order sent. */
        private static List<String> sent(Library library, String requestId) throws Exception {
            return library.column("select status_or_action || ' ' || outcome from iso18626_message where direction = 'OUT' "
                    + "and requesting_agency_request_id = " + sql(requestId) + " order by id");
        }

        /** Waits until every message a library wrote about a request has been confirmed (or not, after five minutes). */
        private List<String> allConfirmed(Library library, String requestId) throws Exception {
            library.await("select count(*) from iso18626_message where direction = 'OUT' and outcome <> 'CONFIRMED' "
                    + "and requesting_agency_request_id = " + sql(requestId), List.of("0"));
            return sent(library, requestId);
        }

        /**
         * A's patron asks for a book that only B holds; A's loan process sends the request to B (its lender FUDAN is
         * registered as partner B), B's staff decide and ship, A's staff receive it, lend it, take it back and return
         * it, B's staff check it in: request → WillSupply → Loaned → Received → ShippedReturn → LoanCompleted, every
         * message through the two outboxes, every staff step through the Tasklist REST API.
         */
        void aBookIsBorrowedFromBAndReturned() throws Exception {
            long began = System.currentTimeMillis();
            PortalClient patron = patron(a, 0);
            String loan = askForABookOnlyBHolds(patron, 0, "两馆互借测试 ");
            if (loan == null) {
                return;
            }
            String ship = b.awaitTask("processVariables=partnerRequestId_eq_" + loan, "Task_PullAndShip");
            b.complete(ship, "{\"shipDueDate\":{\"value\":\"" + java.time.LocalDate.now().plusDays(30)
                    + "\",\"type\":\"String\"},\"shippingNote\":{\"value\":\"EMS\",\"type\":\"String\"}}");
            // A: WillSupply and Loaned arrive; staff receive the parcel and lend it
            a.complete(a.awaitTask("processInstanceBusinessKey=" + loan, "Task_ReceivePartnerBook"),
                    "{\"partnerBookArrived\":{\"value\":true,\"type\":\"Boolean\"}}");
            a.complete(a.awaitTask("processInstanceBusinessKey=" + loan, "Task_LendToPatron"),
                    "{\"idChecked\":{\"value\":true,\"type\":\"Boolean\"}}");
            renewalsRefusedThenGranted(patron, loan);
            // A: staff take the book back and send it back
            a.complete(a.awaitTask("processInstanceBusinessKey=" + loan, "Task_CheckInReturnedBook"),
                    "{\"bookChecked\":{\"value\":true,\"type\":\"Boolean\"}}");
            a.complete(a.awaitTask("processInstanceBusinessKey=" + loan, "Task_ReturnToLender"),
                    "{\"shippingCost\":{\"value\":15.0,\"type\":\"Double\"},"
                            + "\"trackingNumber\":{\"value\":\"SF" + run + "\",\"type\":\"String\"}}");
            // B: ShippedReturn arrives; staff check the book in; LoanCompleted ends A's loan
            b.complete(b.awaitTask("processVariables=partnerRequestId_eq_" + loan, "Task_CheckInLentBook"),
                    "{\"bookChecked\":{\"value\":true,\"type\":\"Boolean\"}}");
            boolean ended = a.awaitEnded(loan);
            ledger.figure("book borrowed from B, renewed (refused, granted) and returned (s)",
                    (System.currentTimeMillis() - began) / 1000);
            if (!ended) {
                ledger.problem("A's LOAN " + loan + " DID NOT END after B's LoanCompleted");
            }
            borrowedBook = loan;
            List<String> outA = allConfirmed(a, loan);
            List<String> outB = allConfirmed(b, loan);
            List<String> expectedA = List.of("Loan CONFIRMED", "Received CONFIRMED", "Renew CONFIRMED",
                    "Renew CONFIRMED", "ShippedReturn CONFIRMED");
            // a supplyingAgencyMessage is logged with its reason: the two RenewResponses are Loaned (one says no)
            List<String> expectedB = List.of("WillSupply (RequestResponse) CONFIRMED", "Loaned (StatusChange) CONFIRMED",
                    "Loaned (RenewResponse) CONFIRMED", "Loaned (RenewResponse) CONFIRMED",
                    "LoanCompleted (StatusChange) CONFIRMED");
            ledger.figure("A sent B about the book", outA);
            ledger.figure("B sent A about the book", outB);
            if (!outA.equals(expectedA)) {
                ledger.problem("A SENT " + outA + " about the book, not " + expectedA);
            }
            if (!outB.equals(expectedB)) {
                ledger.problem("B SENT " + outB + " about the book, not " + expectedB);
            }
            List<String> lent = b.column("select status from iso18626_transaction where role = 'LENDING' "
                    + "and requesting_agency_request_id = " + sql(loan));
            List<String> loanRow = a.column("select status || ' ' || renewals_used from loan_request where request_number = "
                    + sql(loan));
            ledger.figure("the book's end state: B's lending request, A's loan (status, renewals used)",
                    concat(lent, loanRow));
            if (!lent.equals(List.of("LoanCompleted")) || !loanRow.equals(List.of("COMPLETED 1"))) {
                ledger.problem("THE BOOK ENDED AS " + lent + " at B and " + loanRow + " at A");
            }
            String lending = b.column("select lending_number from lending_request where partner_request_id = " + sql(loan))
                    .get(0);
            librarianSeesEveryMessage(a, "/staff/requests/" + loan, loan);
            librarianSeesEveryMessage(b, "/staff/lending/" + lending, loan);
        }

        /**
         * A librarian sees every message of a request on its page (A: the staff request page; B: the lending
         * request's page): each message logged about it, in or out, is a row there.
         */
        private void librarianSeesEveryMessage(Library library, String page, String requestId) throws Exception {
            PortalClient staff = new PortalClient(library.node.baseUrl());
            staff.login(ILL_STAFF, StaffDesk.STAFF_PASSWORD);
            HttpResponse<String> shown = staff.get(page);
            List<String> logged = library.column("select status_or_action from iso18626_message where "
                    + "requesting_agency_request_id = " + sql(requestId) + " order by id");
            List<String> missing = new ArrayList<>();
            for (String status : new java.util.TreeSet<>(logged)) {
                long rows = logged.stream().filter(status::equals).count();
                String cell = ">" + status + "<";
                long onPage = (shown.body().length() - shown.body().replace(cell, "").length()) / cell.length();
                if (onPage < rows) {
                    missing.add(status + " " + onPage + " of " + rows);
                }
            }
            ledger.figure(library.name + "'s librarian sees on " + page, logged.size() + " messages, missing "
                    + missing);
            if (shown.statusCode() != 200 || !missing.isEmpty()) {
                ledger.problem(library.name + "'s PAGE " + page + " (" + shown.statusCode() + ") DOES NOT SHOW " + missing);
            }
        }

        /**
         * While A's patron has the book: a renewal asked for and refused by B's staff (A's due date stays, none used),
         * then one granted (A's due date moves to B's new date less the return buffer; the one renewal FUDAN allows
         * is used). Each goes Renew → B's Decide on the renewal → RenewResponse → A's renewal path, by itself.
         */
        private void renewalsRefusedThenGranted(PortalClient patron, String loan) throws Exception {
            com.fasterxml.jackson.databind.JsonNode lent = detail(patron, "/api/loan-requests/" + loan);
            String due = lent.path("dueDate").asText();
            HttpResponse<String> asked = patron.postJson("/api/loan-requests/" + loan + "/renew", "{}", patron.csrfToken());
            if (asked.statusCode() != 200) {
                ledger.problem("A REFUSED THE PATRON'S FIRST RENEWAL: " + asked.statusCode() + " " + asked.body());
                return;
            }
            b.complete(b.awaitTask("processVariables=partnerRequestId_eq_" + loan, "Task_DecideRenewal"),
                    "{\"renewalOutcome\":{\"value\":\"refused\",\"type\":\"String\"},"
                            + "\"note\":{\"value\":\"另有读者预约 reserved by another reader\",\"type\":\"String\"}}");
            com.fasterxml.jackson.databind.JsonNode refused = renewalAnswered(patron, loan);
            String afterRefusal = refused.path("dueDate").asText() + ", " + refused.path("renewalsUsed").asInt()
                    + " used, pending " + refused.path("renewalPending").asBoolean();
            ledger.figure("renewal refused by B: A's loan shows (was due " + due + ")", afterRefusal);
            if (!afterRefusal.equals(due + ", 0 used, pending false")) {
                ledger.problem("AFTER B REFUSED THE RENEWAL A's LOAN SHOWS " + afterRefusal + " (due was " + due + ")");
            }
            asked = patron.postJson("/api/loan-requests/" + loan + "/renew", "{}", patron.csrfToken());
            if (asked.statusCode() != 200) {
                ledger.problem("A REFUSED THE PATRON'S SECOND RENEWAL: " + asked.statusCode() + " " + asked.body());
                return;
            }
            java.time.LocalDate newDue = java.time.LocalDate.now().plusDays(60);
            b.complete(b.awaitTask("processVariables=partnerRequestId_eq_" + loan, "Task_DecideRenewal"),
                    "{\"renewalOutcome\":{\"value\":\"granted\",\"type\":\"String\"},"
                            + "\"newDueDate\":{\"value\":\"" + newDue + "\",\"type\":\"String\"}}");
            com.fasterxml.jackson.databind.JsonNode granted = renewalAnswered(patron, loan);
            String afterGrant = granted.path("dueDate").asText() + ", " + granted.path("renewalsUsed").asInt()
                    + " used, pending " + granted.path("renewalPending").asBoolean();
            ledger.figure("renewal granted by B until " + newDue + ": A's loan shows", afterGrant);
            java.time.LocalDate patronDue = granted.path("dueDate").isTextual()
                    ? java.time.LocalDate.parse(granted.path("dueDate").asText()) : null;
            if (patronDue == null || !patronDue.isAfter(java.time.LocalDate.parse(due)) || patronDue.isAfter(newDue)
                    || !afterGrant.endsWith(", 1 used, pending false")) {
                ledger.problem("AFTER B GRANTED THE RENEWAL A's LOAN SHOWS " + afterGrant);
            }
        }

        /**
         * Every message of the finished book loan, as each library received it, is sent to it again twice (a partner
         * whose confirmations were lost): each copy is answered with the confirmation the first got, byte for byte,
         * and nothing changes on either side but two DUPLICATE rows per message in the log: the row counts of every
         * table of ours and of the engine's runtime and history, and the statuses of the loan and the lending request.
         */
        void everyMessageOfTheBookSentAgainTwiceChangesNothing() throws Exception {
            if (borrowedBook == null) {
                ledger.problem("NO FINISHED BOOK LOAN TO REPLAY");
                return;
            }
            long began = System.currentTimeMillis();
            Map<String, Long> beforeA = counts(a);
            Map<String, Long> beforeB = counts(b);
            List<String> statesBefore = statesOfTheBook();
            int messages = 0;
            int same = 0;
            for (Library receiver : List.of(a, b)) {
                List<String> ids = receiver.column("select id from iso18626_message where direction = 'IN' and outcome = "
                        + "'ACCEPTED' and requesting_agency_request_id = " + sql(borrowedBook) + " order by id");
                for (String id : ids) {
                    String xml = receiver.column("select xml from iso18626_message where id = " + id).get(0);
                    String confirmation = receiver.column("select confirmation_xml from iso18626_message where id = " + id)
                            .get(0);
                    // the log masks the security code of A's messages; A's machine sends the real one
                    byte[] again = SECURITY_CODE.matcher(xml).replaceAll("$1" + SECRET + "$2")
                            .getBytes(StandardCharsets.UTF_8);
                    messages++;
                    for (int copy = 0; copy < 2; copy++) {
                        HttpResponse<byte[]> answer = send(receiver, again);
                        if (answer.statusCode() == 200
                                && new String(answer.body(), StandardCharsets.UTF_8).equals(confirmation)) {
                            same++;
                        } else {
                            ledger.problem(receiver.name + " ANSWERED A REPLAY OF MESSAGE " + id + " DIFFERENTLY: "
                                    + answer.statusCode() + " " + new String(answer.body(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            ledger.figure("messages of the book loan sent again twice (A's and B's received)", messages);
            ledger.figure("replays answered with the first confirmation, byte for byte", same + " of " + 2 * messages);
            List<String> duplicates = concat(
                    a.column("select count(*) from iso18626_message where outcome = 'DUPLICATE' and "
                            + "requesting_agency_request_id = " + sql(borrowedBook)),
                    b.column("select count(*) from iso18626_message where outcome = 'DUPLICATE' and "
                            + "requesting_agency_request_id = " + sql(borrowedBook)));
            ledger.figure("DUPLICATE rows logged for the book (A, B)", duplicates);
            int dupA = Integer.parseInt(duplicates.get(0));
            int dupB = Integer.parseInt(duplicates.get(1));
            changedOnlyTheLog("A", beforeA, counts(a), dupA);
            changedOnlyTheLog("B", beforeB, counts(b), dupB);
            if (dupA + dupB != 2 * messages || messages < 10) {
                ledger.problem("REPLAYS LOGGED " + duplicates + " DUPLICATE rows for " + messages + " messages sent twice");
            }
            List<String> statesAfter = statesOfTheBook();
            if (!statesAfter.equals(statesBefore)) {
                ledger.problem("THE REPLAYS CHANGED THE BOOK: " + statesBefore + " -> " + statesAfter);
            }
            ledger.figure("replay of the book loan (s)", (System.currentTimeMillis() - began) / 1000);
        }

        private static final java.util.regex.Pattern SECURITY_CODE = java.util.regex.Pattern.compile(
                "(<(?:[\\w-]+:)?securityCode>)\\*\\*\\*(</(?:[\\w-]+:)?securityCode>)");

        /** Row counts of every table of ours and of the engine's (runtime and history) in a library. */
        private static Map<String, Long> counts(Library library) throws Exception {
            Map<String, Long> counts = org.illflow.support.TableCounts.of(new org.springframework.jdbc.core.JdbcTemplate(
                    new org.springframework.jdbc.datasource.SingleConnectionDataSource(library.db(), true)));
            for (String history : List.of("ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_TASKINST",
                    "ACT_RU_EVENT_SUBSCR", "ACT_HI_OP_LOG")) {
                counts.put(history, Long.valueOf(library.column("select count(*) from " + history).get(0)));
            }
            return counts;
        }

        private void changedOnlyTheLog(String library, Map<String, Long> before, Map<String, Long> after, int duplicates) {
            Map<String, Long> expected = new java.util.TreeMap<>(before);
            expected.merge("ISO18626_MESSAGE", (long) duplicates, Long::sum);
            if (!after.equals(expected)) {
                List<String> changed = new ArrayList<>();
                for (String table : after.keySet()) {
                    if (!after.get(table).equals(expected.get(table))) {
                        changed.add(table + " " + expected.get(table) + " -> " + after.get(table));
                    }
                }
                ledger.problem("REPLAYS CHANGED " + library + "'s TABLES: " + changed);
            }
        }

        /** The book's state on both sides: A's loan row, B's lending row, both transactions. */
        private List<String> statesOfTheBook() throws Exception {
            return concat(concat(
                    a.column("select status || ' ' || coalesce(due_date, '') || ' ' || renewals_used from loan_request "
                            + "where request_number = " + sql(borrowedBook)),
                    a.column("select role || ' ' || status from iso18626_transaction where requesting_agency_request_id = "
                            + sql(borrowedBook))),
                    concat(b.column("select status || ' ' || coalesce(due_date, '') from lending_request "
                            + "where partner_request_id = " + sql(borrowedBook)),
                            b.column("select role || ' ' || status from iso18626_transaction "
                                    + "where requesting_agency_request_id = " + sql(borrowedBook))));
        }

        /**
         * A's patron cancels a loan after B has promised the book (WillSupply) but before B ships it: A's process
         * tells B (Cancel) and ends as cancelled; B's staff answer the cancellation (accepted), B's lending process
         * ends and B answers CancelResponse, which A records.
         */
        void aLoanCancelledBeforeBShipsEndsOnBothSides() throws Exception {
            long began = System.currentTimeMillis();
            PortalClient patron = patron(a, 1);
            String loan = askForABookOnlyBHolds(patron, 1, "取消测试 ");
            if (loan == null) {
                return;
            }
            b.awaitTask("processVariables=partnerRequestId_eq_" + loan, "Task_PullAndShip");
            // the patron cancels once A has B's promise (WillSupply confirmed): B has not shipped
            List<String> promised = b.await("select status_or_action || ' ' || outcome from iso18626_message where "
                    + "direction = 'OUT' and requesting_agency_request_id = " + sql(loan),
                    List.of("WillSupply (RequestResponse) CONFIRMED"));
            if (!promised.equals(List.of("WillSupply (RequestResponse) CONFIRMED"))) {
                ledger.problem("B's PROMISE FOR " + loan + " WAS NOT CONFIRMED: " + promised);
            }
            HttpResponse<String> cancelled = patron.postJson("/api/loan-requests/" + loan + "/cancel", "{}",
                    patron.csrfToken());
            if (cancelled.statusCode() != 200) {
                ledger.problem("A REFUSED THE PATRON'S CANCEL: " + cancelled.statusCode() + " " + cancelled.body());
                return;
            }
            boolean aEnded = a.awaitEnded(loan);
            String answer = b.awaitTask("processVariables=partnerRequestId_eq_" + loan, "Task_AnswerCancel");
            b.complete(answer, "{\"cancelAccepted\":{\"value\":true,\"type\":\"Boolean\"},"
                    + "\"cancelNote\":{\"value\":\"尚未寄出 not shipped yet\",\"type\":\"String\"}}");
            String lending = b.column("select lending_number from lending_request where partner_request_id = " + sql(loan))
                    .get(0);
            boolean bEnded = b.awaitEnded(lending);
            List<String> outA = allConfirmed(a, loan);
            List<String> outB = allConfirmed(b, loan);
            List<String> states = concat(
                    a.column("select status from loan_request where request_number = " + sql(loan)),
                    b.column("select status from lending_request where lending_number = " + sql(lending)));
            ledger.figure("cancel before shipping (s)", (System.currentTimeMillis() - began) / 1000);
            ledger.figure("cancel: A sent, B sent, end states (A's loan, B's lending)",
                    outA + " " + outB + " " + states + " ended " + aEnded + "/" + bEnded);
            if (!aEnded || !bEnded) {
                ledger.problem("AFTER THE CANCEL A's PROCESS ENDED " + aEnded + ", B's " + bEnded);
            }
            if (!outA.equals(List.of("Loan CONFIRMED", "Cancel CONFIRMED"))) {
                ledger.problem("A SENT " + outA + " for the cancelled loan");
            }
            if (!outB.equals(List.of("WillSupply (RequestResponse) CONFIRMED", "Cancelled (CancelResponse) CONFIRMED"))) {
                ledger.problem("B SENT " + outB + " for the cancelled loan");
            }
            if (!states.equals(List.of("CANCELLED", "Cancelled"))) {
                ledger.problem("THE CANCELLED LOAN ENDED AS " + states);
            }
            exchanged.add(loan);
        }

        /**
         * A's patron asks for a book that B does not hold: B's holdings check answers Unfilled by itself, and A's loan
         * process moves on to its next lender (SJTU, not a partner: the staff task Request from lender) with nobody
         * touching it.
         */
        void anUnfilledFromBMovesAToItsNextLender() throws Exception {
            long began = System.currentTimeMillis();
            PortalClient patron = patron(a, 2);
            String loan = askForBook(patron, uniqueIsbn(2), "无人收藏 " + run);
            if (loan == null) {
                return;
            }
            String next = a.awaitTask("processInstanceBusinessKey=" + loan, "Task_RequestFromLender");
            String nextLender = StaffDesk.rest(a.node.baseUrl(), "GET", "/task/" + next + "/variables/lenderCode", null,
                    ILL_STAFF, StaffDesk.STAFF_PASSWORD, 200).replaceAll("(?s).*\"value\":\"([^\"]*)\".*", "$1");
            List<String> outA = allConfirmed(a, loan);
            List<String> outB = allConfirmed(b, loan);
            List<String> timeline = a.column("select e.event || ' ' || coalesce(e.lender_code, '') from loan_timeline_event e "
                    + "join loan_request r on r.id = e.request_id where r.request_number = " + sql(loan)
                    + " and (e.event like 'PARTNER%' or e.event like 'LENDER%') order by e.id");
            List<String> states = concat(
                    List.of("A waits at Task_RequestFromLender for " + nextLender),
                    b.column("select status from lending_request where partner_request_id = " + sql(loan)));
            ledger.figure("Unfilled: A's timeline (partner and lender lines)", timeline);
            if (!timeline.contains("PARTNER_UNFILLED FUDAN") || timeline.isEmpty()
                    || !timeline.get(timeline.size() - 1).equals("LENDER_TRY SJTU")) {
                ledger.problem("A's TIMELINE AFTER B's UNFILLED: " + timeline);
            }
            String lending = b.column("select lending_number from lending_request where partner_request_id = " + sql(loan))
                    .get(0);
            boolean bEnded = b.awaitEnded(lending);
            ledger.figure("Unfilled → next lender (s)", (System.currentTimeMillis() - began) / 1000);
            ledger.figure("Unfilled: A sent, B sent, where A's process waits, B's lending",
                    outA + " " + outB + " " + states);
            if (!outA.equals(List.of("Loan CONFIRMED")) || !outB.equals(List.of("Unfilled (RequestResponse) CONFIRMED"))) {
                ledger.problem("FOR THE BOOK B DOES NOT HOLD A SENT " + outA + " AND B " + outB);
            }
            if (!states.equals(List.of("A waits at Task_RequestFromLender for SJTU", "Unfilled")) || !bEnded) {
                ledger.problem("AFTER B's UNFILLED THE STATES ARE " + states + ", B's process ended " + bEnded);
            }
            exchanged.add(loan);
        }

        /**
         * An article copy: A binds partner B to its copy supplier NSTL (the admin's partner page), A's patron asks
         * for an article in a journal only B holds; A's document delivery process sends the Copy request; B's staff
         * decide to copy, upload the scan (a PDF) and complete Scan and send; B's CopyCompleted carries the link; A
         * fetches the PDF by that URL into its archive, delivers it, and the patron downloads it.
         */
        void anArticleCopyFromBIsFetchedByUrl() throws Exception {
            long began = System.currentTimeMillis();
            a.rebind(b, "NSTL");
            String issn = "2434-561X";
            b.uploadHoldings("022", issn, "Journal of Catalysis Research");
            PortalClient patron = patron(a, 0);
            HttpResponse<String> submitted = patron.postJson("/api/dd-requests", "{\"title\":\"Partner copy " + run
                    + "\",\"authors\":\"Zhang, W.\",\"journal\":\"Journal of Catalysis Research\",\"issn\":\"" + issn
                    + "\",\"year\":2021,\"volume\":\"12\",\"issue\":\"3\",\"pages\":\"101-112\","
                    + "\"doi\":\"10.9999/partner." + run + "\",\"subjectArea\":\"STM\",\"language\":\"en\"}",
                    patron.csrfToken());
            java.util.regex.Matcher number = java.util.regex.Pattern.compile("\"requestNumber\":\"([^\"]+)\"")
                    .matcher(submitted.body());
            if (submitted.statusCode() != 201 || !number.find()) {
                ledger.problem("A's PATRON COULD NOT ASK FOR THE ARTICLE: " + submitted.statusCode() + " "
                        + submitted.body());
                return;
            }
            String copy = number.group(1);
            b.complete(b.awaitTask("processVariables=partnerRequestId_eq_" + copy, "Task_Decide"),
                    "{\"decision\":{\"value\":\"copy\",\"type\":\"String\"}}");
            String scan = b.awaitTask("processVariables=partnerRequestId_eq_" + copy, "Task_ScanAndSend");
            String lending = b.column("select lending_number from lending_request where partner_request_id = " + sql(copy))
                    .get(0);
            PortalClient staff = new PortalClient(b.node.baseUrl());
            staff.login(ILL_STAFF, StaffDesk.STAFF_PASSWORD);
            byte[] pdf = org.illflow.archive.Pdfs.pdf(11);
            String boundary = "scan-" + System.nanoTime();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\""
                    + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(pdf);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> uploaded = staff.postBytes("/staff/lending/" + lending + "/copy", body.toByteArray(),
                    Map.of("Content-Type", "multipart/form-data; boundary=" + boundary, "X-CSRF-TOKEN", staff.csrfToken(),
                            "Accept", "application/json"));
            java.util.regex.Matcher document = java.util.regex.Pattern.compile("\"documentId\":(\\d+)")
                    .matcher(uploaded.body());
            if (uploaded.statusCode() != 200 || !document.find()) {
                ledger.problem("B's STAFF COULD NOT UPLOAD THE SCAN: " + uploaded.statusCode() + " " + uploaded.body());
                return;
            }
            b.complete(scan, "{\"documentId\":{\"value\":" + document.group(1) + ",\"type\":\"Long\"}}");
            // A: CopyCompleted arrives with the link; A's job fetches the PDF and delivers it
            List<String> delivered = a.await("select status from document_delivery_request where request_number = "
                    + sql(copy), List.of("DELIVERED"));
            HttpResponse<String> download = patron.get("/api/dd-requests/" + copy + "/download");
            String location = download.headers().firstValue("Location").orElse("");
            HttpResponse<String> file = location.isEmpty() ? download : patron.get(location.replace(a.node.baseUrl(), ""));
            String type = file.headers().firstValue("Content-Type").orElse("");
            boolean isPdf = file.statusCode() == 200 && type.startsWith("application/pdf") && file.body().startsWith("%PDF-");
            List<String> archived = a.column("select d.page_count || ' pages, ' || d.size_bytes || ' bytes' from "
                    + "document_delivery_request r join archived_document d on d.id = r.document_id "
                    + "where r.request_number = " + sql(copy));
            boolean bEnded = b.awaitEnded(lending);
            boolean aEnded = a.awaitEnded(copy);
            List<String> outA = allConfirmed(a, copy);
            List<String> outB = allConfirmed(b, copy);
            List<String> lent = b.column("select status from lending_request where lending_number = " + sql(lending));
            ledger.figure("copy by URL (s)", (System.currentTimeMillis() - began) / 1000);
            ledger.figure("copy: A sent, B sent, A's request, A's archive, B's lending",
                    outA + " " + outB + " " + delivered + " " + archived + " " + lent);
            ledger.figure("copy: the patron's download", file.statusCode() + " " + type);
            if (!delivered.equals(List.of("DELIVERED")) || !archived.equals(List.of("11 pages, " + pdf.length + " bytes"))
                    || !isPdf) {
                ledger.problem("THE COPY WAS NOT DELIVERED BY URL: " + delivered + " " + archived + " download "
                        + file.statusCode() + " " + type);
            }
            if (!outA.equals(List.of("Copy CONFIRMED")) || !outB.equals(List.of("WillSupply (RequestResponse) CONFIRMED",
                    "CopyCompleted (StatusChange) CONFIRMED")) || !lent.equals(List.of("CopyCompleted")) || !aEnded || !bEnded) {
                ledger.problem("THE COPY ENDED WITH A SENT " + outA + ", B SENT " + outB + ", B's lending " + lent
                        + ", processes ended A " + aEnded + " B " + bEnded);
            }
            exchanged.add(copy);
        }

        /** The request ids of the scenarios after the book, whose messages must all be confirmed. */
        private final List<String> exchanged = new ArrayList<>();

        private String borrowedBook;

        private static List<String> concat(List<String> first, List<String> second) {
            List<String> all = new ArrayList<>(first);
            all.addAll(second);
            return all;
        }


        /** What each library holds afterwards, read from its database. */
        void checkStored(Connection dbA, Connection dbB) throws Exception {
            List<String> lending = Ledger.column(dbB, "select supplying_agency_request_id from iso18626_transaction "
                    + "where role = 'LENDING' and requesting_agency_request_id = '" + deliveredRequest + "'");
            ledger.figure("B's lending requests for A's request", lending);
            if (lending.size() != 1 || !lending.get(0).matches("LEND-\\d{4}-\\d{6}")) {
                ledger.problem("B HOLDS " + lending.size() + " LENDING REQUESTS for " + deliveredRequest);
            }
            List<String> inB = Ledger.column(dbB, "select outcome from iso18626_message where direction = 'IN' "
                    + "and requesting_agency_request_id = '" + deliveredRequest + "' order by id");
            if (!inB.equals(List.of("ACCEPTED", "DUPLICATE", "DUPLICATE"))) {
                ledger.problem("B's MESSAGE LOG for " + deliveredRequest + ": " + inB);
            }
            // with the lending process B answers the request (it does not hold that book: Unfilled); A refuses the
            // answer, rightly: A's own loan process never sent that request, this check wrote it
            ledger.figure("B's answers to it, and A's verdict", Ledger.column(dbB, "select status_or_action || ' ' || outcome "
                    + "from iso18626_message where direction = 'OUT' and requesting_agency_request_id = '"
                    + deliveredRequest + "' order by id"));
            List<String> aboutUnknown = Ledger.column(dbA, "select count(*) from iso18626_transaction "
                    + "where requesting_agency_request_id = '" + unknownToA + "'");
            List<String> refusedByA = Ledger.column(dbA, "select p.code from iso18626_message m join iso18626_peer p "
                    + "on p.id = m.peer_id where m.requesting_agency_request_id = '" + unknownToA + "' and m.outcome = 'REFUSED'");
            if (!aboutUnknown.equals(List.of("0")) || !refusedByA.equals(List.of("LIB-B"))) {
                ledger.problem("A STORED " + aboutUnknown + " requests and logged " + refusedByA + " for B's stray status");
            }
            List<String> requests = new ArrayList<>(exchanged);
            if (borrowedBook != null) {
                requests.add(0, borrowedBook);
            }
            for (String request : requests) {
                for (Map.Entry<String, Connection> side : Map.of("A", dbA, "B", dbB).entrySet()) {
                    for (String sent : Ledger.column(side.getValue(), "select status_or_action || ' ' || outcome from "
                            + "iso18626_message where direction = 'OUT' and requesting_agency_request_id = "
                            + sql(request) + " order by id")) {
                        if (!sent.endsWith(" CONFIRMED")) {
                            ledger.problem(side.getKey() + "'s MESSAGE ABOUT " + request + " NOT CONFIRMED: " + sent);
                        }
                    }
                    List<String> refused = Ledger.column(side.getValue(), "select status_or_action || ' ' || error_value "
                            + "from iso18626_message where direction = 'IN' and outcome = 'REFUSED' and "
                            + "requesting_agency_request_id = " + sql(request));
                    if (!refused.isEmpty()) {
                        ledger.problem(side.getKey() + " REFUSED MESSAGES ABOUT " + request + ": " + refused);
                    }
                }
            }
            if (borrowedBook != null) {
                List<String> lent = Ledger.column(dbB, "select status from iso18626_transaction where role = 'LENDING' "
                        + "and requesting_agency_request_id = '" + borrowedBook + "'");
                if (!lent.equals(List.of("LoanCompleted"))) {
                    ledger.problem("B's LENDING REQUEST for " + borrowedBook + " is " + lent + ", not LoanCompleted");
                }
            }
            Map<String, Connection> dbs = Map.of("A", dbA, "B", dbB);
            for (String library : List.of("A", "B")) {
                List<String> secrets = Ledger.column(dbs.get(library), "select id from iso18626_message where xml like '%"
                        + SECRET + "%' or confirmation_xml like '%" + SECRET + "%'");
                ledger.count(library + ": message log rows holding the shared secret", secrets,
                        id -> "SECRET IN " + library + "'s LOG ROW " + id);
            }
        }
    }
}
