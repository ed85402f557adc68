package org.illflow.iso18626;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

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
import org.illflow.iso18626.Iso18626.ErrorData;
import org.illflow.iso18626.Iso18626.ErrorType;
import org.illflow.iso18626.Iso18626.Header;
import org.illflow.iso18626.Iso18626.ItemId;
import org.illflow.iso18626.Iso18626.MessageInfo;
import org.illflow.iso18626.Iso18626.MessageStatus;
import org.illflow.iso18626.Iso18626.MessageType;
import org.illflow.iso18626.Iso18626.PublicationInfo;
import org.illflow.iso18626.Iso18626.ReasonForMessage;
import org.illflow.iso18626.Iso18626.Request;
import org.illflow.iso18626.Iso18626.RequestType;
import org.illflow.iso18626.Iso18626.RequestingAgencyMessage;
import org.illflow.iso18626.Iso18626.RetryInfo;
import org.illflow.iso18626.Iso18626.ServiceInfo;
import org.illflow.iso18626.Iso18626.ServiceType;
import org.illflow.iso18626.Iso18626.Status;
import org.illflow.iso18626.Iso18626.StatusInfo;
import org.illflow.iso18626.Iso18626.SupplyingAgencyMessage;
import org.illflow.iso18626.Iso18626.YesNo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading, validating and writing ISO 18626 messages in both schema versions. The hand-written messages follow the
 * shape of the standard's examples (element order of the XSDs, the {@code ill:} prefix, qualified version); every
 * message written here is read back, which validates it against the XSD of its version.
 */
class Iso18626MessagesTest {

    static final AgencyId FUDAN = new AgencyId("ISIL", "CN-FDU");
    static final AgencyId SJTU = new AgencyId("ISIL", "CN-SJTU");
    static final Instant T = Instant.parse("2026-11-29T08:30:00Z");

    static byte[] utf8(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    static String root(String version, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ill:ISO18626Message xmlns:ill=\"http://illtransactions.org/2013/iso18626\" ill:version=\""
                + version + "\">" + body + "</ill:ISO18626Message>";
    }

    static final String AGENCIES = """
            <ill:supplyingAgencyId><ill:agencyIdType>ISIL</ill:agencyIdType><ill:agencyIdValue>CN-SJTU</ill:agencyIdValue></ill:supplyingAgencyId>
            <ill:requestingAgencyId><ill:agencyIdType>ISIL</ill:agencyIdType><ill:agencyIdValue>CN-FDU</ill:agencyIdValue></ill:requestingAgencyId>
            """;

    static String request2021(String serviceType) {
        return root("2021-2", """
                <ill:request>
                  <ill:header>""" + AGENCIES + """
                    <ill:timestamp>2026-11-29T08:30:00Z</ill:timestamp>
                    <ill:requestingAgencyRequestId>ILL-2026-000042</ill:requestingAgencyRequestId>
                    <ill:requestingAgencyAuthentication><ill:accountId>fudan</ill:accountId><ill:securityCode>s3cret</ill:securityCode></ill:requestingAgencyAuthentication>
                  </ill:header>
                  <ill:bibliographicInfo>
                    <ill:title>江村经济</ill:title>
                    <ill:author>费孝通</ill:author>
                    <ill:edition>第2版</ill:edition>
                    <ill:bibliographicItemId>
                      <ill:bibliographicItemIdentifierCode>ISBN</ill:bibliographicItemIdentifierCode>
                      <ill:bibliographicItemIdentifier>9787208061644</ill:bibliographicItemIdentifier>
                    </ill:bibliographicItemId>
                  </ill:bibliographicInfo>
                  <ill:publicationInfo><ill:publisher>上海人民出版社</ill:publisher><ill:publicationDate>2006</ill:publicationDate></ill:publicationInfo>
                  <ill:serviceInfo>
                    <ill:requestType>New</ill:requestType>
                    <ill:serviceType>""" + serviceType + """
                </ill:serviceType>
                    <ill:needBeforeDate>2026-12-20T00:00:00Z</ill:needBeforeDate>
                  </ill:serviceInfo>
                  <ill:billingInfo><ill:maximumCosts><ill:currencyCode>CNY</ill:currencyCode><ill:monetaryValue>30.00</ill:monetaryValue></ill:maximumCosts></ill:billingInfo>
                </ill:request>""");
    }

    static final String REQUEST_1_2 = root("1.2", """
            <ill:request>
              <ill:header>""" + AGENCIES + """
                <ill:multipleItemRequestId></ill:multipleItemRequestId>
                <ill:timestamp>2026-11-29T08:30:00Z</ill:timestamp>
                <ill:requestingAgencyRequestId>ILL-2026-000042</ill:requestingAgencyRequestId>
              </ill:header>
              <ill:bibliographicInfo>
                <ill:title>Programming pearls</ill:title>
                <ill:bibliographicItemId>
                  <ill:bibliographicItemIdentifier>0201657880</ill:bibliographicItemIdentifier>
                  <ill:bibliographicItemIdentifierCode>ISBN</ill:bibliographicItemIdentifierCode>
                </ill:bibliographicItemId>
              </ill:bibliographicInfo>
              <ill:serviceInfo><ill:serviceType>Loan</ill:serviceType></ill:serviceInfo>
            </ill:request>""");

    static final String LOANED_2021 = root("2021-2", """
            <ill:supplyingAgencyMessage>
              <ill:header>""" + AGENCIES + """
                <ill:timestamp>2026-12-01T02:00:00Z</ill:timestamp>
                <ill:requestingAgencyRequestId>ILL-2026-000042</ill:requestingAgencyRequestId>
                <ill:supplyingAgencyRequestId>LEND-2026-000007</ill:supplyingAgencyRequestId>
              </ill:header>
              <ill:messageInfo><ill:reasonForMessage>StatusChange</ill:reasonForMessage><ill:note>请按期归还</ill:note></ill:messageInfo>
              <ill:statusInfo><ill:status>Loaned</ill:status><ill:dueDate>2026-12-31T15:59:59Z</ill:dueDate><ill:lastChange>2026-12-01T02:00:00Z</ill:lastChange></ill:statusInfo>
              <ill:deliveryInfo><ill:dateSent>2026-12-01T01:00:00Z</ill:dateSent><ill:itemId>31001002345</ill:itemId><ill:deliveryMethod>Mail</ill:deliveryMethod></ill:deliveryInfo>
            </ill:supplyingAgencyMessage>""");

    static final String RETRY_1_2 = root("1.2", """
            <ill:supplyingAgencyMessage>
              <ill:header>""" + AGENCIES + """
                <ill:multipleItemRequestId/>
                <ill:timestamp>2026-12-01T02:00:00+08:00</ill:timestamp>
                <ill:requestingAgencyRequestId>ILL-2026-000042</ill:requestingAgencyRequestId>
              </ill:header>
              <ill:messageInfo>
                <ill:reasonForMessage>RequestResponse</ill:reasonForMessage>
                <ill:reasonRetry>CostExceedsMaxCost</ill:reasonRetry>
                <ill:offeredCosts><ill:currencyCode>CNY</ill:currencyCode><ill:monetaryValue>45.5</ill:monetaryValue></ill:offeredCosts>
                <ill:retryAfter>2026-12-02T00:00:00Z</ill:retryAfter>
              </ill:messageInfo>
              <ill:statusInfo><ill:status>RetryPossible</ill:status><ill:lastChange>2026-12-01T02:00:00+08:00</ill:lastChange></ill:statusInfo>
            </ill:supplyingAgencyMessage>""");

    static String action2021(String action) {
        return root("2021-2", """
                <ill:requestingAgencyMessage>
                  <ill:header>""" + AGENCIES + """
                    <ill:timestamp>2026-12-02T09:00:00Z</ill:timestamp>
                    <ill:requestingAgencyRequestId>ILL-2026-000042</ill:requestingAgencyRequestId>
                    <ill:supplyingAgencyRequestId>LEND-2026-000007</ill:supplyingAgencyRequestId>
                    <ill:requestingAgencyAuthentication><ill:accountId>fudan</ill:accountId><ill:securityCode>s3cret</ill:securityCode></ill:requestingAgencyAuthentication>
                  </ill:header>
                  <ill:action>""" + action + """
                </ill:action>
                </ill:requestingAgencyMessage>""");
    }

    static final String CONFIRMATION_ERRORS_2021 = root("2021-2", """
            <ill:requestConfirmation>
              <ill:confirmationHeader>""" + AGENCIES + """
                <ill:timestamp>2026-11-29T08:30:01Z</ill:timestamp>
                <ill:requestingAgencyRequestId>ILL-2026-000042</ill:requestingAgencyRequestId>
                <ill:timestampReceived>2026-11-29T08:30:00Z</ill:timestampReceived>
                <ill:messageStatus>ERROR</ill:messageStatus>
              </ill:confirmationHeader>
              <ill:errorData><ill:errorType>UnrecognisedDataValue</ill:errorType><ill:errorValue>unknown ISBN</ill:errorValue></ill:errorData>
              <ill:errorData><ill:errorType>BadlyFormedMessage</ill:errorType></ill:errorData>
            </ill:requestConfirmation>""");

    // ------------------------------------------------------------------ reading hand-written messages

    @Test
    void aRequestOf2021IsReadWithItsHeaderAuthenticationAndBibliographicData() throws Exception {
        Envelope envelope = Iso18626Reader.read(utf8(request2021("Loan")));
        assertThat(envelope.version()).isEqualTo(Iso18626Version.V2021_2);
        Request request = (Request) envelope.message();
        assertThat(request.header().requestingAgencyId()).isEqualTo(FUDAN);
        assertThat(request.header().supplyingAgencyId()).isEqualTo(SJTU);
        assertThat(request.header().timestamp()).isEqualTo(T);
        assertThat(request.header().requestingAgencyRequestId()).isEqualTo("ILL-2026-000042");
        assertThat(request.header().authentication()).isEqualTo(new Authentication("fudan", "s3cret"));
        assertThat(request.header().authentication().toString()).doesNotContain("s3cret");
        assertThat(request.bibliographicInfo().title()).isEqualTo("江村经济");
        assertThat(request.bibliographicInfo().itemIds()).containsExactly(new ItemId("ISBN", "9787208061644"));
        assertThat(request.publicationInfo().publisher()).isEqualTo("上海人民出版社");
        assertThat(request.serviceInfo()).isEqualTo(new ServiceInfo(RequestType.New, ServiceType.Loan,
                Instant.parse("2026-12-20T00:00:00Z"), null));
        assertThat(request.billingInfo().maximumCosts()).isEqualTo(new Costs("CNY", new BigDecimal("30.00")));
    }

    @Test
    void aRequestOf1_2HasTheIdentifierBeforeItsCodeAndAnEmptyMultipleItemRequestId() throws Exception {
        Request request = (Request) Iso18626Reader.read(utf8(REQUEST_1_2)).message();
        assertThat(request.bibliographicInfo().itemIds()).containsExactly(new ItemId("ISBN", "0201657880"));
        assertThat(request.header().multipleItemRequestId()).isNull();
        assertThat(request.header().authentication()).isNull();
    }

    @Test
    void theOrderOfTheItemIdIsTheVersionsOrder() {
        String swapped = request2021("Loan").replaceAll(
                "(<ill:bibliographicItemIdentifierCode>ISBN</ill:bibliographicItemIdentifierCode>)\\s*"
                        + "(<ill:bibliographicItemIdentifier>9787208061644</ill:bibliographicItemIdentifier>)",
                "$2$1");
        assertThat(swapped).isNotEqualTo(request2021("Loan"));
        assertRefused(utf8(swapped), ErrorType.UnrecognisedDataElement, MessageType.request);
    }

    @Test
    void aSupplyingAgencyMessageOf2021CarriesStatusDueDateAndDelivery() throws Exception {
        SupplyingAgencyMessage m = (SupplyingAgencyMessage) Iso18626Reader.read(utf8(LOANED_2021)).message();
        assertThat(m.messageInfo().reasonForMessage()).isEqualTo(ReasonForMessage.StatusChange);
        assertThat(m.messageInfo().note()).isEqualTo("请按期归还");
        assertThat(m.statusInfo().status()).isEqualTo(Status.Loaned);
        assertThat(m.statusInfo().dueDate()).isEqualTo(Instant.parse("2026-12-31T15:59:59Z"));
        assertThat(m.header().supplyingAgencyRequestId()).isEqualTo("LEND-2026-000007");
        assertThat(m.deliveryInfo().itemId()).isEqualTo("31001002345");
        assertThat(m.deliveryInfo().deliveryMethod()).isEqualTo("Mail");
        assertThat(m.retryInfo()).isNull();
    }

    @Test
    void aRetryOf1_2HasItsCostsAndDatesInMessageInfoAndZonedTimesAreReadAsInstants() throws Exception {
        SupplyingAgencyMessage m = (SupplyingAgencyMessage) Iso18626Reader.read(utf8(RETRY_1_2)).message();
        assertThat(m.statusInfo().status()).isEqualTo(Status.RetryPossible);
        assertThat(m.header().timestamp()).isEqualTo(Instant.parse("2026-11-30T18:00:00Z"));
        assertThat(m.messageInfo().reasonRetry()).isEqualTo("CostExceedsMaxCost");
        assertThat(m.retryInfo()).isEqualTo(new RetryInfo(new Costs("CNY", new BigDecimal("45.5")),
                Instant.parse("2026-12-02T00:00:00Z"), null));
    }

    @Test
    void aConfirmationOf2021MayCarrySeveralErrors() throws Exception {
        Confirmation c = (Confirmation) Iso18626Reader.read(utf8(CONFIRMATION_ERRORS_2021)).message();
        assertThat(c.type()).isEqualTo(MessageType.requestConfirmation);
        assertThat(c.ok()).isFalse();
        assertThat(c.errors()).containsExactly(new ErrorData(ErrorType.UnrecognisedDataValue, "unknown ISBN"),
                new ErrorData(ErrorType.BadlyFormedMessage, null));
    }

    @Test
    void messagesInUtf16AreReadLikeUtf8() throws Exception {
        String xml = request2021("Copy").replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        Request request = (Request) Iso18626Reader.read(xml.getBytes(StandardCharsets.UTF_16)).message();
        assertThat(request.bibliographicInfo().author()).isEqualTo("费孝通");
        assertThat(request.serviceInfo().serviceType()).isEqualTo(ServiceType.Copy);
    }

    // ------------------------------------------------------------------ refused

    static Stream<Arguments> refused() {
        String request = request2021("Loan");
        return Stream.of(
                Arguments.of("not XML", utf8("hello"), ErrorType.BadlyFormedMessage, null),
                Arguments.of("empty", new byte[0], ErrorType.BadlyFormedMessage, null),
                Arguments.of("JSON", utf8("{\"request\":{}}"), ErrorType.BadlyFormedMessage, null),
                Arguments.of("truncated", utf8(request.substring(0, request.length() / 2)), ErrorType.BadlyFormedMessage, null),
                Arguments.of("wrong namespace", utf8(request.replace("2013/iso18626", "2021/iso18626")),
                        ErrorType.BadlyFormedMessage, null),
                Arguments.of("no namespace", utf8("<ISO18626Message version=\"2021-2\"><request/></ISO18626Message>"),
                        ErrorType.BadlyFormedMessage, null),
                Arguments.of("unqualified version", utf8(request.replace("ill:version=", "version=")),
                        ErrorType.BadlyFormedMessage, MessageType.request),
                Arguments.of("no version", utf8(request.replace(" ill:version=\"2021-2\"", "")),
                        ErrorType.BadlyFormedMessage, MessageType.request),
                Arguments.of("version 2021-3", utf8(request.replace("\"2021-2\"", "\"2021-3\"")),
                        ErrorType.UnrecognisedDataValue, MessageType.request),
                Arguments.of("2021 message declared 1.2", utf8(request.replace("\"2021-2\"", "\"1.2\"")),
                        ErrorType.UnrecognisedDataElement, MessageType.request),
                Arguments.of("serviceInfo before publicationInfo", utf8(request.replace(
                        "<ill:publicationInfo><ill:publisher>上海人民出版社</ill:publisher><ill:publicationDate>2006</ill:publicationDate></ill:publicationInfo>",
                        "")
                        .replace("</ill:serviceInfo>", "</ill:serviceInfo><ill:publicationInfo><ill:publisher>x</ill:publisher></ill:publicationInfo>")),
                        ErrorType.UnrecognisedDataElement, MessageType.request),
                Arguments.of("unknown element", utf8(request.replace("<ill:author>", "<ill:colour>red</ill:colour><ill:author>")),
                        ErrorType.UnrecognisedDataElement, MessageType.request),
                Arguments.of("unknown service type", utf8(request2021("Scan")), ErrorType.UnrecognisedDataValue,
                        MessageType.request),
                Arguments.of("timestamp not a date", utf8(request.replace("2026-11-29T08:30:00Z", "yesterday")),
                        ErrorType.UnrecognisedDataValue, MessageType.request),
                Arguments.of("required title block missing", utf8(request.replaceAll("(?s)<ill:bibliographicInfo>.*</ill:bibliographicInfo>", "")),
                        ErrorType.UnrecognisedDataElement, MessageType.request),
                Arguments.of("empty agency id value", utf8(request.replace(">CN-FDU<", "><")),
                        ErrorType.UnrecognisedDataValue, MessageType.request),
                Arguments.of("empty request id", utf8(request.replace(">ILL-2026-000042<", "> <")),
                        ErrorType.UnrecognisedDataValue, MessageType.request),
                Arguments.of("unknown status", utf8(LOANED_2021.replace(">Loaned<", ">Lent<")),
                        ErrorType.UnrecognisedDataValue, MessageType.supplyingAgencyMessage),
                Arguments.of("2021 status in 1.2", utf8(RETRY_1_2.replace(">RetryPossible<", ">HoldReturn<")),
                        ErrorType.UnrecognisedDataValue, MessageType.supplyingAgencyMessage),
                Arguments.of("unknown reason", utf8(LOANED_2021.replace(">StatusChange<", ">Gossip<")),
                        ErrorType.UnsupportedReasonForMessageType, MessageType.supplyingAgencyMessage),
                Arguments.of("StatusChange as an action", utf8(action2021("StatusChange")),
                        ErrorType.UnsupportedActionType, MessageType.requestingAgencyMessage),
                Arguments.of("British spelling required", utf8(CONFIRMATION_ERRORS_2021.replace("UnrecognisedDataValue",
                        "UnrecognizedDataValue")), ErrorType.UnrecognisedDataValue, MessageType.requestConfirmation),
                Arguments.of("DOCTYPE with entity, UTF-8", utf8(doctype("UTF-8")), ErrorType.BadlyFormedMessage, null),
                Arguments.of("DOCTYPE with entity, UTF-16", doctype("UTF-16").getBytes(StandardCharsets.UTF_16),
                        ErrorType.BadlyFormedMessage, null),
                Arguments.of("DOCTYPE with entity, UTF-16LE without BOM",
                        doctype("UTF-16LE").getBytes(StandardCharsets.UTF_16LE), ErrorType.BadlyFormedMessage, null),
                Arguments.of("external entity, UTF-32", doctypeExternal("UTF-32").getBytes(Charset.forName("UTF-32")),
                        ErrorType.BadlyFormedMessage, null));
    }

    static String doctype(String encoding) {
        return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n<!DOCTYPE ill:ISO18626Message [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + request2021("Loan").substring(request2021("Loan").indexOf("<ill:ISO18626Message")).replace("江村经济", "&b;");
    }

    static String doctypeExternal(String encoding) {
        return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + request2021("Loan").substring(request2021("Loan").indexOf("<ill:ISO18626Message")).replace("江村经济", "&e;");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedMessagesAreNamedWithTheConfirmationsErrorType(String name, byte[] xml, ErrorType expected,
            MessageType type) {
        assertRefused(xml, expected, type);
    }

    static Iso18626Refusal assertRefused(byte[] xml, ErrorType expected, MessageType type) {
        Iso18626Refusal refusal = catchThrowableOfType(() -> Iso18626Reader.read(xml), Iso18626Refusal.class);
        assertThat(refusal).as("refused").isNotNull();
        assertThat(refusal.errorType()).as(refusal.detail()).isEqualTo(expected);
        assertThat(refusal.messageType()).isEqualTo(type);
        assertThat(refusal.detail()).isNotBlank().hasSizeLessThanOrEqualTo(300).doesNotContain("s3cret");
        return refusal;
    }

    @Test
    void aRefusedMessageStillEchoesItsHeaderIds() {
        Iso18626Refusal refusal = assertRefused(utf8(LOANED_2021.replace(">Loaned<", ">Lent<")),
                ErrorType.UnrecognisedDataValue, MessageType.supplyingAgencyMessage);
        assertThat(refusal.echo().requestingAgencyRequestId()).isEqualTo("ILL-2026-000042");
        assertThat(refusal.echo().supplyingAgencyId()).isEqualTo(SJTU);
        assertThat(refusal.version()).isEqualTo(Iso18626Version.V2021_2);
    }

    @Test
    void theDoctypeRefusalSaysSo() {
        Iso18626Refusal refusal = assertRefused(utf8(doctype("UTF-8")), ErrorType.BadlyFormedMessage, null);
        assertThat(refusal.detail()).contains("DOCTYPE");
    }

    // ------------------------------------------------------------------ writing: valid in both versions, round trip

    static Header header(String supplyingRequestId, Authentication auth) {
        return new Header(SJTU, FUDAN, null, T, "ILL-2026-000042", supplyingRequestId, auth);
    }

    static List<Iso18626.Message> messages(Iso18626Version version) {
        Authentication auth = new Authentication("fudan", "s3cret");
        BibliographicInfo bib = new BibliographicInfo(null, "三体", "刘慈欣", "地球往事", "第1版", null, null, "1", null,
                null, List.of(new ItemId("ISBN", "9787536692930"), new ItemId("OCLC", "123456")));
        Request loan = new Request(header(null, auth), bib, new PublicationInfo("重庆出版社", null, "2008", "重庆"),
                new ServiceInfo(RequestType.New, ServiceType.Loan, T.plusSeconds(86400 * 20), "请尽快"),
                new BillingInfo(null, new Costs("CNY", new BigDecimal("30.00"))));
        Request copy = new Request(header(null, null), new BibliographicInfo(null, "Journal of Catalysis Research",
                null, null, null, "Catalytic conversion of biomass", "Li, H.", "12", "3", "101-112",
                List.of(new ItemId("ISSN", "2434-561X"))), null, new ServiceInfo(null, ServiceType.Copy, null, null), null);
        Status statusOnlyIn2021 = version.is2021() ? Status.HoldReturn : Status.Overdue;
        SupplyingAgencyMessage loaned = new SupplyingAgencyMessage(header("LEND-2026-000007", null),
                new MessageInfo(ReasonForMessage.StatusChange, null, "请按期归还", null, null),
                new StatusInfo(Status.Loaned, null, T.plusSeconds(86400 * 30), T),
                null, new DeliveryInfo(T, "31001002345", null, "Mail", null, new Costs("CNY", new BigDecimal("12.00"))));
        SupplyingAgencyMessage retry = new SupplyingAgencyMessage(header("LEND-2026-000007", null),
                new MessageInfo(ReasonForMessage.RequestResponse, YesNo.N, "costs more", null, "CostExceedsMaxCost"),
                new StatusInfo(Status.RetryPossible, T.plusSeconds(3600), null, T),
                new RetryInfo(new Costs("CNY", new BigDecimal("45.50")), T.plusSeconds(86400), T.plusSeconds(86400 * 7)),
                null);
        SupplyingAgencyMessage unfilled = new SupplyingAgencyMessage(header("LEND-2026-000007", null),
                new MessageInfo(ReasonForMessage.RequestResponse, null, null, "NotHeld", null),
                new StatusInfo(statusOnlyIn2021, null, null, T), null, null);
        RequestingAgencyMessage received = new RequestingAgencyMessage(header("LEND-2026-000007", auth),
                Action.Received, "收到，谢谢");
        RequestingAgencyMessage lost = new RequestingAgencyMessage(header(null, null),
                version.is2021() ? Action.Lost : Action.ShippedReturn, null);
        ConfirmationHeader ok = new ConfirmationHeader(SJTU, FUDAN, T.plusSeconds(1), "ILL-2026-000042", T,
                MessageStatus.OK);
        ConfirmationHeader error = new ConfirmationHeader(null, null, T.plusSeconds(1), null, T, MessageStatus.ERROR);
        List<ErrorData> oneError = List.of(new ErrorData(ErrorType.BadlyFormedMessage, "not well-formed XML"));
        return List.of(loan, copy, loaned, retry, unfilled, received, lost,
                new Confirmation(MessageType.requestConfirmation, ok, null, null, List.of()),
                new Confirmation(MessageType.requestConfirmation, error, null, null, oneError),
                new Confirmation(MessageType.supplyingAgencyMessageConfirmation, ok, ReasonForMessage.StatusChange, null,
                        List.of()),
                new Confirmation(MessageType.requestingAgencyMessageConfirmation, error, null, Action.Received,
                        List.of(new ErrorData(ErrorType.UnrecognisedDataValue, "unknown request"))));
    }

    @ParameterizedTest
    @EnumSource(Iso18626Version.class)
    void everyMessageWrittenIsValidAgainstItsVersionsSchemaAndReadsBackTheSame(Iso18626Version version)
            throws Exception {
        for (Iso18626.Message message : messages(version)) {
            byte[] xml = Iso18626Writer.write(new Envelope(version, message));
            assertThat(Iso18626Schemas.validate(SafeXmlDocuments.parse(xml), version))
                    .as(message.type() + " in " + version.code() + ":\n" + new String(xml, StandardCharsets.UTF_8))
                    .isNull();
            Envelope back = Iso18626Reader.read(xml);
            assertThat(back.version()).isEqualTo(version);
            assertThat(back.message()).isEqualTo(message);
        }
    }

    @Test
    void handWrittenMessagesSurviveReadWriteRead() throws Exception {
        for (String xml : List.of(request2021("Loan"), REQUEST_1_2, LOANED_2021, RETRY_1_2, action2021("Renew"),
                CONFIRMATION_ERRORS_2021)) {
            Envelope first = Iso18626Reader.read(utf8(xml));
            Envelope again = Iso18626Reader.read(Iso18626Writer.write(first));
            assertThat(again).isEqualTo(first);
        }
    }

    @Test
    void theWriterFollowsEachVersionsElementNamesAndOrder() {
        SupplyingAgencyMessage delivered = new SupplyingAgencyMessage(header("LEND-1", null),
                new MessageInfo(ReasonForMessage.StatusChange, null, null, null, null),
                new StatusInfo(Status.CopyCompleted, null, null, T), null,
                new DeliveryInfo(T, null, "https://lib.example/copy/1.pdf", "URL", "PDF", null));
        String v2021 = Iso18626Writer.writeString(new Envelope(Iso18626Version.V2021_2, delivered));
        String v12 = Iso18626Writer.writeString(new Envelope(Iso18626Version.V1_2, delivered));
        assertThat(v2021).contains("<ill:URL>https://lib.example/copy/1.pdf</ill:URL>", "<ill:deliveryMethod>URL<",
                "<ill:itemFormat>PDF<", "ill:version=\"2021-2\"").doesNotContain("multipleItemRequestId");
        assertThat(v12).contains("<ill:sentVia>URL<", "<ill:deliveredFormat>PDF<", "<ill:multipleItemRequestId/>",
                "<ill:note>URL: https://lib.example/copy/1.pdf</ill:note>", "ill:version=\"1.2\"").doesNotContain("<ill:URL>");
        String item2021 = Iso18626Writer.writeString(new Envelope(Iso18626Version.V2021_2, messages(Iso18626Version.V2021_2).get(0)));
        assertThat(item2021.indexOf("bibliographicItemIdentifierCode")).isLessThan(item2021.indexOf("bibliographicItemIdentifier>"));
        String item12 = Iso18626Writer.writeString(new Envelope(Iso18626Version.V1_2, messages(Iso18626Version.V1_2).get(0)));
        assertThat(item12.indexOf("bibliographicItemIdentifier>")).isLessThan(item12.indexOf("bibliographicItemIdentifierCode"));
        // no authentication in a 2021 supplying-agency message header, even when the value has one
        SupplyingAgencyMessage withAuth = new SupplyingAgencyMessage(header("LEND-1", new Authentication("a", "b")),
                delivered.messageInfo(), delivered.statusInfo(), null, null);
        assertThat(Iso18626Writer.writeString(new Envelope(Iso18626Version.V2021_2, withAuth)))
                .doesNotContain("requestingAgencyAuthentication");
    }

    @Test
    void valuesThatOnly2021HasCannotBeWrittenIn1_2() {
        RequestingAgencyMessage lost = new RequestingAgencyMessage(header(null, null), Action.Lost, null);
        assertThatThrownBy(() -> Iso18626Writer.write(new Envelope(Iso18626Version.V1_2, lost)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Lost");
        SupplyingAgencyMessage hold = new SupplyingAgencyMessage(header(null, null),
                new MessageInfo(ReasonForMessage.StatusChange, null, null, null, null),
                new StatusInfo(Status.ReleaseHoldReturn, null, null, T), null, null);
        assertThatThrownBy(() -> Iso18626Writer.write(new Envelope(Iso18626Version.V1_2, hold)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ReleaseHoldReturn");
    }
}
