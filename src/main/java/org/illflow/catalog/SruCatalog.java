package org.illflow.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.illflow.citation.Citation;
import org.illflow.citation.Issn;
import org.illflow.system.SafeXml;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Asks the library catalogue over SRU (1.2 or 2.0, {@code illflow.catalog.sru.*}) whether it holds a book or a
 * journal: by ISBN, else ISSN, else title, MARCXML records back. A short timeout: when the catalogue is slow, down
 * or answers with a diagnostic the answer is {@link Answer.Status#UNAVAILABLE} and callers fall back to the imported
 * holdings. The response is parsed with DTDs and external entities refused.
 */
@org.springframework.stereotype.Service
public class SruCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(SruCatalog.class);
    static final String MARC_NS = "http://www.loc.gov/MARC21/slim";

    /** What the catalogue said. */
    public record Answer(Status status, List<PrintHolding> holdings, String detail) {

        public enum Status {
            /** Not configured: imported holdings only. */
            OFF,
            HIT,
            MISS,
            /** Down, too slow, or a diagnostic: fall back to the imported holdings. */
            UNAVAILABLE
        }

        public Answer {
            holdings = List.copyOf(holdings);
        }

        static Answer of(Status status, String detail) {
            return new Answer(status, List.of(), detail);
        }
    }

    private final SruSettings settings;
    private final HttpClient http;

    public SruCatalog(SruSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.getTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public boolean enabled() {
        return settings.getBaseUrl() != null && !settings.getBaseUrl().isBlank();
    }

    /** Looks the citation up; never throws for the catalogue's own failures. */
    public Answer lookup(Citation citation) {
        if (!enabled()) {
            return Answer.of(Answer.Status.OFF, null);
        }
        Optional<String> query = cql(citation);
        if (query.isEmpty()) {
            return Answer.of(Answer.Status.MISS, "nothing to search by");
        }
        String url = url(query.get());
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(settings.getTimeout()).header("Accept", "application/xml, text/xml").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return unavailable("HTTP " + response.statusCode());
            }
            return parse(response.body());
        } catch (HttpTimeoutException e) {
            return unavailable("no answer within " + settings.getTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("interrupted");
        }
    }

    private static Answer unavailable(String why) {
        LOG.warn("Library catalogue (SRU) unavailable, imported holdings only: {}", why);
        return Answer.of(Answer.Status.UNAVAILABLE, why);
    }

    Optional<String> cql(Citation citation) {
        Optional<String> isbn = citation.isbn13();
        if (isbn.isPresent()) {
            return Optional.of(settings.getIsbnIndex() + "=" + isbn.get());
        }
        Optional<String> issn = citation.issnValue().or(() -> Issn.tryParse(citation.eissn()).map(Issn::value));
        if (issn.isPresent()) {
            return Optional.of(settings.getIssnIndex() + "=" + issn.get());
        }
        String title = citation.genre().returnable() ? citation.title() : citation.journal();
        if (title == null || title.isBlank()) {
            return Optional.empty();
        }
        String quoted = title.strip().replace("\\", "\\\\").replace("\"", "\\\"");
        return Optional.of(settings.getTitleIndex() + "=\"" + quoted + "\"");
    }

    String url(String cql) {
        StringBuilder url = new StringBuilder(settings.getBaseUrl());
        url.append(settings.getBaseUrl().contains("?") ? "&" : "?");
        boolean sru2 = settings.getVersion().startsWith("2");
        if (!sru2) {
            url.append("operation=searchRetrieve&");
        }
        url.append("version=").append(enc(settings.getVersion()))
                .append("&query=").append(enc(cql))
                .append("&maximumRecords=").append(settings.getMaximumRecords())
                .append("&recordSchema=").append(enc(settings.getRecordSchema()))
                .append(sru2 ? "&recordXMLEscaping=xml" : "&recordPacking=xml");
        return url.toString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An SRU 1.2 or 2.0 searchRetrieveResponse with MARCXML records (as XML or as escaped strings). */
    Answer parse(byte[] body) {
        Document document;
        try {
            document = SafeXml.documentBuilder().parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            return unavailable("unreadable response: " + e.getMessage());
        }
        NodeList diagnostics = byLocalName(document, "diagnostic");
        if (diagnostics.getLength() > 0) {
            Element diagnostic = (Element) diagnostics.item(0);
            String uri = text(diagnostic, "uri");
            String message = text(diagnostic, "message");
            String details = text(diagnostic, "details");
            return unavailable("diagnostic " + uri + (message == null ? "" : " " + message)
                    + (details == null ? "" : " (" + details + ")"));
        }
        List<PrintHolding> holdings = new ArrayList<>();
        NodeList recordData = byLocalName(document, "recordData");
        for (int i = 0; i < recordData.getLength(); i++) {
            Element data = (Element) recordData.item(i);
            List<Element> records = marcRecords(data);
            for (Element marc : records) {
                try {
                    holdings.addAll(MarcHoldingsReader.holdingsOf(toMarc4j(marc)));
                } catch (IllegalArgumentException e) {
                    LOG.debug("SRU record skipped: {}", e.getMessage());
                }
            }
        }
        return holdings.isEmpty() ? Answer.of(Answer.Status.MISS, null)
                : new Answer(Answer.Status.HIT, holdings, null);
    }

    private List<Element> marcRecords(Element recordData) {
        List<Element> records = new ArrayList<>();
        NodeList xml = recordData.getElementsByTagNameNS(MARC_NS, "record");
        for (int i = 0; i < xml.getLength(); i++) {
            records.add((Element) xml.item(i));
        }
        if (records.isEmpty() && !recordData.getTextContent().isBlank()) {
            // recordPacking=string: the MARCXML escaped as text
            try {
                Document inner = SafeXml.documentBuilder().parse(new ByteArrayInputStream(
                        recordData.getTextContent().strip().getBytes(StandardCharsets.UTF_8)));
                NodeList escaped = inner.getElementsByTagNameNS(MARC_NS, "record");
                for (int i = 0; i < escaped.getLength(); i++) {
                    records.add((Element) escaped.item(i));
                }
            } catch (SAXException | IOException e) {
                LOG.debug("SRU string record unreadable: {}", e.getMessage());
            }
        }
        return records;
    }

    private static Record toMarc4j(Element marc) {
        MarcFactory factory = MarcFactory.newInstance();
        Record record = factory.newRecord();
        for (Node child = marc.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element)) {
                continue;
            }
            switch (element.getLocalName()) {
                case "leader" -> record.setLeader(factory.newLeader(element.getTextContent()));
                case "controlfield" -> record.addVariableField(
                        factory.newControlField(element.getAttribute("tag"), element.getTextContent()));
                case "datafield" -> {
                    DataField field = factory.newDataField(element.getAttribute("tag"),
                            indicator(element.getAttribute("ind1")), indicator(element.getAttribute("ind2")));
                    NodeList subfields = element.getElementsByTagNameNS(MARC_NS, "subfield");
                    for (int i = 0; i < subfields.getLength(); i++) {
                        Element subfield = (Element) subfields.item(i);
                        String code = subfield.getAttribute("code");
                        if (!code.isEmpty()) {
                            field.addSubfield(factory.newSubfield(code.charAt(0), subfield.getTextContent()));
                        }
                    }
                    record.addVariableField(field);
                }
                default -> {
                }
            }
        }
        return record;
    }

    private static char indicator(String value) {
        return value == null || value.isEmpty() ? ' ' : value.charAt(0);
    }

    private static NodeList byLocalName(Document document, String localName) {
        return document.getElementsByTagNameNS("*", localName);
    }

    private static String text(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    /** For tests and logs. */
    Duration timeout() {
        return settings.getTimeout();
    }
}
