package org.illflow.iso18626;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.parsers.DocumentBuilder;

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
import org.illflow.iso18626.Iso18626.Message;
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
import org.illflow.iso18626.Iso18626Refusal.Echo;
import org.illflow.system.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an ISO 18626 message: bytes in any encoding the XML declares (UTF-8, UTF-16 …) are parsed by
 * {@link SafeXml} (a DOCTYPE, and so any entity, is refused), the root and its {@code ill:version} are checked,
 * the document is validated against the schema of that version ({@link Iso18626Schemas}), and only then mapped to
 * {@link Iso18626} values. Whatever is refused comes back as an {@link Iso18626Refusal} with the error type a
 * confirmation reports; nothing here throws anything else for any input.
 */
public final class Iso18626Reader {

    private static final DatatypeFactory DATES = datatypeFactory();

    private Iso18626Reader() {
    }

    /** Deeper than any ISO 18626 message (they nest six levels at most): refused before anything is read. */
    static final int MAX_DEPTH = 32;
    /** The longest request id or agency id illflow stores (the columns of the message log and requests). */
    static final int MAX_ID = 200;

    public static Envelope read(byte[] xml) throws Iso18626Refusal {
        Document document = parse(xml);
        Element root = document.getDocumentElement();
        if (!Iso18626.NAMESPACE.equals(root.getNamespaceURI()) || !Iso18626.ROOT.equals(root.getLocalName())) {
            throw refusal(ErrorType.BadlyFormedMessage, "the root element must be " + Iso18626.ROOT + " in the namespace "
                    + Iso18626.NAMESPACE + ", not " + describe(root), null, null, Echo.NONE);
        }
        Element body = firstChildElement(root);
        MessageType type = body == null || !Iso18626.NAMESPACE.equals(body.getNamespaceURI()) ? null
                : messageType(body.getLocalName());
        checkShape(document, type);
        Echo echo = type == null ? Echo.NONE : echo(body);
        Iso18626Version version = version(root, type, echo);
        Iso18626Schemas.Problem problem = Iso18626Schemas.validate(document, version);
        if (problem != null) {
            throw refusal(problem.errorType(), problem.detail(), type, version, echo);
        }
        // valid: exactly one of the six messages is the root's only element
        Message message;
        try {
            message = map(body, type);
        } catch (NullPointerException | IllegalArgumentException empty) {
            // the schema lets a required string be empty (an agency id, a request id); illflow cannot use that
            throw refusal(ErrorType.UnrecognisedDataValue, "a required value is empty: "
                    + Iso18626Schemas.shorten(empty.getMessage()), type, version, echo);
        }
        String tooLong = tooLongId(message);
        if (tooLong != null) {
            throw refusal(ErrorType.UnrecognisedDataValue, tooLong + " is longer than " + MAX_ID
                    + " characters, more than this library keeps", type, version, echo);
        }
        return new Envelope(version, message);
    }

    /**
     * Refuses what a schema does not forbid but no partner sends and the reading below must not meet: XML 1.1
     * (it lets control characters in as character references, which an XML 1.0 confirmation cannot echo), and
     * elements nested deeper than {@value #MAX_DEPTH} (the DOM's text of an element is gathered recursively).
     * The walk is a loop, not a recursion.
     */
    private static void checkShape(Document document, MessageType type) throws Iso18626Refusal {
        if (document.getXmlVersion() != null && !"1.0".equals(document.getXmlVersion())) {
            throw refusal(ErrorType.BadlyFormedMessage, "XML " + Iso18626Schemas.shorten(document.getXmlVersion())
                    + " is not accepted: ISO 18626 messages are XML 1.0", type, null, Echo.NONE);
        }
        Node node = document.getDocumentElement();
        int depth = 1;
        while (node != null) {
            if (depth > MAX_DEPTH) {
                throw refusal(ErrorType.BadlyFormedMessage, "elements are nested deeper than " + MAX_DEPTH
                        + " levels, far deeper than any ISO 18626 message", type, null, Echo.NONE);
            }
            Node next = node.getFirstChild();
            if (next != null) {
                depth++;
                node = next;
                continue;
            }
            while (node != null && node.getNextSibling() == null) {
                node = node.getParentNode();
                depth--;
                if (node == document) {
                    return;
                }
            }
            node = node == null ? null : node.getNextSibling();
        }
    }

    /** The name of a request or agency id longer than illflow keeps, or null. */
    private static String tooLongId(Message message) {
        if (message instanceof Confirmation) {
            return null;
        }
        Header header = message instanceof Request r ? r.header()
                : message instanceof SupplyingAgencyMessage m ? m.header() : ((RequestingAgencyMessage) message).header();
        if (longer(header.requestingAgencyRequestId())) {
            return "requestingAgencyRequestId";
        }
        if (longer(header.supplyingAgencyRequestId())) {
            return "supplyingAgencyRequestId";
        }
        for (AgencyId agency : new AgencyId[] {header.requestingAgencyId(), header.supplyingAgencyId()}) {
            if (agency != null && (longer(agency.type()) || longer(agency.value()))) {
                return "an agency id";
            }
        }
        return null;
    }

    private static boolean longer(String text) {
        return text != null && text.length() > MAX_ID;
    }

    private static Document parse(byte[] xml) throws Iso18626Refusal {
        if (xml == null || xml.length == 0) {
            throw refusal(ErrorType.BadlyFormedMessage, "the message is empty", null, null, Echo.NONE);
        }
        DocumentBuilder builder = SafeXml.documentBuilder();
        builder.setErrorHandler(SILENT); // the default handler prints every fatal error to stderr
        try {
            return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            String detail = message.contains("DOCTYPE")
                    ? "a document type declaration (DOCTYPE) is not allowed, and so no entity"
                    : "not well-formed XML: " + Iso18626Schemas.shorten(message);
            throw refusal(ErrorType.BadlyFormedMessage, detail, null, null, Echo.NONE);
        } catch (IOException | RuntimeException e) {
            // an unreadable encoding surfaces as an IOException or, from the JDK's decoder, a runtime exception
            throw refusal(ErrorType.BadlyFormedMessage, "not readable XML: " + Iso18626Schemas.shorten(e.getMessage()),
                    null, null, Echo.NONE);
        }
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // not an error
        }

        @Override
        public void error(SAXParseException exception) {
            // non-fatal errors are left to schema validation
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    private static Iso18626Version version(Element root, MessageType type, Echo echo) throws Iso18626Refusal {
        if (!root.hasAttributeNS(Iso18626.NAMESPACE, "version")) {
            String detail = root.hasAttribute("version")
                    ? "the version attribute must be in the ISO 18626 namespace (ill:version), as the schema requires"
                    : "the version attribute (ill:version) is missing";
            throw refusal(ErrorType.BadlyFormedMessage, detail, type, null, echo);
        }
        String code = root.getAttributeNS(Iso18626.NAMESPACE, "version").strip();
        return Iso18626Version.ofCode(code).orElseThrow(() -> refusal(ErrorType.UnrecognisedDataValue,
                "version " + Iso18626Schemas.shorten(code) + " is not supported (supported: 2021-2, 1.2)", type, null,
                echo));
    }

    private static MessageType messageType(String localName) {
        for (MessageType type : MessageType.values()) {
            if (type.name().equals(localName)) {
                return type;
            }
        }
        return null;
    }

    /** The header ids of a message that may be invalid: read loosely, never failing. */
    private static Echo echo(Element body) {
        Element header = child(body, "header");
        if (header == null) {
            header = child(body, "confirmationHeader");
        }
        if (header == null) {
            return Echo.NONE;
        }
        return new Echo(looseAgency(child(header, "supplyingAgencyId")), looseAgency(child(header, "requestingAgencyId")),
                limit(text(header, "requestingAgencyRequestId")));
    }

    private static AgencyId looseAgency(Element element) {
        if (element == null) {
            return null;
        }
        String type = limit(text(element, "agencyIdType"));
        String value = limit(text(element, "agencyIdValue"));
        return type == null || value == null ? null : new AgencyId(type, value);
    }

    private static String limit(String text) {
        return text == null || text.length() > 200 ? null : text;
    }

    private static String describe(Element root) {
        String ns = root.getNamespaceURI();
        return Iso18626Schemas.shorten((ns == null ? "" : "{" + ns + "}")
                + (root.getLocalName() == null ? root.getNodeName() : root.getLocalName()));
    }

    private static Iso18626Refusal refusal(ErrorType type, String detail, MessageType messageType,
            Iso18626Version version, Echo echo) {
        return new Iso18626Refusal(type, detail, messageType, version, echo);
    }

    // ------------------------------------------------------------------ mapping a valid message

    private static Message map(Element body, MessageType type) {
        return switch (type) {
            case request -> new Request(header(child(body, "header")), bibliographic(child(body, "bibliographicInfo")),
                    publication(child(body, "publicationInfo")), service(child(body, "serviceInfo")),
                    billing(child(body, "billingInfo")));
            case supplyingAgencyMessage -> supplying(body);
            case requestingAgencyMessage -> new RequestingAgencyMessage(header(child(body, "header")),
                    Action.valueOf(text(body, "action")), text(body, "note"));
            default -> confirmation(body, type);
        };
    }

    private static Header header(Element header) {
        return new Header(agency(child(header, "supplyingAgencyId")), agency(child(header, "requestingAgencyId")),
                text(header, "multipleItemRequestId"), date(text(header, "timestamp")),
                text(header, "requestingAgencyRequestId"), text(header, "supplyingAgencyRequestId"),
                authentication(child(header, "requestingAgencyAuthentication")));
    }

    private static Authentication authentication(Element element) {
        return element == null ? null : new Authentication(text(element, "accountId"), text(element, "securityCode"));
    }

    private static AgencyId agency(Element element) {
        return element == null ? null : new AgencyId(text(element, "agencyIdType"), text(element, "agencyIdValue"));
    }

    private static BibliographicInfo bibliographic(Element b) {
        List<ItemId> ids = new ArrayList<>();
        for (Element id : children(b, "bibliographicItemId")) {
            ids.add(new ItemId(text(id, "bibliographicItemIdentifierCode"), text(id, "bibliographicItemIdentifier")));
        }
        // volume repeats in 2021: the first is kept
        return new BibliographicInfo(text(b, "supplierUniqueRecordId"), text(b, "title"), text(b, "author"),
                text(b, "subtitle"), text(b, "edition"), text(b, "titleOfComponent"), text(b, "authorOfComponent"),
                text(b, "volume"), text(b, "issue"), text(b, "pagesRequested"), ids);
    }

    private static PublicationInfo publication(Element p) {
        return p == null ? null : new PublicationInfo(text(p, "publisher"), text(p, "publicationType"),
                text(p, "publicationDate"), text(p, "placeOfPublication"));
    }

    private static ServiceInfo service(Element s) {
        return s == null ? null : new ServiceInfo(optional(text(s, "requestType"), RequestType::valueOf),
                ServiceType.valueOf(text(s, "serviceType")), date(text(s, "needBeforeDate")), text(s, "note"));
    }

    private static BillingInfo billing(Element b) {
        return b == null ? null : new BillingInfo(text(b, "paymentMethod"), costs(child(b, "maximumCosts")));
    }

    private static Costs costs(Element c) {
        return c == null ? null : new Costs(text(c, "currencyCode"), new BigDecimal(text(c, "monetaryValue")));
    }

    private static SupplyingAgencyMessage supplying(Element body) {
        Element m = child(body, "messageInfo");
        Element s = child(body, "statusInfo");
        MessageInfo info = new MessageInfo(ReasonForMessage.valueOf(text(m, "reasonForMessage")),
                optional(text(m, "answerYesNo"), YesNo::valueOf), text(m, "note"), text(m, "reasonUnfilled"),
                text(m, "reasonRetry"));
        StatusInfo status = new StatusInfo(Status.valueOf(text(s, "status")), date(text(s, "expectedDeliveryDate")),
                date(text(s, "dueDate")), date(text(s, "lastChange")));
        // 2021: retryInfo; 1.2: the same three inside messageInfo (the first offeredCosts is kept)
        Element r = child(body, "retryInfo");
        Element retrySource = r != null ? r : m;
        RetryInfo retry = null;
        Costs offered = costs(child(retrySource, "offeredCosts"));
        Instant after = date(text(retrySource, "retryAfter"));
        Instant before = date(text(retrySource, "retryBefore"));
        if (offered != null || after != null || before != null) {
            retry = new RetryInfo(offered, after, before);
        }
        Element d = child(body, "deliveryInfo");
        DeliveryInfo delivery = d == null ? null : new DeliveryInfo(date(text(d, "dateSent")), text(d, "itemId"),
                text(d, "URL"), firstText(d, "deliveryMethod", "sentVia"), firstText(d, "itemFormat", "deliveredFormat"),
                costs(child(d, "deliveryCosts")));
        return new SupplyingAgencyMessage(header(child(body, "header")), info, status, retry, delivery);
    }

    private static Confirmation confirmation(Element body, MessageType type) {
        Element h = child(body, "confirmationHeader");
        ConfirmationHeader header = new ConfirmationHeader(agency(child(h, "supplyingAgencyId")),
                agency(child(h, "requestingAgencyId")), date(text(h, "timestamp")), text(h, "requestingAgencyRequestId"),
                date(text(h, "timestampReceived")), MessageStatus.valueOf(text(h, "messageStatus")));
        List<ErrorData> errors = new ArrayList<>();
        for (Element e : children(body, "errorData")) {
            errors.add(new ErrorData(ErrorType.valueOf(text(e, "errorType")), text(e, "errorValue")));
        }
        return new Confirmation(type, header, optional(text(body, "reasonForMessage"), ReasonForMessage::valueOf),
                optional(text(body, "action"), Action::valueOf), errors);
    }

    // ------------------------------------------------------------------ DOM helpers

    private static <T> T optional(String text, Function<String, T> parse) {
        return text == null ? null : parse.apply(text);
    }

    private static Instant date(String text) {
        if (text == null) {
            return null;
        }
        XMLGregorianCalendar calendar = DATES.newXMLGregorianCalendar(text);
        if (calendar.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            calendar.setTimezone(0); // a time without zone is read as UTC
        }
        return calendar.toGregorianCalendar().toInstant();
    }

    private static Element firstChildElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element && localName.equals(element.getLocalName())
                    && Iso18626.NAMESPACE.equals(element.getNamespaceURI())) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element && localName.equals(element.getLocalName())
                    && Iso18626.NAMESPACE.equals(element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    /** The trimmed text of a child element, or null when it is missing or empty. */
    static String text(Element parent, String localName) {
        Element element = child(parent, localName);
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    private static String firstText(Element parent, String... names) {
        for (String name : names) {
            String text = text(parent, name);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static DatatypeFactory datatypeFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
