package org.illflow.iso18626;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.illflow.iso18626.Iso18626.AgencyId;
import org.illflow.iso18626.Iso18626.BibliographicInfo;
import org.illflow.iso18626.Iso18626.BillingInfo;
import org.illflow.iso18626.Iso18626.Confirmation;
import org.illflow.iso18626.Iso18626.Costs;
import org.illflow.iso18626.Iso18626.DeliveryInfo;
import org.illflow.iso18626.Iso18626.Envelope;
import org.illflow.iso18626.Iso18626.ErrorData;
import org.illflow.iso18626.Iso18626.Header;
import org.illflow.iso18626.Iso18626.ItemId;
import org.illflow.iso18626.Iso18626.MessageType;
import org.illflow.iso18626.Iso18626.PublicationInfo;
import org.illflow.iso18626.Iso18626.Request;
import org.illflow.iso18626.Iso18626.RequestingAgencyMessage;
import org.illflow.iso18626.Iso18626.RetryInfo;
import org.illflow.iso18626.Iso18626.ServiceInfo;
import org.illflow.iso18626.Iso18626.SupplyingAgencyMessage;
import org.illflow.system.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes an {@link Envelope} as UTF-8 XML, every element in the order the schema of the envelope's version
 * gives. Where 2021-2 and 1.2 differ the writer follows the version:
 * <ul>
 * <li>headers: 1.2 has one shared header (supplying agency and {@code multipleItemRequestId} required, the latter
 * written empty when there is none); 2021 has one per message (no authentication on a supplying-agency message,
 * no {@code multipleItemRequestId} but on a request);</li>
 * <li>{@code bibliographicItemId}: code first in 2021, identifier first in 1.2;</li>
 * <li>offered costs and retry dates: {@code retryInfo} (before, then after) in 2021, the end of
 * {@code messageInfo} (after, then before) in 1.2;</li>
 * <li>{@code deliveryInfo}: {@code deliveryMethod}/{@code itemFormat}/{@code URL} in 2021,
 * {@code sentVia}/{@code deliveredFormat} in 1.2, which has no URL: the URL then goes into the message's note;</li>
 * <li>confirmations: every {@code errorData} in 2021, the first only in 1.2.</li>
 * </ul>
 * A status or action 1.2 does not have ({@code HoldReturn}, {@code ReleaseHoldReturn}, {@code Lost}) cannot be
 * written in 1.2: {@link IllegalArgumentException}.
 */
public final class Iso18626Writer {

    private static final String PREFIX = "ill:";

    private Iso18626Writer() {
    }

    public static byte[] write(Envelope envelope) {
        Document document = SafeXml.documentBuilder().newDocument();
        Element root = document.createElementNS(Iso18626.NAMESPACE, PREFIX + Iso18626.ROOT);
        root.setAttributeNS(Iso18626.NAMESPACE, PREFIX + "version", envelope.version().code());
        document.appendChild(root);
        Builder b = new Builder(document, envelope.version());
        Iso18626.Message message = envelope.message();
        if (message instanceof Request r) {
            b.request(root, r);
        } else if (message instanceof SupplyingAgencyMessage m) {
            b.supplying(root, m);
        } else if (message instanceof RequestingAgencyMessage m) {
            b.requesting(root, m);
        } else {
            b.confirmation(root, (Confirmation) message);
        }
        return serialize(document);
    }

    public static String writeString(Envelope envelope) {
        return new String(write(envelope), StandardCharsets.UTF_8);
    }

    private static byte[] serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            document.setXmlStandalone(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("an ISO 18626 message could not be written", e);
        }
    }

    private static final class Builder {

        private final Document document;
        private final Iso18626Version version;

        Builder(Document document, Iso18626Version version) {
            this.document = document;
            this.version = version;
        }

        private Element add(Element parent, String name) {
            Element element = document.createElementNS(Iso18626.NAMESPACE, PREFIX + name);
            parent.appendChild(element);
            return element;
        }

        /** Adds an element with text, or nothing when the value is null. */
        private void add(Element parent, String name, Object value) {
            if (value != null) {
                add(parent, name).setTextContent(value instanceof Instant instant ? instant.toString() : value.toString());
            }
        }

        private void agency(Element parent, String name, AgencyId id) {
            if (id != null) {
                Element element = add(parent, name);
                add(element, "agencyIdType", id.type());
                add(element, "agencyIdValue", id.value());
            }
        }

        private void costs(Element parent, String name, Costs costs) {
            if (costs != null) {
                Element element = add(parent, name);
                add(element, "currencyCode", costs.currencyCode());
                add(element, "monetaryValue", costs.monetaryValue().toPlainString());
            }
        }

        private void header(Element parent, Header h, MessageType type) {
            Element header = add(parent, "header");
            boolean v2021 = version.is2021();
            if (!v2021 || type != MessageType.request) {
                require(h.supplyingAgencyId() != null, "a " + type + " names the supplying agency");
            }
            agency(header, "supplyingAgencyId", h.supplyingAgencyId());
            agency(header, "requestingAgencyId", h.requestingAgencyId());
            if (!v2021) {
                add(header, "multipleItemRequestId", h.multipleItemRequestId() == null ? "" : h.multipleItemRequestId());
            } else if (type == MessageType.request) {
                add(header, "multipleItemRequestId", h.multipleItemRequestId());
            }
            add(header, "timestamp", h.timestamp());
            add(header, "requestingAgencyRequestId", h.requestingAgencyRequestId());
            if (!v2021 || type != MessageType.request) {
                add(header, "supplyingAgencyRequestId", h.supplyingAgencyRequestId());
            }
            boolean authenticates = !v2021 || type != MessageType.supplyingAgencyMessage;
            if (authenticates && h.authentication() != null) {
                Element auth = add(header, "requestingAgencyAuthentication");
                add(auth, "accountId", h.authentication().accountId());
                add(auth, "securityCode", h.authentication().securityCode());
            }
        }

        void request(Element root, Request r) {
            Element request = add(root, "request");
            header(request, r.header(), MessageType.request);
            bibliographic(request, r.bibliographicInfo());
            PublicationInfo p = r.publicationInfo();
            if (p != null) {
                Element pub = add(request, "publicationInfo");
                add(pub, "publisher", p.publisher());
                add(pub, "publicationType", p.publicationType());
                add(pub, "publicationDate", p.publicationDate());
                add(pub, "placeOfPublication", p.placeOfPublication());
            }
            ServiceInfo s = r.serviceInfo();
            require(s != null || !version.is2021(), "a 2021 request has serviceInfo");
            if (s != null) {
                Element service = add(request, "serviceInfo");
                add(service, "requestType", s.requestType());
                add(service, "serviceType", s.serviceType());
                add(service, "needBeforeDate", s.needBeforeDate());
                add(service, "note", s.note());
            }
            BillingInfo billing = r.billingInfo();
            if (billing != null) {
                Element element = add(request, "billingInfo");
                add(element, "paymentMethod", billing.paymentMethod());
                costs(element, "maximumCosts", billing.maximumCosts());
            }
        }

        private void bibliographic(Element parent, BibliographicInfo b) {
            Element bib = add(parent, "bibliographicInfo");
            add(bib, "supplierUniqueRecordId", b.supplierUniqueRecordId());
            add(bib, "title", b.title());
            add(bib, "author", b.author());
            add(bib, "subtitle", b.subtitle());
            add(bib, "edition", b.edition());
            add(bib, "titleOfComponent", b.titleOfComponent());
            add(bib, "authorOfComponent", b.authorOfComponent());
            add(bib, "volume", b.volume());
            add(bib, "issue", b.issue());
            add(bib, "pagesRequested", b.pagesRequested());
            for (ItemId id : b.itemIds()) {
                Element item = add(bib, "bibliographicItemId");
                if (version.is2021()) {
                    add(item, "bibliographicItemIdentifierCode", id.code());
                    add(item, "bibliographicItemIdentifier", id.identifier());
                } else {
                    add(item, "bibliographicItemIdentifier", id.identifier());
                    add(item, "bibliographicItemIdentifierCode", id.code());
                }
            }
        }

        void supplying(Element root, SupplyingAgencyMessage m) {
            require(m.statusInfo().status().in(version), "status " + m.statusInfo().status() + " is not in "
                    + version.code());
            Element message = add(root, "supplyingAgencyMessage");
            header(message, m.header(), MessageType.supplyingAgencyMessage);
            DeliveryInfo d = m.deliveryInfo();
            RetryInfo retry = m.retryInfo();
            String note = m.messageInfo().note();
            if (!version.is2021() && d != null && d.url() != null) {
                note = (note == null ? "" : note + " ") + "URL: " + d.url();
            }
            Element info = add(message, "messageInfo");
            add(info, "reasonForMessage", m.messageInfo().reasonForMessage());
            add(info, "answerYesNo", m.messageInfo().answerYesNo());
            add(info, "note", note);
            add(info, "reasonUnfilled", m.messageInfo().reasonUnfilled());
            add(info, "reasonRetry", m.messageInfo().reasonRetry());
            if (!version.is2021() && retry != null) {
                costs(info, "offeredCosts", retry.offeredCosts());
                add(info, "retryAfter", retry.retryAfter());
                add(info, "retryBefore", retry.retryBefore());
            }
            Element status = add(message, "statusInfo");
            add(status, "status", m.statusInfo().status());
            add(status, "expectedDeliveryDate", m.statusInfo().expectedDeliveryDate());
            add(status, "dueDate", m.statusInfo().dueDate());
            add(status, "lastChange", m.statusInfo().lastChange());
            if (version.is2021() && retry != null) {
                Element element = add(message, "retryInfo");
                costs(element, "offeredCosts", retry.offeredCosts());
                add(element, "retryBefore", retry.retryBefore());
                add(element, "retryAfter", retry.retryAfter());
            }
            if (d != null) {
                Element delivery = add(message, "deliveryInfo");
                add(delivery, "dateSent", d.dateSent());
                add(delivery, "itemId", d.itemId());
                if (version.is2021()) {
                    add(delivery, "URL", d.url());
                    add(delivery, "deliveryMethod", d.deliveryMethod());
                    add(delivery, "itemFormat", d.itemFormat());
                } else {
                    add(delivery, "sentVia", d.deliveryMethod());
                    add(delivery, "deliveredFormat", d.itemFormat());
                }
                costs(delivery, "deliveryCosts", d.deliveryCosts());
            }
        }

        void requesting(Element root, RequestingAgencyMessage m) {
            require(m.action().in(version), "action " + m.action() + " is not in " + version.code());
            Element message = add(root, "requestingAgencyMessage");
            header(message, m.header(), MessageType.requestingAgencyMessage);
            add(message, "action", m.action());
            add(message, "note", m.note());
        }

        void confirmation(Element root, Confirmation c) {
            Element confirmation = add(root, c.type().name());
            Element header = add(confirmation, "confirmationHeader");
            agency(header, "supplyingAgencyId", c.header().supplyingAgencyId());
            agency(header, "requestingAgencyId", c.header().requestingAgencyId());
            add(header, "timestamp", c.header().timestamp());
            add(header, "requestingAgencyRequestId", c.header().requestingAgencyRequestId());
            add(header, "timestampReceived", c.header().timestampReceived());
            add(header, "messageStatus", c.header().messageStatus());
            if (c.type() == MessageType.supplyingAgencyMessageConfirmation) {
                add(confirmation, "reasonForMessage", c.reasonForMessage());
            }
            if (c.type() == MessageType.requestingAgencyMessageConfirmation) {
                require(c.action() == null || c.action().in(version), "action " + c.action() + " is not in "
                        + version.code());
                add(confirmation, "action", c.action());
            }
            List<ErrorData> errors = version.is2021() || c.errors().isEmpty() ? c.errors() : c.errors().subList(0, 1);
            for (ErrorData error : errors) {
                Element element = add(confirmation, "errorData");
                add(element, "errorType", error.errorType());
                add(element, "errorValue", error.errorValue());
            }
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
