package dev.wraith.code.manifest;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one way manifests read XML: StAX with DTDs and external entities switched off, so no XXE and no entity
 * expansion. Callers refuse a document that declares a DOCTYPE (no package manifest needs one).
 */
final class SafeXml {
  private SafeXml() {}

  /** A reader over the text; a fresh factory per file, since StAX does not promise a shared one is thread-safe. */
  static XMLStreamReader open(String text) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return f.createXMLStreamReader(new StringReader(text));
  }

  static void close(XMLStreamReader r) {
    if (r == null) return;
    try {
      r.close();
    } catch (XMLStreamException e) {
      // nothing to release beyond the in-memory reader
    }
  }

  /** A short, content-free reason for a parse failure. */
  static MalformedManifestException malformed(XMLStreamException e) {
    int at = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
    return new MalformedManifestException("not well-formed XML" + (at > 0 ? " near line " + at : ""));
  }
}
