package dev.ecopulse.maven.client;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads maven-metadata.xml without trusting it: DOCTYPEs, external entities and XInclude are refused, so a hostile or
 * broken file is an error, never a file read or a network call.
 */
public final class MetadataXml {

    private MetadataXml() {
    }

    /** @throws MalformedAnswerException when the text is not well-formed metadata of the expected artifact */
    public static ArtifactMetadata parse(String xml, Coordinate expected) throws MalformedAnswerException {
        Element root = parseDocument(xml).getDocumentElement();
        if (!"metadata".equals(root.getTagName())) {
            throw new MalformedAnswerException("the root element is <" + root.getTagName() + ">, not <metadata>");
        }
        String groupId = text(child(root, "groupId"));
        String artifactId = text(child(root, "artifactId"));
        if ((groupId != null && !groupId.equals(expected.groupId()))
                || (artifactId != null && !artifactId.equals(expected.artifactId()))) {
            throw new MalformedAnswerException("it describes " + groupId + ":" + artifactId + ", not " + expected);
        }
        Element versioning = child(root, "versioning");
        if (versioning == null) {
            return new ArtifactMetadata(groupId, artifactId, null, null, null, null);
        }
        Element versions = child(versioning, "versions");
        return new ArtifactMetadata(groupId, artifactId, versions == null ? null : versions(versions),
                text(child(versioning, "release")), text(child(versioning, "latest")),
                text(child(versioning, "lastUpdated")));
    }

    private static Document parseDocument(String xml) throws MalformedAnswerException {
        if (xml == null || xml.isBlank()) {
            throw new MalformedAnswerException("the file is empty");
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // fatal errors still throw; nothing is printed
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new MalformedAnswerException("it is not well-formed XML (" + e.getMessage() + ")");
        } catch (IOException | ParserConfigurationException e) {
            throw new MalformedAnswerException("it cannot be read (" + e.getMessage() + ")");
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    /** Distinct, non-blank versions in the file's order. */
    private static List<String> versions(Element versions) {
        Set<String> distinct = new LinkedHashSet<>();
        for (Node n = versions.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "version".equals(e.getTagName())) {
                String v = text(e);
                if (v != null) {
                    distinct.add(v);
                }
            }
        }
        return new ArrayList<>(distinct);
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }
}
