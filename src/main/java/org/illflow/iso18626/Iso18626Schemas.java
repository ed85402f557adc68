package org.illflow.iso18626;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.illflow.iso18626.Iso18626.ErrorType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The ISO 18626 XSDs kept on the classpath ({@code iso18626/*.xsd}), compiled once, and validation of a parsed
 * message against the one its {@code ill:version} names. The schemas import nothing, and schema and DTD access
 * from the validator is switched off, so validation never touches the network. A validation failure is turned
 * into the error type a confirmation reports:
 * <ul>
 * <li>a value outside an enumeration of {@code action} → {@code UnsupportedActionType}, of
 * {@code reasonForMessage} → {@code UnsupportedReasonForMessageType}; any other wrong value (an unknown status,
 * a date that is not a date) → {@code UnrecognisedDataValue};</li>
 * <li>an element or attribute the schema does not allow where it stands (unknown, out of order, inside an element
 * that holds only a value) → {@code UnrecognisedDataElement};</li>
 * <li>anything else (a required element missing, stray text) → {@code BadlyFormedMessage}.</li>
 * </ul>
 */
final class Iso18626Schemas {

    /** Xerces' property naming the DOM element being validated when an error is reported. */
    private static final String CURRENT_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";
    private static final String LOCALE = "http://apache.org/xml/properties/locale";
    private static final int MAX_DETAIL = 300;

    private static final Map<Iso18626Version, Schema> SCHEMAS = load();

    private Iso18626Schemas() {
    }

    /** A validation problem found, as the confirmation reports it. */
    record Problem(ErrorType errorType, String detail) {
    }

    private static Map<Iso18626Version, Schema> load() {
        Map<Iso18626Version, Schema> schemas = new EnumMap<>(Iso18626Version.class);
        for (Iso18626Version version : Iso18626Version.values()) {
            URL xsd = Iso18626Schemas.class.getClassLoader().getResource(version.schemaResource());
            if (xsd == null) {
                throw new IllegalStateException("the ISO 18626 schema " + version.schemaResource() + " is missing");
            }
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                schemas.put(version, factory.newSchema(xsd));
            } catch (SAXException e) {
                throw new IllegalStateException("the ISO 18626 schema " + version.schemaResource() + " does not load", e);
            }
        }
        return schemas;
    }

    /** The first problem of the document under the schema of this version, or null when it is valid. */
    static Problem validate(Document document, Iso18626Version version) {
        Validator validator = SCHEMAS.get(version).newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the ISO 18626 validator cannot be secured", e);
        }
        try {
            // errorValue texts in English whatever the server's locale (the partner's staff read them)
            validator.setProperty(LOCALE, java.util.Locale.ENGLISH);
        } catch (SAXException e) {
            // a validator without the property reports in the server's locale; the error codes stay the same
        }
        List<Problem> problems = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException exception) {
                // warnings do not make a message invalid
            }

            @Override
            public void error(SAXParseException exception) throws SAXException {
                problems.add(classify(exception, currentElement(validator)));
                enough(problems);
            }

            @Override
            public void fatalError(SAXParseException exception) throws SAXException {
                problems.add(classify(exception, currentElement(validator)));
                enough(problems);
            }
        });
        try {
            validator.validate(new DOMSource(document));
        } catch (Enough stop) {
            // the first few problems tell what is wrong; a message of thousands of bad elements is not walked further
        } catch (SAXException | IOException e) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Problem(ErrorType.BadlyFormedMessage, shorten(e.getMessage())));
            }
        }
        return problems.isEmpty() ? null : pick(problems);
    }

    /** Validation stops after this many problems (one fault is often reported twice or three times). */
    static final int MAX_PROBLEMS = 10;

    private static final class Enough extends SAXException {
        Enough() {
            super("enough problems found");
        }
    }

    private static void enough(List<Problem> problems) throws SAXException {
        if (problems.size() >= MAX_PROBLEMS) {
            throw new Enough();
        }
    }

    /**
     * Several errors for one fault (an enumeration error is followed by a type error): the most telling wins — a
     * structural error if it came first, else an unsupported action or reason over another wrong value.
     */
    private static Problem pick(List<Problem> problems) {
        Problem first = problems.get(0);
        if (first.errorType() == ErrorType.UnrecognisedDataElement || first.errorType() == ErrorType.BadlyFormedMessage) {
            // an element where none belongs comes first; what follows from it (an action read as '') does not decide
            return first;
        }
        for (ErrorType preferred : new ErrorType[] {ErrorType.UnsupportedActionType,
                ErrorType.UnsupportedReasonForMessageType}) {
            for (Problem problem : problems) {
                if (problem.errorType() == preferred) {
                    return problem;
                }
            }
        }
        return problems.get(0);
    }

    private static String currentElement(Validator validator) {
        try {
            Object node = validator.getProperty(CURRENT_ELEMENT);
            return node instanceof Element element ? localName(element) : null;
        } catch (SAXException e) {
            return null;
        }
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    static Problem classify(SAXParseException e, String element) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String detail = shorten(message);
        if (message.startsWith("cvc-enumeration-valid") || message.startsWith("cvc-type.3.1.3")
                || message.startsWith("cvc-datatype-valid") || message.startsWith("cvc-minInclusive-valid")) {
            if ("action".equals(element)) {
                return new Problem(ErrorType.UnsupportedActionType, detail);
            }
            if ("reasonForMessage".equals(element)) {
                return new Problem(ErrorType.UnsupportedReasonForMessageType, detail);
            }
            return new Problem(ErrorType.UnrecognisedDataValue, detail);
        }
        // an element or attribute where the schema has none: unknown, out of order, or inside a simple value
        // (cvc-type.3.1.1/3.1.2, cvc-complex-type.2.2: an attribute on, or an element inside, an element that holds
        // only a value)
        if (message.startsWith("cvc-complex-type.2.4.a") || message.startsWith("cvc-complex-type.2.4.d")
                || message.startsWith("cvc-complex-type.3.2.2") || message.startsWith("cvc-elt.1")
                || message.startsWith("cvc-type.3.1.1") || message.startsWith("cvc-type.3.1.2")
                || message.startsWith("cvc-complex-type.2.2")) {
            return new Problem(ErrorType.UnrecognisedDataElement, detail);
        }
        return new Problem(ErrorType.BadlyFormedMessage, detail);
    }

    static String shorten(String text) {
        if (text == null) {
            return "invalid";
        }
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL - 1) + "…";
    }
}
