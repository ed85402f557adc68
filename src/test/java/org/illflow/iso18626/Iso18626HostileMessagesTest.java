package org.illflow.iso18626;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.illflow.iso18626.Iso18626.Action;
import org.illflow.iso18626.Iso18626.AgencyId;
import org.illflow.iso18626.Iso18626.Authentication;
import org.illflow.iso18626.Iso18626.BibliographicInfo;
import org.illflow.iso18626.Iso18626.BillingInfo;
import org.illflow.iso18626.Iso18626.Confirmation;
import org.illflow.iso18626.Iso18626.ConfirmationHeader;
import org.illflow.iso18626.Iso18626.Costs;
import org.illflow.iso18626.Iso18626.DeliveryInfo;
import org.illflow.iso18626.Iso18626.Envelope;
import org.illflow.iso18626.Iso18626.ErrorType;
import org.illflow.iso18626.Iso18626.Header;
import org.illflow.iso18626.Iso18626.ItemId;
import org.illflow.iso18626.Iso18626.Message;
import org.illflow.iso18626.Iso18626.MessageInfo;
import org.illflow.iso18626.Iso18626.MessageStatus;
import org.illflow.iso18626.Iso18626.MessageType;
import org.illflow.iso18626.Iso18626.PublicationInfo;
import org.illflow.iso18626.Iso18626.ReasonForMessage;
import org.illflow.iso18626.Iso18626.Request;
import org.illflow.iso18626.Iso18626.RequestType;
import org.illflow.iso18626.Iso18626.RequestingAgencyMessage;
import org.illflow.iso18626.Iso18626.ServiceInfo;
import org.illflow.iso18626.Iso18626.ServiceType;
import org.illflow.iso18626.Iso18626.Status;
import org.illflow.iso18626.Iso18626.StatusInfo;
import org.illflow.iso18626.Iso18626.SupplyingAgencyMessage;
import org.illflow.iso18626.Iso18626Transactions.Role;
import org.illflow.support.IllflowTest;
import org.illflow.support.TableCounts;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Hundreds of malformed and hostile messages against the running endpoint, generated rather than written out:
 * mutations of six valid messages (a request, a requesting-agency message and a supplying-agency message, each in
 * 2021-2 and 1.2) — every adjacent pair of elements swapped, an unknown element or attribute put into every
 * element, an element put inside every value, every coded or typed value replaced by nonsense, the root's
 * namespace, name and version changed — plus document type declarations in eleven encodings, parser attacks (NUL
 * bytes, invalid UTF-8, deep nesting, huge names and attributes, XML 1.1), wrong partners and credentials, and
 * transport faults. Each gets exactly the confirmation error it names (or its 4xx), no stack trace, no secret, and
 * leaves nothing but its one REFUSED row in the message log: every table of ours and the engine's is counted
 * before and after. The ten-megabyte bodies, the rate limit and the bounded log have tests of their own below.
 */
@IllflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Iso18626HostileMessagesTest {

    static final AgencyId FUDAN = new AgencyId("ISIL", "CN-FDU-HOSTILE");
    static final AgencyId SJTU = new AgencyId("ISIL", "CN-SJTU-HOSTILE");
    static final AgencyId TONGJI = new AgencyId("ISIL", "CN-TJU-HOSTILE");
    static final Authentication FUDAN_AUTH = new Authentication("fdu-hostile", "fdu-h0stile-s3cret");
    static final Authentication SJTU_AUTH = new Authentication("sjtu-hostile", "sjtu-h0stile-s3cret");
    static final Authentication TONGJI_AUTH = new Authentication("tju-hostile", "tju-h0stile-s3cret");
    static final String[] SECRETS = {FUDAN_AUTH.securityCode(), SJTU_AUTH.securityCode(), TONGJI_AUTH.securityCode()};
    static final String XML = "application/xml";

    @Autowired TestSupport support;
    @Autowired JdbcTemplate jdbc;
    @Autowired Iso18626Peers peers;
    @Autowired Iso18626Settings settings;
    @Autowired Iso18626Transactions transactions;

    Iso18626Peer fudan;
    Iso18626Peer sjtu;
    /** Lending requests of each partner here, and borrowing requests we sent each: what the base messages are about. */
    String lendingOfFudan;
    String lendingOfSjtu;
    String borrowingFromFudan;
    String borrowingFromSjtu;
    Instant t;

    @BeforeAll
    void partnersAndRequests() {
        if (fudan != null) {
            return;
        }
        fudan = peer("H-FUDAN", "复旦大学图书馆（敌意测试）", FUDAN, Iso18626Version.V2021_2, FUDAN_AUTH, true);
        sjtu = peer("H-SJTU", "上海交通大学图书馆（敌意测试）", SJTU, Iso18626Version.V1_2, SJTU_AUTH, true);
        peer("H-TONGJI", "同济大学图书馆（停用）", TONGJI, Iso18626Version.V2021_2, TONGJI_AUTH, false);
        String run = Long.toString(System.nanoTime(), 36);
        t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        lendingOfFudan = "ILL-H-F-" + run;
        lendingOfSjtu = "ILL-H-S-" + run;
        borrowingFromFudan = "ILL-H-BF-" + run;
        borrowingFromSjtu = "ILL-H-BS-" + run;
        transactions.create(Role.LENDING, fudan.getId(), lendingOfFudan, "LEND-2026-H00001", "Loan", "江村经济", "Loaned");
        transactions.create(Role.LENDING, sjtu.getId(), lendingOfSjtu, "LEND-2026-H00002", "Loan", "三体", "Loaned");
        transactions.create(Role.BORROWING, fudan.getId(), borrowingFromFudan, null, "Loan", "乡土中国", null);
        transactions.create(Role.BORROWING, sjtu.getId(), borrowingFromSjtu, null, "Copy", "Catalysis", null);
    }

    private Iso18626Peer peer(String code, String name, AgencyId agency, Iso18626Version version, Authentication auth,
            boolean active) {
        return peers.byCode(code).orElseGet(() -> peers.save(code, new Iso18626Peers.Registration(name, null,
                "http://127.0.0.1:9/iso18626", agency, version, auth.accountId(), auth.securityCode(), active), null));
    }

    AgencyId us() {
        return settings.agencyId();
    }

    // ------------------------------------------------------------------ the six valid messages

    /** A valid message of one kind and version, and the confirmation type it is answered with. */
    record Base(String name, Iso18626Version version, Message message) {
        MessageType confirmation() {
            return message.type().confirmation();
        }

        String xml() {
            return Iso18626Writer.writeString(new Envelope(version, message));
        }
    }

    Request request(AgencyId from, Authentication auth, String requestId) {
        return new Request(new Header(us(), from, null, t, requestId, null, auth),
                new BibliographicInfo(null, "江村经济", "费孝通", null, "第2版", null, null, null, null, null,
                        List.of(new ItemId("ISBN", "9787208061644"))),
                new PublicationInfo("上海人民出版社", null, "2006", "上海"),
                new ServiceInfo(RequestType.New, ServiceType.Loan, t.plus(20, ChronoUnit.DAYS), "请尽快"),
                new BillingInfo(null, new Costs("CNY", new BigDecimal("30.00"))));
    }

    RequestingAgencyMessage action(AgencyId from, Authentication auth, String requestId, Action action) {
        return new RequestingAgencyMessage(new Header(us(), from, null, t, requestId, "LEND-2026-H00001", auth), action,
                "收到");
    }

    SupplyingAgencyMessage loaned(AgencyId from, String requestId) {
        return loaned(from, requestId, null);
    }

    /** 1.2 lets a supplying-agency message carry credentials (2021 has no place for them). */
    SupplyingAgencyMessage loaned(AgencyId from, String requestId, Authentication auth) {
        return new SupplyingAgencyMessage(new Header(from, us(), null, t, requestId, "FDU-LEND-7", auth),
                new MessageInfo(ReasonForMessage.StatusChange, null, "请按期归还", null, null),
                new StatusInfo(Status.Loaned, null, t.plus(30, ChronoUnit.DAYS), t), null,
                new DeliveryInfo(t, "31001002345", null, "Mail", null, new Costs("CNY", new BigDecimal("12.00"))));
    }

    List<Base> bases() {
        partnersAndRequests();
        return List.of(
                new Base("request 2021-2", Iso18626Version.V2021_2, request(FUDAN, FUDAN_AUTH, "ILL-H-NEW-F")),
                new Base("request 1.2", Iso18626Version.V1_2, request(SJTU, SJTU_AUTH, "ILL-H-NEW-S")),
                new Base("requestingAgencyMessage 2021-2", Iso18626Version.V2021_2,
                        action(FUDAN, FUDAN_AUTH, lendingOfFudan, Action.Received)),
                new Base("requestingAgencyMessage 1.2", Iso18626Version.V1_2,
                        action(SJTU, SJTU_AUTH, lendingOfSjtu, Action.Received)),
                new Base("supplyingAgencyMessage 2021-2", Iso18626Version.V2021_2, loaned(FUDAN, borrowingFromFudan)),
                new Base("supplyingAgencyMessage 1.2", Iso18626Version.V1_2, loaned(SJTU, borrowingFromSjtu)));
    }

    // ------------------------------------------------------------------ the cases

    /** One hostile message: its body, content type, and the HTTP status and confirmation it must get. */
    record Case(String family, String name, byte[] body, String contentType, int status, ErrorType error,
            MessageType confirmation, String detailContains) {
        @Override
        public String toString() {
            return family + ": " + name;
        }
    }

    static Case refused(String family, String name, byte[] body, ErrorType error, MessageType confirmation) {
        return new Case(family, name, body, XML, 200, error, confirmation, null);
    }

    private List<Case> all;

    /** Every case, built once (some bodies are close to a megabyte). */
    List<Case> cases() {
        if (all == null) {
            all = build();
        }
        return all;
    }

    private List<Case> build() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(transportCases());
        cases.addAll(parserCases());
        cases.addAll(doctypeCases());
        for (Base base : bases()) {
            cases.addAll(rootCases(base));
            cases.addAll(mutations(base));
        }
        cases.addAll(partnerCases());
        return cases;
    }

    List<Case> transportCases() {
        byte[] valid = utf8(bases().get(0).xml());
        List<Case> cases = new ArrayList<>();
        for (String type : new String[] {null, "", "text/plain", "application/json", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "text/html", "application/octet-stream", "image/svg+xml",
                "application/xml-dtd", "xml", "application/xmlx"}) {
            cases.add(new Case("transport", "Content-Type " + (type == null ? "missing" : "'" + type + "'"), valid, type, 415,
                    ErrorType.BadlyFormedMessage, MessageType.requestConfirmation, "Content-Type"));
        }
        byte[] big = new byte[(int) settings.maxMessageBytes() + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        System.arraycopy(valid, 0, big, 0, valid.length);
        cases.add(new Case("transport", "1 MB and one byte", big, XML, 413, ErrorType.BadlyFormedMessage,
                MessageType.requestConfirmation, "at most 1 MB"));
        cases.add(new Case("transport", "empty body", new byte[0], XML, 200, ErrorType.BadlyFormedMessage,
                MessageType.requestConfirmation, "empty"));
        return cases;
    }

    List<Case> parserCases() {
        String request = bases().get(0).xml();
        String body = request.substring(request.indexOf("<ill:ISO18626Message"));
        String decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        bad.put("plain text", utf8("hello, library"));
        bad.put("JSON", utf8("{\"request\":{\"header\":{}}}"));
        bad.put("an HTML page", utf8("<!doctype html><html><body><p>请求</p></body></html>"));
        bad.put("only whitespace", utf8(" \r\n\t "));
        bad.put("only a byte order mark", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bad.put("only the XML declaration", utf8(decl));
        bad.put("only a comment", utf8(decl + "<!-- ISO 18626 -->"));
        bad.put("two root elements", utf8(request + body));
        bad.put("cut in half", utf8(request.substring(0, request.length() / 2)));
        bad.put("last tag missing", utf8(request.substring(0, request.lastIndexOf("</ill:ISO18626Message>"))));
        bad.put("tags crossed", utf8(request.replace("<ill:title>江村经济</ill:title>", "<ill:title>江村经济<ill:author></ill:title></ill:author>")));
        bad.put("attribute without quotes", utf8(request.replace("ill:version=\"2021-2\"", "ill:version=2021-2")));
        bad.put("bare ampersand", utf8(request.replace("江村经济", "江村 & 经济")));
        bad.put("undeclared entity &nbsp;", utf8(request.replace("江村经济", "江村&nbsp;经济")));
        bad.put("NUL byte inside a value", utf8(request.replace("江村经济", "江村\u0000经济")));
        bad.put("NUL byte before the declaration", concat(new byte[] {0}, utf8(request)));
        bad.put("character reference &#0;", utf8(request.replace("江村经济", "江村&#0;经济")));
        bad.put("character reference &#x1;", utf8(request.replace("江村经济", "江村&#x1;经济")));
        bad.put("raw control character U+0001", utf8(request.replace("江村经济", "江村\u0001经济")));
        bad.put("non-character U+FFFE", utf8(request.replace("江村经济", "江村\uFFFE经济")));
        bad.put("invalid UTF-8: lone continuation byte", replaceTitle(request, new byte[] {(byte) 0x80}));
        bad.put("invalid UTF-8: 0xFF", replaceTitle(request, new byte[] {(byte) 0xFF, (byte) 0xFE}));
        bad.put("invalid UTF-8: overlong slash", replaceTitle(request, new byte[] {(byte) 0xC0, (byte) 0xAF}));
        bad.put("invalid UTF-8: encoded surrogate", replaceTitle(request, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        bad.put("invalid UTF-8: cut multi-byte character", replaceTitle(request, new byte[] {(byte) 0xE6, (byte) 0xB1}));
        bad.put("declared UTF-16, sent UTF-8", utf8(request.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")));
        bad.put("unknown encoding", utf8(request.replace("encoding=\"UTF-8\"", "encoding=\"x-klingon\"")));
        bad.put("XML 1.1 with a control character", utf8(request.replace("version=\"1.0\"", "version=\"1.1\"")
                .replace("江村经济", "江村&#x1;经济")));
        bad.put("XML 1.1 without anything else", utf8(request.replace("version=\"1.0\"", "version=\"1.1\"")));
        bad.put("100,000 elements nested in the request id", utf8(request.replaceFirst("<ill:requestingAgencyRequestId>",
                "<ill:requestingAgencyRequestId>" + "<a>".repeat(100_000) + "</a>".repeat(100_000))));
        bad.put("40 elements nested in the title", utf8(request.replace("江村经济", "<a>".repeat(40) + "x" + "</a>".repeat(40))));
        bad.put("an element name of 2,000 characters", utf8(request.replace("<ill:author>费孝通</ill:author>",
                "<" + "n".repeat(2000) + "/>")));
        bad.put("20,000 attributes on the root", utf8(request.replace("ill:version=\"2021-2\"", "ill:version=\"2021-2\""
                + java.util.stream.IntStream.range(0, 20_000).mapToObj(i -> " a" + i + "=\"\"").collect(Collectors.joining()))));
        List<Case> cases = new ArrayList<>();
        MessageType rc = MessageType.requestConfirmation;
        bad.forEach((name, bytes) -> cases.add(refused("parser", name, bytes, ErrorType.BadlyFormedMessage, rc)));
        // these parse, and the schema or illflow's limits refuse them
        cases.add(refused("parser", "an attribute of 900 KB on the root", utf8(request.replace("ill:version=\"2021-2\"",
                "ill:version=\"2021-2\" huge=\"" + "x".repeat(900_000) + "\"")), ErrorType.UnrecognisedDataElement, rc));
        cases.add(refused("parser", "a request id of 201 characters", utf8(request.replace(">ILL-H-NEW-F<",
                ">" + "R".repeat(201) + "<")), ErrorType.UnrecognisedDataValue, rc));
        cases.add(refused("parser", "a request id of 900 KB", utf8(request.replace(">ILL-H-NEW-F<",
                ">" + "R".repeat(900_000) + "<")), ErrorType.UnrecognisedDataValue, rc));
        cases.add(refused("parser", "an agency id of 201 characters", utf8(request.replace(">CN-FDU-HOSTILE<",
                ">" + "C".repeat(201) + "<")), ErrorType.UnrecognisedDataValue, rc));
        cases.add(refused("parser", "XInclude of a local file", utf8(request.replace("<ill:timestamp>",
                "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>"
                        + "<ill:timestamp>")), ErrorType.UnrecognisedDataElement, rc));
        cases.add(refused("parser", "a SOAP envelope around the message", utf8(decl
                + "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>" + body
                + "</soap:Body></soap:Envelope>"), ErrorType.BadlyFormedMessage, rc));
        return cases;
    }

    /** The title's text replaced by these raw bytes (for encodings gone wrong). */
    static byte[] replaceTitle(String request, byte[] raw) {
        int at = request.indexOf("江村经济");
        return concat(utf8(request.substring(0, at)), raw, utf8(request.substring(at + "江村经济".length())));
    }

    /** The encodings a partner's system might write, with and without a byte order mark. */
    record Encoding(String name, String declared, Charset charset, byte[] bom) {
        byte[] encode(String xmlWithoutDeclaration) {
            String text = "<?xml version=\"1.0\" encoding=\"" + declared + "\"?>\n" + xmlWithoutDeclaration;
            return concat(bom, text.getBytes(charset));
        }
    }

    static List<Encoding> encodings() {
        byte[] none = new byte[0];
        return List.of(
                new Encoding("UTF-8", "UTF-8", StandardCharsets.UTF_8, none),
                new Encoding("UTF-8 with BOM", "UTF-8", StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
                new Encoding("UTF-16 big-endian with BOM", "UTF-16", StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}),
                new Encoding("UTF-16 little-endian with BOM", "UTF-16", StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
                new Encoding("UTF-16BE without BOM", "UTF-16BE", StandardCharsets.UTF_16BE, none),
                new Encoding("UTF-16LE without BOM", "UTF-16LE", StandardCharsets.UTF_16LE, none),
                new Encoding("UTF-32 big-endian", "UTF-32", Charset.forName("UTF-32BE"), none),
                new Encoding("UTF-32 little-endian", "UTF-32LE", Charset.forName("UTF-32LE"), none),
                new Encoding("EBCDIC IBM037", "IBM037", Charset.forName("IBM037"), none),
                new Encoding("GB18030", "GB18030", Charset.forName("GB18030"), none),
                new Encoding("ISO-8859-1", "ISO-8859-1", StandardCharsets.ISO_8859_1, none));
    }

    /** The request without its XML declaration, with a title every encoding above can write. */
    String portableRequest(String requestId) {
        String xml = new Base("", Iso18626Version.V2021_2, request(FUDAN, FUDAN_AUTH, requestId)).xml()
                .replace("江村经济", "Earthbound China").replace("费孝通", "Fei Xiaotong").replace("上海人民出版社", "Shanghai")
                .replace("第2版", "2").replace("请尽快", "soon").replace(">上海<", ">Shanghai<");
        return xml.substring(xml.indexOf("<ill:ISO18626Message"));
    }

    List<Case> doctypeCases() {
        String body = portableRequest("ILL-H-DTD");
        Map<String, String> doctypes = new java.util.LinkedHashMap<>();
        doctypes.put("billion laughs", "<!DOCTYPE ill:ISO18626Message [<!ENTITY l0 \"ha\">"
                + java.util.stream.IntStream.range(1, 10).mapToObj(i -> "<!ENTITY l" + i + " \""
                        + ("&l" + (i - 1) + ";").repeat(10) + "\">").collect(Collectors.joining()) + "]>");
        doctypes.put("external entity (a local file)", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");
        doctypes.put("external parameter entity", "<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\">%p;]>");
        doctypes.put("external DTD", "<!DOCTYPE ill:ISO18626Message SYSTEM \"http://127.0.0.1:9/iso18626.dtd\">");
        doctypes.put("public identifier", "<!DOCTYPE ill:ISO18626Message PUBLIC \"-//ILL//DTD 18626//EN\" \"iso.dtd\">");
        List<Case> cases = new ArrayList<>();
        for (Encoding encoding : encodings()) {
            doctypes.forEach((name, doctype) -> {
                String entity = name.startsWith("billion") ? "&l9;" : name.startsWith("external entity") ? "&e;" : "Earthbound China";
                cases.add(new Case("doctype", name + ", " + encoding.name(), encoding.encode(doctype + "\n"
                        + body.replace("Earthbound China", entity)), XML, 200, ErrorType.BadlyFormedMessage,
                        MessageType.requestConfirmation, "DOCTYPE"));
            });
        }
        return cases;
    }

    List<Case> rootCases(Base base) {
        String xml = base.xml();
        String family = "root of " + base.name();
        String version = "ill:version=\"" + base.version().code() + "\"";
        MessageType type = base.message().type();
        List<Case> cases = new ArrayList<>();
        for (String other : new String[] {"2021-3", "2021-1", "1.1", "2.0", ""}) {
            cases.add(refused(family, "version '" + other + "'", utf8(xml.replace(version, "ill:version=\"" + other + "\"")),
                    ErrorType.UnrecognisedDataValue, base.confirmation()));
        }
        String otherVersion = base.version().is2021() ? "1.2" : "2021-2";
        cases.add(refused(family, "declared as " + otherVersion, utf8(xml.replace(version, "ill:version=\"" + otherVersion + "\"")),
                ErrorType.UnrecognisedDataElement, base.confirmation()));
        cases.add(refused(family, "version without namespace", utf8(xml.replace(version, version.substring(4))),
                ErrorType.BadlyFormedMessage, base.confirmation()));
        cases.add(refused(family, "no version", utf8(xml.replace(" " + version, "")), ErrorType.BadlyFormedMessage,
                base.confirmation()));
        cases.add(refused(family, "another namespace", utf8(xml.replace("http://illtransactions.org/2013/iso18626",
                "http://illtransactions.org/2017/iso18626")), ErrorType.BadlyFormedMessage, MessageType.requestConfirmation));
        cases.add(refused(family, "no namespace", utf8(xml.replace(" xmlns:ill=\"http://illtransactions.org/2013/iso18626\"", "")
                .replace("ill:", "")), ErrorType.BadlyFormedMessage,
                MessageType.requestConfirmation));
        cases.add(refused(family, "another root element", utf8(xml.replace("ill:ISO18626Message", "ill:ISO18626Messages")),
                ErrorType.BadlyFormedMessage, MessageType.requestConfirmation));
        cases.add(refused(family, "the message in another namespace", utf8(xml.replace("<ill:" + type.name() + ">",
                "<m:" + type.name() + " xmlns:m=\"urn:example:other\">").replace("</ill:" + type.name() + ">", "</m:"
                + type.name() + ">")), ErrorType.UnrecognisedDataElement, MessageType.requestConfirmation));
        String message = xml.substring(xml.indexOf("<ill:" + type.name() + ">"), xml.indexOf("</ill:ISO18626Message>"));
        cases.add(refused(family, "two messages in one", utf8(xml.replace("</ill:ISO18626Message>", message
                + "</ill:ISO18626Message>")), ErrorType.UnrecognisedDataElement, base.confirmation()));
        cases.add(refused(family, "no message at all", utf8(xml.replace(message, "")), ErrorType.BadlyFormedMessage,
                MessageType.requestConfirmation));
        return cases;
    }

    /** Values whose type the schema restricts (codes, dates, amounts), with the error a nonsense value gets. */
    static final Map<String, ErrorType> TYPED = Map.of("action", ErrorType.UnsupportedActionType,
            "reasonForMessage", ErrorType.UnsupportedReasonForMessageType, "status", ErrorType.UnrecognisedDataValue,
            "serviceType", ErrorType.UnrecognisedDataValue, "requestType", ErrorType.UnrecognisedDataValue,
            "timestamp", ErrorType.UnrecognisedDataValue, "needBeforeDate", ErrorType.UnrecognisedDataValue,
            "lastChange", ErrorType.UnrecognisedDataValue, "dueDate", ErrorType.UnrecognisedDataValue,
            "monetaryValue", ErrorType.UnrecognisedDataValue);

    /** Every element of the base message mutated in the ways the schema refuses. */
    List<Case> mutations(Base base) {
        Document original = parse(base.xml());
        List<Case> cases = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        collect(original.getDocumentElement(), "", paths);
        for (String path : paths) {
            Element element = find(original, path);
            List<Element> children = childElements(element);
            String family = "schema, " + base.name();
            if (!children.isEmpty()) {
                for (int i = 0; i + 1 < children.size(); i++) {
                    String a = children.get(i).getLocalName();
                    String b = children.get(i + 1).getLocalName();
                    if (!a.equals(b)) {
                        int index = i;
                        cases.add(mutated(base, family, "<" + b + "> before <" + a + "> in " + path, original, path,
                                e -> {
                                    List<Element> c = childElements(e);
                                    e.insertBefore(c.get(index + 1), c.get(index));
                                }, ErrorType.UnrecognisedDataElement));
                    }
                }
                // first in every element; last in the root (first there, it would hide which message this is)
                boolean root = !path.contains("/");
                cases.add(mutated(base, family, "unknown element " + (root ? "last" : "first") + " in " + path, original,
                        path, e -> e.insertBefore(e.getOwnerDocument().createElementNS(Iso18626.NAMESPACE, "ill:colour"),
                                root ? null : e.getFirstChild()), ErrorType.UnrecognisedDataElement));
                cases.add(mutated(base, family, "unknown attribute on " + path, original, path,
                        e -> e.setAttribute("colour", "rot"), ErrorType.UnrecognisedDataElement));
            } else {
                cases.add(mutated(base, family, "element inside the value of " + path, original, path,
                        e -> e.insertBefore(e.getOwnerDocument().createElementNS(Iso18626.NAMESPACE, "ill:b"),
                                e.getFirstChild()), ErrorType.UnrecognisedDataElement));
                ErrorType typed = TYPED.get(element.getLocalName());
                if (typed != null) {
                    String value = element.getTextContent();
                    String nearMiss = value.matches("\\d{4}-.*") ? "2026-02-30T08:00:00Z"
                            : value.matches("[0-9.]+") ? value.replace('.', ',') : value.toLowerCase(java.util.Locale.ROOT);
                    for (String nonsense : new String[] {"Ungültig·無効", nearMiss}) {
                        cases.add(mutated(base, family, path + " = '" + nonsense + "'", original, path,
                                e -> e.setTextContent(nonsense), typed));
                    }
                }
            }
        }
        return cases;
    }

    private Case mutated(Base base, String family, String name, Document original, String path,
            Consumer<Element> change, ErrorType error) {
        Document copy = (Document) original.cloneNode(true);
        change.accept(find(copy, path));
        return refused(family, name, utf8(serialize(copy)), error, base.confirmation());
    }

    /** Paths like {@code request/header/requestingAgencyId/agencyIdValue} of every element (the first of a name). */
    private static void collect(Element element, String prefix, List<String> paths) {
        String path = prefix.isEmpty() ? element.getLocalName() : prefix + "/" + element.getLocalName();
        if (paths.contains(path)) {
            return;
        }
        paths.add(path);
        for (Element child : childElements(element)) {
            collect(child, path, paths);
        }
    }

    private static Element find(Document document, String path) {
        Element element = document.getDocumentElement();
        String[] steps = path.split("/");
        for (int i = 1; i < steps.length; i++) {
            String step = steps[i];
            element = childElements(element).stream().filter(c -> c.getLocalName().equals(step)).findFirst().orElseThrow();
        }
        return element;
    }

    private static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    List<Case> partnerCases() {
        List<Case> cases = new ArrayList<>();
        String family = "partner";
        MessageType rc = MessageType.requestConfirmation;
        MessageType rac = MessageType.requestingAgencyMessageConfirmation;
        MessageType sac = MessageType.supplyingAgencyMessageConfirmation;
        ErrorType value = ErrorType.UnrecognisedDataValue;
        String run = Long.toString(System.nanoTime(), 36);
        cases.add(refused(family, "unknown agency", write21(request(new AgencyId("ISIL", "CN-NOBODY"), FUDAN_AUTH, "R1" + run)), value, rc));
        cases.add(refused(family, "the partner's value under another agency type", write21(request(new AgencyId("OCLC",
                FUDAN.value()), FUDAN_AUTH, "R2" + run)), value, rc));
        cases.add(refused(family, "the partner's agency id in lower case", write21(request(new AgencyId("ISIL",
                FUDAN.value().toLowerCase(java.util.Locale.ROOT)), FUDAN_AUTH, "R3" + run)), value, rc));
        cases.add(refused(family, "a partner that is switched off", write21(request(TONGJI, TONGJI_AUTH, "R4" + run)), value, rc));
        cases.add(refused(family, "addressed to another library", utf8(new String(write21(request(FUDAN, FUDAN_AUTH,
                "R5" + run)), StandardCharsets.UTF_8).replace(">" + us().value() + "<", ">CN-ELSEWHERE<")), value, rc));
        cases.add(refused(family, "our id under another agency type", utf8(new String(write21(request(FUDAN, FUDAN_AUTH,
                "R6" + run)), StandardCharsets.UTF_8).replaceFirst(">" + us().type() + "<", ">OCLC<")), value, rc));
        cases.add(refused(family, "wrong security code", write21(request(FUDAN, new Authentication(FUDAN_AUTH.accountId(),
                "guess"), "R7" + run)), value, rc));
        cases.add(refused(family, "security code in upper case", write21(request(FUDAN, new Authentication(
                FUDAN_AUTH.accountId(), FUDAN_AUTH.securityCode().toUpperCase(java.util.Locale.ROOT)), "R8" + run)), value, rc));
        cases.add(refused(family, "wrong account id", write21(request(FUDAN, new Authentication("someone",
                FUDAN_AUTH.securityCode()), "R9" + run)), value, rc));
        cases.add(refused(family, "another partner's credentials", write21(request(FUDAN, SJTU_AUTH, "R10" + run)), value, rc));
        cases.add(refused(family, "empty security code", utf8(new String(write21(request(FUDAN, FUDAN_AUTH, "R11" + run)),
                StandardCharsets.UTF_8).replace(">" + FUDAN_AUTH.securityCode() + "<", "><")), value, rc));
        cases.add(refused(family, "request without credentials", write21(request(FUDAN, null, "R12" + run)), value, rc));
        cases.add(refused(family, "request 1.2 without credentials", write12(request(SJTU, null, "R13" + run)), value, rc));
        cases.add(refused(family, "request 1.2 with wrong credentials", write12(request(SJTU, FUDAN_AUTH, "R14" + run)), value, rc));
        cases.add(refused(family, "a request id used by an earlier request", write21(request(FUDAN, FUDAN_AUTH,
                lendingOfFudan)), value, rc));
        cases.add(refused(family, "an empty request id", utf8(new String(write21(request(FUDAN, FUDAN_AUTH, "R15" + run)),
                StandardCharsets.UTF_8).replace(">R15" + run + "<", "> <")), value, rc));
        cases.add(refused(family, "an action without credentials", write21(action(FUDAN, null, lendingOfFudan,
                Action.Received)), value, rac));
        cases.add(refused(family, "an action with wrong credentials", write21(action(FUDAN, SJTU_AUTH, lendingOfFudan,
                Action.Received)), value, rac));
        cases.add(refused(family, "an action 1.2 with wrong credentials", write12(action(SJTU, FUDAN_AUTH, lendingOfSjtu,
                Action.Received)), value, rac));
        cases.add(refused(family, "an action on an unknown request", write21(action(FUDAN, FUDAN_AUTH, "ILL-NOBODY-" + run,
                Action.Received)), value, rac));
        cases.add(refused(family, "an action on another partner's request", write21(action(FUDAN, FUDAN_AUTH, lendingOfSjtu,
                Action.Renew)), value, rac));
        cases.add(refused(family, "ShippedForward (not supported)", write21(action(FUDAN, FUDAN_AUTH, lendingOfFudan,
                Action.ShippedForward)), ErrorType.UnsupportedActionType, rac));
        cases.add(refused(family, "HoldReturn (not supported)", write21(action(FUDAN, FUDAN_AUTH, lendingOfFudan,
                Action.HoldReturn)), ErrorType.UnsupportedActionType, rac));
        cases.add(refused(family, "ShippedForward 1.2 (not supported)", write12(action(SJTU, SJTU_AUTH, lendingOfSjtu,
                Action.ShippedForward)), ErrorType.UnsupportedActionType, rac));
        cases.add(refused(family, "a supplying agency id of 201 characters in an action", utf8(new String(write21(action(
                FUDAN, FUDAN_AUTH, lendingOfFudan, Action.Received)), StandardCharsets.UTF_8)
                .replace(">LEND-2026-H00001<", ">" + "L".repeat(201) + "<")), value, rac));
        cases.add(refused(family, "a status about a request we never sent", write21(loaned(FUDAN, "ILL-NEVER-" + run)), value, sac));
        cases.add(refused(family, "a status about a request we sent to another partner", write21(loaned(FUDAN,
                borrowingFromSjtu)), value, sac));
        cases.add(refused(family, "a status 1.2 with wrong credentials", write12(loaned(SJTU, borrowingFromSjtu,
                FUDAN_AUTH)), value, sac));
        cases.add(refused(family, "a status from an unknown library", write21(loaned(new AgencyId("ISIL", "CN-NOBODY"),
                borrowingFromFudan)), value, sac));
        ConfirmationHeader ok = new ConfirmationHeader(FUDAN, us(), t, lendingOfFudan, t, MessageStatus.OK);
        for (MessageType confirmation : new MessageType[] {MessageType.requestConfirmation,
                MessageType.supplyingAgencyMessageConfirmation, MessageType.requestingAgencyMessageConfirmation}) {
            Confirmation alone = new Confirmation(confirmation, ok,
                    confirmation == MessageType.supplyingAgencyMessageConfirmation ? ReasonForMessage.StatusChange : null,
                    confirmation == MessageType.requestingAgencyMessageConfirmation ? Action.Received : null, List.of());
            cases.add(refused(family, confirmation + " sent on its own, 2021-2", write21(alone), ErrorType.BadlyFormedMessage,
                    confirmation));
            cases.add(refused(family, confirmation + " sent on its own, 1.2", write12(alone), ErrorType.BadlyFormedMessage,
                    confirmation));
        }
        return cases;
    }

    static byte[] write21(Message message) {
        return Iso18626Writer.write(new Envelope(Iso18626Version.V2021_2, message));
    }

    static byte[] write12(Message message) {
        return Iso18626Writer.write(new Envelope(Iso18626Version.V1_2, message));
    }

    // ------------------------------------------------------------------ the test

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aHostileMessageGetsItsErrorAndLeavesOnlyItsRefusedLogRow(Case c) throws Exception {
        Map<String, Long> before = TableCounts.of(jdbc);
        HttpResponse<String> response = post(c.body(), c.contentType());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
        assertThat(response.body()).doesNotContain("Exception", "at org.", "at java.", "root:x:0");
        for (String secret : SECRETS) {
            assertThat(response.body()).doesNotContain(secret);
        }
        Confirmation confirmation = Iso18626EndpointTest.confirmation(response);
        assertThat(confirmation.ok()).isFalse();
        assertThat(confirmation.errors()).hasSize(1);
        String detail = confirmation.errors().get(0).errorValue();
        assertThat(confirmation.errors().get(0).errorType()).as(detail).isEqualTo(c.error());
        assertThat(confirmation.type()).as(detail).isEqualTo(c.confirmation());
        assertThat(detail).isNotBlank();
        if (c.detailContains() != null) {
            assertThat(detail).contains(c.detailContains());
        }
        Map<String, Long> after = TableCounts.of(jdbc);
        Iso18626EndpointTest.assertOnlyLogGrew(before, after);
        Map<String, Object> row = jdbc.queryForMap("select outcome, error_type, xml from iso18626_message "
                + "where id = (select max(id) from iso18626_message)");
        assertThat(row.get("OUTCOME")).isEqualTo("REFUSED");
        assertThat(row.get("ERROR_TYPE")).isEqualTo(c.error().name());
        String logged = (String) row.get("XML");
        for (String secret : SECRETS) {
            assertThat(logged == null ? "" : logged).doesNotContain(secret);
        }
    }

    @Test
    void theGeneratorMakesMoreThanTwoHundredCasesInEveryFamily() {
        List<Case> cases = cases();
        Map<String, Long> families = cases.stream().collect(Collectors.groupingBy(c -> c.family().replaceAll(",.*| of .*", ""),
                java.util.TreeMap::new, Collectors.counting()));
        assertThat(cases).hasSizeGreaterThan(200);
        assertThat(families).containsOnlyKeys("transport", "parser", "doctype", "root", "schema", "partner");
        assertThat(families.get("doctype")).isEqualTo(encodings().size() * 5L);
        assertThat(families.get("schema")).isGreaterThan(150);
        assertThat(cases.stream().map(Case::toString).distinct().count()).as("names are unique").isEqualTo(cases.size());
    }

    /**
     * The controls: the six base messages are valid (read back as written), the two requests are accepted by the
     * endpoint, and so is the request in every encoding — so each refusal above is for what was changed, and a
     * DOCTYPE refusal is not an encoding the parser cannot read. (Whether an action or a status is accepted also
     * depends on the state of the request's process, which these tests do not set up; their refusals above are all
     * decided before that.)
     */
    @Test
    void theUnchangedMessagesAreValidTheRequestsAcceptedAndEveryEncodingRead() throws Exception {
        for (Base base : bases()) {
            Envelope read = Iso18626Reader.read(utf8(base.xml()));
            assertThat(read.version()).isEqualTo(base.version());
            assertThat(read.message()).as(base.name()).isEqualTo(base.message());
            if (base.message() instanceof Request r) {
                Request fresh = new Request(withRequestId(r.header(), "ILL-H-OK-" + System.nanoTime()), r.bibliographicInfo(),
                        r.publicationInfo(), r.serviceInfo(), r.billingInfo());
                HttpResponse<String> response = post(Iso18626Writer.write(new Envelope(base.version(), fresh)), XML);
                assertThat(Iso18626EndpointTest.confirmation(response).ok()).as(base.name() + ": " + response.body()).isTrue();
            }
        }
        for (Encoding encoding : encodings()) {
            String requestId = "ILL-H-ENC-" + System.nanoTime();
            HttpResponse<String> response = post(encoding.encode(portableRequest(requestId)), XML);
            assertThat(Iso18626EndpointTest.confirmation(response).ok()).as(encoding.name() + ": " + response.body()).isTrue();
            assertThat(transactions.find(Role.LENDING, fudan.getId(), requestId).orElseThrow().title())
                    .isEqualTo("Earthbound China");
        }
    }

    private Header withRequestId(Header h, String requestId) {
        return new Header(h.supplyingAgencyId(), h.requestingAgencyId(), h.multipleItemRequestId(), h.timestamp(), requestId,
                h.supplyingAgencyRequestId(), h.authentication());
    }

    // ------------------------------------------------------------------ helpers

    private org.illflow.support.PortalClient client;

    HttpResponse<String> post(byte[] body, String contentType) {
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (client == null) {
            client = support.client(); // one HTTP client for the hundreds of cases
        }
        return client.exchange("POST", "/iso18626", headers, body);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static Document parse(String xml) {
        try {
            return SafeXmlDocuments.parse(utf8(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String serialize(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
