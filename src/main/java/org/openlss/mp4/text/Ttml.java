package org.openlss.mp4.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.openlss.mp4.HardenedXml;

/**
 * TTML (DFXP) documents: the samples of a Smooth Streaming caption track ({@code FourCC} TTML, Subtype CAPT), whose
 * times count from the sample's own start (as IIS wrote them and dash.js reads them), and sidecar files, whose times
 * count from zero. Reads the timing attributes TTML gives {@code body}, {@code div}, {@code p} and {@code span}
 * ({@code begin}, {@code end}, {@code dur}; clock and offset times with frames and ticks) and the text of each
 * {@code p}, with {@code br} as a line break; styling and layout are not carried.
 */
public final class Ttml {
    public static final String NAMESPACE = "http://www.w3.org/ns/ttml";
    private static final String PARAMETER_NAMESPACE = "http://www.w3.org/ns/ttml#parameter";
    private static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
    /** Far more than any caption document; bounds the work a hostile sample can ask for. */
    private static final int MAX_ELEMENTS = 100_000;
    private static final Pattern CLOCK_TIME =
            Pattern.compile("(\\d{1,}):(\\d{2}):(\\d{2})(?:(\\.\\d+)|:(\\d{2,})(\\.\\d+)?)?");
    private static final Pattern OFFSET_TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|f|t)");
    private static final Pattern SPACES = Pattern.compile("[ \t\r\n]+");

    private Ttml() {
    }

    /**
     * The captions of one document, at {@code offset} plus the document's times (ticks). {@code duration}: how long
     * the document applies (a sample's duration), which ends captions that give no end; {@link Long#MAX_VALUE} for a
     * sidecar file, where such a caption is an error.
     *
     * @throws IllegalArgumentException naming what is wrong, when the document is not TTML or its times are invalid
     */
    public static List<Cue> read(byte[] document, long offset, long duration) {
        XMLStreamReader reader = null;
        try {
            reader = HardenedXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(document));
            return new Reading(reader, offset, duration).cues();
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("the TTML document is not well-formed XML: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // the JDK parser reports some malformed input (bad encodings, entity limits) unchecked
            throw new IllegalArgumentException("the TTML document cannot be parsed: " + e, e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing was held open beyond the byte array
                }
            }
        }
    }

    /**
     * One document holding {@code cues} with times counted from {@code offset} (a sample's start; a cue that began
     * before it begins at 0), in {@code language} (BCP 47; empty when unknown).
     */
    public static byte[] write(List<Cue> cues, long offset, String language) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter out = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
            out.writeStartDocument("UTF-8", "1.0");
            out.writeStartElement("", "tt", NAMESPACE);
            out.writeDefaultNamespace(NAMESPACE);
            out.writeNamespace("ttp", PARAMETER_NAMESPACE);
            out.writeAttribute(PARAMETER_NAMESPACE, "timeBase", "media");
            out.writeAttribute("xml", XML_NAMESPACE, "lang", language);
            out.writeStartElement(NAMESPACE, "body");
            out.writeStartElement(NAMESPACE, "div");
            for (Cue cue : cues) {
                out.writeStartElement(NAMESPACE, "p");
                out.writeAttribute("begin", clockTime(Math.max(0, cue.start() - offset)));
                out.writeAttribute("end", clockTime(Math.max(0, cue.end() - offset)));
                String[] lines = cue.text().split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        out.writeEmptyElement(NAMESPACE, "br");
                    }
                    out.writeCharacters(lines[i]);
                }
                out.writeEndElement();
            }
            out.writeEndElement();
            out.writeEndElement();
            out.writeEndElement();
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing TTML to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** {@code hh:mm:ss.mmm}, rounded to the millisecond (what caption timing needs, and every reader takes). */
    static String clockTime(long ticks) {
        long millis = Math.round(ticks / 10_000.0);
        return String.format("%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
                millis % 1000);
    }

    /** One pass over a document: the timing of each open element, the text of the open {@code p}. */
    private static final class Reading {
        private final XMLStreamReader reader;
        private final long offset;
        /** Absolute [begin, end) of each open element; TTML's times count from the parent's begin. */
        private final Deque<long[]> intervals = new ArrayDeque<>();
        private final List<Cue> cues = new ArrayList<>();
        private BigDecimal tickRate;
        private BigDecimal frameRate = BigDecimal.valueOf(30);
        private StringBuilder paragraph;
        private long[] paragraphInterval;

        Reading(XMLStreamReader reader, long offset, long duration) {
            this.reader = reader;
            this.offset = offset;
            intervals.push(new long[] {0, duration});
        }

        List<Cue> cues() throws XMLStreamException {
            int elements = 0;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > MAX_ELEMENTS) {
                            throw new IllegalArgumentException("the TTML document has more than " + MAX_ELEMENTS
                                    + " elements");
                        }
                        if (elements == 1) {
                            root();
                        }
                        start();
                    }
                    case XMLStreamConstants.END_ELEMENT -> end();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (paragraph != null) {
                            paragraph.append(SPACES.matcher(reader.getText()).replaceAll(" "));
                        }
                    }
                    default -> {
                    }
                }
            }
            if (elements == 0) {
                throw new IllegalArgumentException("the TTML document has no root element");
            }
            return cues;
        }

        private void root() {
            if (!"tt".equals(reader.getLocalName())) {
                throw new IllegalArgumentException("not a TTML document: its root is <" + reader.getLocalName()
                        + ">, not <tt>");
            }
            String rate = reader.getAttributeValue(PARAMETER_NAMESPACE, "tickRate");
            String frames = reader.getAttributeValue(PARAMETER_NAMESPACE, "frameRate");
            try {
                frameRate = frames == null ? frameRate : new BigDecimal(frames.trim());
                tickRate = rate == null ? null : new BigDecimal(rate.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ttp:tickRate or ttp:frameRate is not a number");
            }
        }

        private void start() {
            String name = reader.getLocalName();
            if ("br".equals(name) && paragraph != null) {
                paragraph.append('\n');
            }
            long[] parent = intervals.peek();
            String begin = reader.getAttributeValue(null, "begin");
            String end = reader.getAttributeValue(null, "end");
            String dur = reader.getAttributeValue(null, "dur");
            long from = begin == null ? parent[0] : parent[0] + ticks(begin, "begin");
            long to = parent[1];
            if (end != null) {
                to = Math.min(to, parent[0] + ticks(end, "end"));
            }
            if (dur != null) {
                to = Math.min(to, from + ticks(dur, "dur"));
            }
            long[] interval = {from, to};
            intervals.push(interval);
            if ("p".equals(name) && paragraph == null) {
                paragraph = new StringBuilder();
                paragraphInterval = interval;
            }
        }

        private void end() {
            long[] interval = intervals.pop();
            if (interval != paragraphInterval) {
                return;
            }
            String text = lines(paragraph);
            paragraph = null;
            paragraphInterval = null;
            if (text.isEmpty() || interval[1] <= interval[0]) {
                return;
            }
            if (interval[1] == Long.MAX_VALUE) {
                throw new IllegalArgumentException("the caption \"" + text + "\" has no end (no end or dur on it or"
                        + " an enclosing element)");
            }
            cues.add(new Cue(offset + interval[0], offset + interval[1], text));
        }

        private static String lines(StringBuilder text) {
            List<String> lines = new ArrayList<>();
            for (String line : text.toString().split("\n", -1)) {
                lines.add(line.strip());
            }
            return String.join("\n", lines).strip();
        }

        /** A TTML time expression in ticks. */
        private long ticks(String expression, String attribute) {
            String value = expression.trim();
            Matcher clock = CLOCK_TIME.matcher(value);
            BigDecimal seconds;
            if (clock.matches()) {
                seconds = new BigDecimal(clock.group(1)).multiply(BigDecimal.valueOf(3600))
                        .add(new BigDecimal(clock.group(2)).multiply(BigDecimal.valueOf(60)))
                        .add(new BigDecimal(clock.group(3)));
                if (clock.group(4) != null) {
                    seconds = seconds.add(new BigDecimal("0" + clock.group(4)));
                } else if (clock.group(5) != null) {
                    BigDecimal frames = new BigDecimal(clock.group(5) + (clock.group(6) == null ? "" : clock.group(6)));
                    seconds = seconds.add(frames.divide(frameRate, 9, RoundingMode.HALF_EVEN));
                }
            } else {
                Matcher offsetTime = OFFSET_TIME.matcher(value);
                if (!offsetTime.matches()) {
                    throw new IllegalArgumentException(attribute + "=\"" + expression + "\" is not a TTML time"
                            + " (hh:mm:ss.fff, hh:mm:ss:ff or a number with h, m, s, ms, f or t)");
                }
                BigDecimal count = new BigDecimal(offsetTime.group(1));
                seconds = switch (offsetTime.group(2)) {
                    case "h" -> count.multiply(BigDecimal.valueOf(3600));
                    case "m" -> count.multiply(BigDecimal.valueOf(60));
                    case "s" -> count;
                    case "ms" -> count.movePointLeft(3);
                    case "f" -> count.divide(frameRate, 9, RoundingMode.HALF_EVEN);
                    default -> {
                        if (tickRate == null || tickRate.signum() <= 0) {
                            throw new IllegalArgumentException(attribute + "=\"" + expression
                                    + "\" counts ticks but the document sets no ttp:tickRate");
                        }
                        yield count.divide(tickRate, 9, RoundingMode.HALF_EVEN);
                    }
                };
            }
            if (seconds.compareTo(BigDecimal.valueOf(100L * 365 * 24 * 3600)) > 0) {
                throw new IllegalArgumentException(attribute + "=\"" + expression + "\" is beyond any presentation");
            }
            return seconds.multiply(BigDecimal.valueOf(Cue.TICKS_PER_SECOND)).setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact();
        }
    }
}
