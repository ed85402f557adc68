package org.illflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.illflow.archive.Pdfs;
import org.illflow.support.IllflowTest;
import org.illflow.support.PortalClient;
import org.illflow.support.TableCounts;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Malformed input against the running server, as a client or an attacker sends it (raw HTTP, no MockMvc): every
 * case gets a clear 4xx or a page that names the problem, never a 500, and a refused input changes no table
 * (our tables and the engine's executions, process instances, tasks, jobs and variables are counted before and
 * after). Imports with a few bad rows report those rows by line and import the rest.
 */
@IllflowTest
class MalformedInputTest {

    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Autowired TestSupport support;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.camunda.bpm.engine.TaskService taskService;

    private Map<String, Long> tables() {
        return TableCounts.of(jdbc);
    }

    private PortalClient signedIn(String user, String password) {
        PortalClient client = support.client();
        client.login(user, password);
        return client;
    }

    private static Map<String, String> headers(PortalClient client, String... pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-CSRF-TOKEN", client.csrfToken());
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    private static String article() {
        return "{\"title\":\"Thermal transport in layered oxides " + System.nanoTime() + "\",\"journal\":\"Physical Review B\","
                + "\"issn\":\"2469-9950\",\"year\":2022,\"pages\":\"1-9\",\"subjectArea\":\"STM\",\"language\":\"en\"}";
    }

    private static String book() {
        return "{\"title\":\"Graph theory in practice " + System.nanoTime() + "\",\"authors\":\"Li, Hua\",\"year\":2019,"
                + "\"language\":\"en\"}";
    }

    private static void assertRefused(HttpResponse<String> response, int... statuses) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isIn(
                java.util.Arrays.stream(statuses).boxed().toArray());
    }

    // ---------------------------------------------------------------- JSON API

    @Test
    void aValidRequestWithAnAcceptTheApiCannotProduceIsRefusedBeforeAnythingIsWritten() {
        PortalClient patron = signedIn("2024110001", "reader2026");
        for (String path : new String[] {"/api/dd-requests", "/api/loan-requests"}) {
            String body = path.contains("dd") ? article() : book();
            for (String accept : new String[] {"application/xml", "text/csv", "foo", "text/html;q=1, image/png"}) {
                Map<String, Long> before = tables();
                HttpResponse<String> response = patron.exchange("POST", path,
                        headers(patron, "Content-Type", JSON, "Accept", accept), body.getBytes(StandardCharsets.UTF_8));
                assertThat(response.statusCode()).as(path + " Accept: " + accept).isEqualTo(406);
                assertThat(tables()).as(path + " Accept: " + accept).isEqualTo(before);
            }
            // what a client may ask for is still answered
            for (String accept : new String[] {JSON, "application/problem+json", "*/*", "application/*",
                    "text/html, application/json;q=0.5"}) {
                HttpResponse<String> response = patron.exchange("GET", path, Map.of("Accept", accept), null);
                assertThat(response.statusCode()).as(path + " Accept: " + accept).isEqualTo(200);
            }
        }
    }

    @Test
    void wildcardAndMissingContentTypesOnTheJsonApiAreRefused() {
        PortalClient patron = signedIn("2024110001", "reader2026");
        for (String contentType : new String[] {"application/*", "*/*", "text/plain", "application/xml", "foo"}) {
            Map<String, Long> before = tables();
            HttpResponse<String> response = patron.exchange("POST", "/api/dd-requests",
                    headers(patron, "Content-Type", contentType, "Accept", JSON),
                    article().getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("Content-Type: " + contentType).isIn(400, 415);
            assertThat(tables()).as("Content-Type: " + contentType).isEqualTo(before);
        }
    }

    @Test
    void aJsonStringWithAnUnpairedSurrogateIsRefusedAndTheListStaysValidJson() throws Exception {
        PortalClient patron = signedIn("2024110001", "reader2026");
        for (String bad : new String[] {"x\\ud800y", "\\udc00", "tail\\ud83d"}) {
            Map<String, Long> before = tables();
            String body = article().replace("\"title\":\"", "\"title\":\"" + bad);
            HttpResponse<String> response = patron.exchange("POST", "/api/dd-requests",
                    headers(patron, "Content-Type", JSON), body.getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(tables()).as(bad).isEqualTo(before);
        }
        // a proper pair (an emoji) is fine and comes back as valid JSON
        String emoji = article().replace("\"title\":\"", "\"title\":\"\\ud83d\\ude00 ");
        HttpResponse<String> created = patron.exchange("POST", "/api/dd-requests", headers(patron, "Content-Type", JSON),
                emoji.getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).isEqualTo(201);
        String list = patron.exchange("GET", "/api/dd-requests", Map.of("Accept", JSON), null).body();
        assertThat(MAPPER.readTree(list).isArray()).isTrue();
        assertThat(MAPPER.readTree(list).findValuesAsText("title")).anyMatch(t -> t.startsWith("\uD83D\uDE00 "));
    }

    // ---------------------------------------------------------------- multipart and uploads

    private static byte[] multipart(String boundary, String field, String fileName, byte[] content, String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i += 2) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A request ordered from NSTL (the cheapest for the test article), waiting for the copy. */
    private String requestAwaitingCopy() throws Exception {
        PortalClient patron = signedIn("2024110001", "reader2026");
        HttpResponse<String> created = patron.exchange("POST", "/api/dd-requests",
                headers(patron, "Content-Type", JSON), article().getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).isEqualTo(201);
        String number = MAPPER.readTree(created.body()).get("requestNumber").asText();
        support.passSavePoint(number); // the job executor would run it a moment after the answer
        org.camunda.bpm.engine.task.Task order = taskService.createTaskQuery().processInstanceBusinessKey(number)
                .singleResult();
        assertThat(taskService.getVariable(order.getId(), "supplierCode")).isEqualTo("NSTL");
        taskService.complete(order.getId(), Map.of("orderOutcome", "ordered"));
        return number;
    }

    @Test
    void multipartBodiesWithoutOrWithABrokenBoundaryAreRefused() throws Exception {
        String number = requestAwaitingCopy();
        PortalClient staff = signedIn("ddstaff", "staff2026");
        PortalClient admin = signedIn("admin", "admin2026");
        byte[] body = multipart("b0undary", "file", "copy.pdf", Pdfs.pdf(1), "supplier", "NSTL", "format", "KBART");
        String[] contentTypes = {"multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=other",
                "multipart/form-data; boundary=\"b0undary", "multipart/form-data; boundary=b0undary; boundary=x"};
        for (String contentType : contentTypes) {
            Map<String, Long> before = tables();
            assertRefused(staff.exchange("POST", "/staff/dd/" + number + "/copy?supplier=NSTL",
                    headers(staff, "Content-Type", contentType, "Accept", JSON), body), 400);
            assertRefused(admin.exchange("POST", "/admin/holdings",
                    headers(admin, "Content-Type", contentType), body), 400);
            assertRefused(admin.exchange("POST", "/admin/reports/import",
                    headers(admin, "Content-Type", contentType), body), 400);
            assertThat(tables()).as(contentType).isEqualTo(before);
        }
        // truncated in the middle of a part
        byte[] truncated = java.util.Arrays.copyOf(body, body.length - 30);
        Map<String, Long> before = tables();
        assertRefused(staff.exchange("POST", "/staff/dd/" + number + "/copy?supplier=NSTL",
                headers(staff, "Content-Type", "multipart/form-data; boundary=b0undary", "Accept", JSON), truncated), 400);
        assertThat(tables()).isEqualTo(before);
    }

    @Test
    void aPdfOfHundredThousandNestedArraysIsRefusedClearly() throws Exception {
        String number = requestAwaitingCopy();
        PortalClient staff = signedIn("ddstaff", "staff2026");
        Map<String, Long> before = tables();
        HttpResponse<String> response = staff.exchange("POST", "/staff/dd/" + number + "/copy?supplier=NSTL",
                headers(staff, "Content-Type", "multipart/form-data; boundary=b0undary", "Accept", JSON),
                multipart("b0undary", "file", "nested.pdf", nestedArraysPdf(100_000)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("PDF");
        assertThat(tables()).isEqualTo(before);
    }

    /** A one-page PDF whose catalogue holds {@code depth} arrays nested in each other, with a correct xref. */
    static byte[] nestedArraysPdf(int depth) {
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R /Nested " + "[".repeat(depth) + "]".repeat(depth) + " >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void fileNamesOfTwoHundredFiftyCharactersOrWithControlCharactersAreRefused() {
        PortalClient admin = signedIn("admin", "admin2026");
        byte[] kbart = "publication_title\tprint_identifier\nJournal of Names\t0000-0019\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = (String.join(",", org.illflow.report.LegacyImport.COLUMNS) + "\n").getBytes(StandardCharsets.UTF_8);
        for (String name : new String[] {"k".repeat(246) + ".txt", "kbart\u0001list.txt", "kbart\nlist.txt",
                "kbart\u007flist.txt"}) {
            Map<String, Long> before = tables();
            HttpResponse<String> holdings = admin.exchange("POST", "/admin/holdings",
                    headers(admin, "Content-Type", "multipart/form-data; boundary=b0undary"),
                    multipart("b0undary", "file", name, kbart, "format", "KBART"));
            assertRefused(holdings, 400);
            assertThat(holdings.body()).contains("文件名");
            HttpResponse<String> legacy = admin.exchange("POST", "/admin/reports/import",
                    headers(admin, "Content-Type", "multipart/form-data; boundary=b0undary"),
                    multipart("b0undary", "file", name, csv));
            assertRefused(legacy, 400);
            assertThat(legacy.body()).contains("文件名");
            assertThat(tables()).as(name).isEqualTo(before);
        }
    }

    // ---------------------------------------------------------------- imports: bad rows by line, the rest imported

    private HttpResponse<String> uploadHoldings(PortalClient admin, String format, String name, byte[] content) {
        return admin.exchange("POST", "/admin/holdings", headers(admin, "Content-Type", "multipart/form-data; boundary=b0undary"),
                multipart("b0undary", "file", name, content, "format", format));
    }

    private long count(String table, String source) {
        return jdbc.queryForObject("select count(*) from " + table + " where source = ?", Long.class, source);
    }

    @Test
    void overLongKbartValuesAreReportedByLineAndTheOtherRowsImport() {
        PortalClient admin = signedIn("admin", "admin2026");
        String source = "kbart-long-" + System.nanoTime() + ".txt";
        String header = "publication_title\tprint_identifier\ttitle_url\tpublisher_name\tcoverage_depth\tembargo_info";
        String kbart = String.join("\n", header,
                "Good journal one\t0000-0019\thttps://example.org/one\tPublisher\tfulltext\tP1Y",                 // 2
                "T".repeat(1001) + "\t\t\t\t\t",                                                                   // 3
                "Long url\t\thttps://example.org/" + "u".repeat(990) + "\t\t\t",                                  // 4
                "Long publisher\t\t\t" + "P".repeat(501) + "\t\t",                                                // 5
                "Long depth\t\t\t\t" + "d".repeat(51) + "\t",                                                      // 6
                "Long embargo\t\t\t\t\tP" + "9".repeat(60) + "Y",                                                  // 7
                "Script link\t\tjavascript:alert(document.cookie)\t\t\t",                                          // 8
                "Good journal two\t\thttp://example.org/two\t\t\t");                                               // 9
        HttpResponse<String> response = uploadHoldings(admin, "KBART", source, kbart.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        for (int line = 3; line <= 8; line++) {
            assertThat(response.body()).as("line " + line).contains("第 " + line + " 行");
        }
        assertThat(count("ejournal_holding", source)).isEqualTo(2);
        assertThat(jdbc.queryForList("select title_url from ejournal_holding where source = ?", String.class, source))
                .allMatch(url -> url.startsWith("http"));
    }

    @Test
    void overLongMarcValuesAreReportedByRecordAndTheOtherRecordsImport() {
        PortalClient admin = signedIn("admin", "admin2026");
        String source = "marc-long-" + System.nanoTime() + ".xml";
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><collection xmlns=\"http://www.loc.gov/MARC21/slim\">"
                + marc("r1", "Good book", "QA1", "Main", "2nd ed.", "Press")
                + marc("r2", "T".repeat(1001), "QA2", "Main", null, null)
                + marc("r".repeat(101), "Long id", "QA3", "Main", null, null)
                + marc("r4", "Long call number", "C".repeat(201), "Main", null, null)
                + marc("r5", "Long location", "QA5", "L".repeat(301), null, null)
                + marc("r6", "Long edition", "QA6", "Main", "E".repeat(201), null)
                + marc("r7", "Long publisher", "QA7", "Main", null, "P".repeat(501))
                + marc("r8", "Good book two", "QA8", "Stacks", null, null)
                + "</collection>";
        HttpResponse<String> response = uploadHoldings(admin, "MARC", source, xml.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        for (int record = 2; record <= 7; record++) {
            assertThat(response.body()).as("record " + record).contains("第 " + record + " 行");
        }
        assertThat(count("print_holding", source)).isEqualTo(2);
    }

    private static String marc(String id, String title, String callNumber, String location, String edition,
            String publisher) {
        return "<record><leader>00000cam a2200000 i 4500</leader><controlfield tag=\"001\">" + id + "</controlfield>"
                + "<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">" + title + "</subfield></datafield>"
                + (edition == null ? "" : "<datafield tag=\"250\" ind1=\" \" ind2=\" \"><subfield code=\"a\">" + edition
                        + "</subfield></datafield>")
                + (publisher == null ? "" : "<datafield tag=\"260\" ind1=\" \" ind2=\" \"><subfield code=\"b\">" + publisher
                        + "</subfield><subfield code=\"c\">2001</subfield></datafield>")
                + "<datafield tag=\"852\" ind1=\" \" ind2=\" \"><subfield code=\"b\">" + location + "</subfield>"
                + "<subfield code=\"h\">" + callNumber + "</subfield></datafield></record>";
    }

    @Test
    void aMarcXmlFileWithEntityExpansionIsRefusedWhole() {
        PortalClient admin = signedIn("admin", "admin2026");
        String source = "laughs-" + System.nanoTime() + ".xml";
        StringBuilder doctype = new StringBuilder("<!DOCTYPE collection [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">" + marc("b1", "&l9;", "QA1", "Main", null, null)
                + "</collection>";
        Map<String, Long> before = tables();
        HttpResponse<String> response = uploadHoldings(admin, "MARC", source, xml.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("DOCTYPE");
        assertThat(tables()).isEqualTo(before);
    }

    @Test
    void aLegacySupplierCodeLongerThanTheArchiveIndexTakesRefusesTheWholeFile() {
        PortalClient admin = signedIn("admin", "admin2026");
        String number = "OLD-" + System.nanoTime();
        String csv = String.join(",", org.illflow.report.LegacyImport.COLUMNS) + "\n"
                + number + "-1,DD,2016-03-01,2016-03-04,FILLED,FACULTY,物理学院,T001,NSTL,Journal A,,Fine row,2015,1.00,\n"
                + number + "-2,DD,2016-03-01,2016-03-04,FILLED,FACULTY,物理学院,T001," + "S".repeat(30)
                + ",Journal B,,Long supplier,2015,1.00,\n";
        Map<String, Long> before = tables();
        HttpResponse<String> response = admin.exchange("POST", "/admin/reports/import",
                headers(admin, "Content-Type", "multipart/form-data; boundary=b0undary"),
                multipart("b0undary", "file", "old.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("supplier").contains("20");
        assertThat(tables()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- portal forms

    @Test
    void theProfileFormWithoutLanguageIsAFieldErrorAndChangesNothing() {
        PortalClient patron = signedIn("2025120002", "reader2026");
        Map<String, Long> before = tables();
        Map<String, Object> row = jdbc.queryForMap("select email, phone, language from patron where card_number = ?",
                "2025120002");
        HttpResponse<String> response = patron.postForm("/profile", Map.of("_csrf", patron.csrfToken(),
                "email", "emma.other@example.edu", "phone", "021-65642222"));
        assertThat(response.statusCode()).isIn(200, 400);
        assertThat(tables()).isEqualTo(before);
        assertThat(jdbc.queryForMap("select email, phone, language from patron where card_number = ?", "2025120002"))
                .isEqualTo(row);
    }
}
