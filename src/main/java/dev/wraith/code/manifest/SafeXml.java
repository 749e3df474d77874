package dev.wraith.code.manifest;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one way manifests read XML: StAX with DTDs and external entities switched off, so no XXE and no entity
 * expansion. Callers refuse a document that declares a DOCTYPE (no package manifest needs one).
 */
final class SafeXml {
  private SafeXml() {}

  /** What a walk over a document is told, element by element (names are local names). */
  interface Events {
    void start(XMLStreamReader r);

    /** Text or CDATA inside the innermost open element (may come in several pieces). */
    void characters(String text);

    /** An element closes; returns false to end the walk early (the caller has what it wants). */
    boolean end(XMLStreamReader r);
  }

  /**
   * Events that keep the open elements ({@link #stack}, innermost first) and hand each element's trimmed text to
   * {@link #closed}; the text of an element is what follows its start or its last closed child.
   */
  abstract static class ElementWalk implements Events {
    final Deque<String> stack = new ArrayDeque<>();
    private final StringBuilder chars = new StringBuilder();
    private final boolean lowerCaseNames;

    /** {@code lowerCaseNames}: element names are compared lower-cased (MSBuild's are case-insensitive). */
    ElementWalk(boolean lowerCaseNames) {
      this.lowerCaseNames = lowerCaseNames;
    }

    /** An element opened; {@code parent} is the enclosing element's name, null at the root. */
    abstract void opened(XMLStreamReader r, String name, String parent);

    /** An element closed, already popped off {@link #stack}; returns false to end the walk. */
    abstract boolean closed(String name, String text);

    @Override
    public final void start(XMLStreamReader r) {
      String parent = stack.peek();
      String name = lowerCaseNames ? r.getLocalName().toLowerCase(Locale.ROOT) : r.getLocalName();
      stack.push(name);
      chars.setLength(0);
      opened(r, name, parent);
    }

    @Override
    public final void characters(String text) {
      chars.append(text);
    }

    @Override
    public final boolean end(XMLStreamReader r) {
      String name = stack.pop();
      String text = chars.toString().trim();
      chars.setLength(0);
      return closed(name, text);
    }
  }

  /**
   * Walks a whole document, or until {@link Events#end} says stop. A DOCTYPE declaration is refused, naming the
   * {@code document} kind ("a POM"); a document that is not well-formed is malformed, without quoting it.
   */
  static void walk(String text, String document, Events events) throws MalformedManifestException {
    XMLStreamReader r = null;
    try {
      r = open(text);
      boolean more = true;
      while (more && r.hasNext()) {
        switch (r.next()) {
          case XMLStreamConstants.DTD -> throw new MalformedManifestException("DOCTYPE declarations are not allowed in " + document);
          case XMLStreamConstants.START_ELEMENT -> events.start(r);
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> events.characters(r.getText());
          case XMLStreamConstants.END_ELEMENT -> more = events.end(r);
          default -> { }
        }
      }
    } catch (XMLStreamException e) {
      throw malformed(e);
    } finally {
      close(r);
    }
  }

  /** A reader over the text; a fresh factory per file, since StAX does not promise a shared one is thread-safe. */
  private static XMLStreamReader open(String text) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return f.createXMLStreamReader(new StringReader(text));
  }

  private static void close(XMLStreamReader r) {
    if (r == null) return;
    try {
      r.close();
    } catch (XMLStreamException e) {
      // nothing to release beyond the in-memory reader
    }
  }

  /** A short, content-free reason for a parse failure. */
  private static MalformedManifestException malformed(XMLStreamException e) {
    int at = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
    return new MalformedManifestException("not well-formed XML" + (at > 0 ? " near line " + at : ""));
  }
}
