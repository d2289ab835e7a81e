package vn.hcmc.kpi.etl.ingest.xes;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.hcmc.kpi.etl.ingest.UnreadableFileException;

/**
 * Reads an XES (IEEE 1849) event log, plain or gzip (recognised by its magic bytes), as a StAX
 * stream: only one trace is in memory at a time, so a 200 MB log needs no more heap than its
 * largest trace. DTDs and external entities are refused: a file with a {@code <!DOCTYPE>} (and so
 * every XXE or entity-expansion attempt) fails at once, naming the file.
 *
 * <p>Trace and event attributes of the elementary types (string, date, int, float, boolean, id)
 * are read as key → text; nested attributes (children of an attribute) and list/container
 * attributes are skipped; elements this reader does not know are skipped with their content.
 * Log-level attributes, extensions, globals and classifiers are not needed and are skipped.
 */
public final class XesStreamReader {

  /** One event: its attributes, the XML line of its {@code <event>} tag and its 1-based number in the trace. */
  public record XesEvent(Map<String, String> attributes, long line, int number) {}

  /**
   * One trace: its 1-based number in the file, the XML lines of {@code <trace>} and {@code </trace>},
   * its own attributes and its events in file order.
   */
  public record XesTrace(int number, long line, long endLine, Map<String, String> attributes,
                         List<XesEvent> events) {}

  /** What a file held. */
  public record Stats(long traces, long events) {}

  private static final Set<String> SCALAR = Set.of("string", "date", "int", "float", "boolean", "id");

  private XesStreamReader() {}

  /** A StAX factory with DTDs and external entities off (the JDK's own implementation, for predictable limits). */
  static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return f;
  }

  /** Opens gzip when the stream starts with the gzip magic bytes, whatever the file is called. */
  static InputStream maybeGunzip(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    return in;
  }

  /** Streams the traces of one file to {@code out}; throws {@link UnreadableFileException} when it cannot. */
  public static Stats read(String source, InputStream raw, Consumer<XesTrace> out) {
    XMLStreamReader x = null;
    long traces = 0;
    long events = 0;
    Watched in = null;
    try {
      in = new Watched(maybeGunzip(raw));
      x = factory().createXMLStreamReader(in);
      boolean rootSeen = false;
      while (x.hasNext()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.DTD) {
          throw new UnreadableFileException(source, "the file declares a DTD (<!DOCTYPE ...>); DTDs and entities "
              + "are refused in XES input (XXE / entity-expansion protection)");
        }
        if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new UnreadableFileException(source, "entity reference &" + x.getLocalName() + "; at line "
              + x.getLocation().getLineNumber() + ": entities are refused in XES input");
        }
        if (ev != XMLStreamConstants.START_ELEMENT) continue;
        if (!rootSeen) {
          rootSeen = true;
          if (!x.getLocalName().equals("log")) {
            throw new UnreadableFileException(source, "not an XES log: the root element is <" + x.getLocalName()
                + ">, not <log>");
          }
          continue;
        }
        if (x.getLocalName().equals("trace")) {
          XesTrace t = readTrace(source, x, (int) (traces + 1));
          traces++;
          events += t.events().size();
          out.accept(t);
        } else {
          skip(source, x);
        }
      }
      if (!rootSeen) throw new UnreadableFileException(source, "not an XES log: no <log> element");
    } catch (XMLStreamException | UnreadableFileException e) {
      // the XML parser may turn a read failure (a truncated gzip) into a plain "premature end": the cause wins
      if (in != null && in.failure != null) throw new UnreadableFileException(source, in.failure);
      if (e instanceof UnreadableFileException u) throw u;
      throw unreadable(source, (XMLStreamException) e);
    } catch (IOException e) {
      throw new UnreadableFileException(source, e);
    } finally {
      if (x != null) {
        try {
          x.close();
        } catch (XMLStreamException ignored) {
          // nothing to do
        }
      }
    }
    return new Stats(traces, events);
  }

  /** Remembers the first read failure of the byte stream under the XML parser. */
  private static final class Watched extends java.io.FilterInputStream {
    IOException failure;

    Watched(InputStream in) { super(in); }

    @Override public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        if (failure == null) failure = e;
        throw e;
      }
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        if (failure == null) failure = e;
        throw e;
      }
    }
  }

  private static XesTrace readTrace(String source, XMLStreamReader x, int number) throws XMLStreamException {
    long line = x.getLocation().getLineNumber();
    Map<String, String> attrs = new LinkedHashMap<>();
    List<XesEvent> events = new ArrayList<>();
    while (true) {
      int ev = next(source, x);
      if (ev == XMLStreamConstants.END_ELEMENT) {
        return new XesTrace(number, line, x.getLocation().getLineNumber(), attrs, events);
      }
      if (ev != XMLStreamConstants.START_ELEMENT) continue;
      String name = x.getLocalName();
      if (name.equals("event")) {
        long eventLine = x.getLocation().getLineNumber();
        Map<String, String> ea = new LinkedHashMap<>();
        while (true) {
          int e2 = next(source, x);
          if (e2 == XMLStreamConstants.END_ELEMENT) break;
          if (e2 != XMLStreamConstants.START_ELEMENT) continue;
          readAttribute(source, x, ea);
        }
        events.add(new XesEvent(ea, eventLine, events.size() + 1));
      } else {
        readAttribute(source, x, attrs);
      }
    }
  }

  /** At the start of an attribute element: keeps key → value of a scalar one, skips the rest with its children. */
  private static void readAttribute(String source, XMLStreamReader x, Map<String, String> into)
      throws XMLStreamException {
    String type = x.getLocalName();
    if (SCALAR.contains(type)) {
      String key = x.getAttributeValue(null, "key");
      String value = x.getAttributeValue(null, "value");
      if (key != null && value != null) into.putIfAbsent(key, value);
    }
    skip(source, x);
  }

  /** At a start element: reads past its end element, whatever it holds. */
  private static void skip(String source, XMLStreamReader x) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int ev = next(source, x);
      if (ev == XMLStreamConstants.START_ELEMENT) depth++;
      else if (ev == XMLStreamConstants.END_ELEMENT) depth--;
    }
  }

  private static int next(String source, XMLStreamReader x) throws XMLStreamException {
    if (!x.hasNext()) throw new UnreadableFileException(source, "the XML ends inside an element (truncated?)");
    int ev = x.next();
    if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
      throw new UnreadableFileException(source, "entity reference &" + x.getLocalName() + "; at line "
          + x.getLocation().getLineNumber() + ": entities are refused in XES input");
    }
    return ev;
  }

  private static UnreadableFileException unreadable(String source, XMLStreamException e) {
    Throwable t = e;
    for (int i = 0; t != null && i < 10; i++) {
      if (t instanceof EOFException eof) return new UnreadableFileException(source, eof);
      if (t instanceof ZipException z) return new UnreadableFileException(source, z);
      if (t instanceof UnreadableFileException u) return u;
      Throwable next = t.getCause();
      if (next == null && t instanceof XMLStreamException xe) next = xe.getNestedException();
      t = next == t ? null : next;
    }
    Location loc = e.getLocation();
    String where = loc == null ? "" : " at line " + loc.getLineNumber() + ", column " + loc.getColumnNumber();
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    // the JDK repeats the position in the message; keep its last part, the reason
    int msg = m.indexOf("Message: ");
    if (msg >= 0) m = m.substring(msg + "Message: ".length());
    return new UnreadableFileException(source, "not well-formed XML" + where + ": " + m.strip());
  }
}
