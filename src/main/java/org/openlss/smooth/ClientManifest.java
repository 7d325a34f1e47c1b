package org.openlss.smooth;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.openlss.live.StreamIndex;
import org.openlss.live.Timeline;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackType;

/**
 * Writes the Smooth Streaming client manifest ({@code SmoothStreamingMedia}) of a live presentation: live while the
 * event runs, on-demand shaped once it ended (players then play to the end instead of waiting at a live edge); and the
 * on-demand manifest of an archived presentation ({@code .ismc}). Every attribute dash.js needs is present
 * (smooth-client.md §2.3, §6.1); streams without fragments yet are left out.
 */
public final class ClientManifest {
    public static final long TIMESCALE = 10_000_000L;
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    /**
     * @param live            write the live form (IsLive, lookahead, DVR window)
     * @param lookahead       LookaheadCount / LookAheadFragmentCount
     * @param dvrWindowTicks  DVRWindowLength in 100 ns units, 0 for the whole event
     * @param repeatRuns      manifest version 2.2: runs of equal contiguous fragments as {@code r}
     */
    public record Options(boolean live, int lookahead, long dvrWindowTicks, boolean repeatRuns) {
    }

    private ClientManifest() {
    }

    /** The manifest of a live presentation, or null when no stream has a fragment yet (clients get 404, as from IIS). */
    public static byte[] write(List<StreamIndex> streams, Options options) {
        // sparse streams after the others, whichever registered first: a caption may come before any video fragment,
        // and players and tools take the first stream for the video
        List<StreamIndex> ordered = Stream.concat(streams.stream().filter(s -> s.parentName() == null),
                streams.stream().filter(s -> s.parentName() != null)).toList();
        return writeStreams(ordered.stream().map(ManifestStream::listed).toList(), options);
    }

    /** The manifest of {@code streams} (live or archived), or null when none has a fragment. */
    public static byte[] writeStreams(List<ManifestStream> streams, Options options) {
        List<ManifestStream> listed = streams.stream()
                .filter(s -> !s.timeline().isEmpty() && !s.levels().isEmpty()).toList();
        if (listed.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out, "utf-8");
            w.writeStartDocument("utf-8", "1.0");
            w.writeStartElement("SmoothStreamingMedia");
            w.writeAttribute("MajorVersion", "2");
            w.writeAttribute("MinorVersion", options.repeatRuns() ? "2" : "0");
            w.writeAttribute("TimeScale", String.valueOf(TIMESCALE));
            w.writeAttribute("Duration", options.live() ? "0" : String.valueOf(duration(listed)));
            if (options.live()) {
                w.writeAttribute("IsLive", "TRUE");
                w.writeAttribute("LookaheadCount", String.valueOf(options.lookahead()));
                w.writeAttribute("LookAheadFragmentCount", String.valueOf(options.lookahead()));
                w.writeAttribute("DVRWindowLength", String.valueOf(options.dvrWindowTicks()));
                w.writeAttribute("CanSeek", "TRUE");
                w.writeAttribute("CanPause", "TRUE");
            }
            for (ManifestStream stream : listed) {
                streamIndex(w, stream, options.repeatRuns());
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the client manifest", e);
        }
        return out.toByteArray();
    }

    /** Length of the longest listed stream, in the manifest timescale. */
    private static long duration(List<ManifestStream> listed) {
        long longest = 0;
        for (ManifestStream stream : listed) {
            Timeline t = stream.timeline();
            long ticks = t.end() - t.times()[0];
            long scale = stream.timescale();
            longest = Math.max(longest, ticks / scale * TIMESCALE + ticks % scale * TIMESCALE / scale);
        }
        return longest;
    }

    private static void streamIndex(XMLStreamWriter w, ManifestStream stream, boolean runs) throws XMLStreamException {
        List<ManifestStream.Level> levels = stream.levels();
        Timeline timeline = stream.timeline();
        TrackDescription first = levels.get(0).description();
        boolean custom = levels.stream().anyMatch(l -> !l.key().customAttributes().isEmpty());
        w.writeStartElement("StreamIndex");
        w.writeAttribute("Type", stream.type().manifestType());
        w.writeAttribute("Name", stream.name());
        if (stream.type() == TrackType.TEXT) {
            w.writeAttribute("Subtype", first.subtype() == null ? "DATA" : first.subtype());
        }
        if (first.language() != null) {
            w.writeAttribute("Language", first.language());
        }
        if (first.parentTrackName() != null) {
            w.writeAttribute("ParentStreamIndex", first.parentTrackName());
            if (first.manifestOutput()) {
                w.writeAttribute("ManifestOutput", "TRUE");
            }
        }
        w.writeAttribute("TimeScale", String.valueOf(stream.timescale()));
        w.writeAttribute("Chunks", String.valueOf(timeline.size()));
        w.writeAttribute("QualityLevels", String.valueOf(levels.size()));
        if (stream.type() == TrackType.VIDEO) {
            w.writeAttribute("MaxWidth", String.valueOf(levels.stream().mapToInt(l -> l.description().maxWidth()).max().orElse(0)));
            w.writeAttribute("MaxHeight", String.valueOf(levels.stream().mapToInt(l -> l.description().maxHeight()).max().orElse(0)));
            w.writeAttribute("DisplayWidth", String.valueOf(levels.stream().mapToInt(l -> display(l.description(), true)).max().orElse(0)));
            w.writeAttribute("DisplayHeight", String.valueOf(levels.stream().mapToInt(l -> display(l.description(), false)).max().orElse(0)));
        }
        // dash.js substitutes only these spellings, and builds FragmentInfo URLs from the literal "/Fragments("
        w.writeAttribute("Url", "QualityLevels({bitrate}" + (custom ? ",{CustomAttributes}" : "") + ")/Fragments("
                + stream.name() + "={start time})");
        for (int i = 0; i < levels.size(); i++) {
            qualityLevel(w, i, levels.get(i));
        }
        if (stream.inlineData() != null) {
            inlineChunks(w, timeline, stream.inlineData());
        } else {
            chunks(w, timeline, runs);
        }
        w.writeEndElement();
    }

    private static int display(TrackDescription d, boolean width) {
        int value = width ? d.displayWidth() : d.displayHeight();
        return value > 0 ? value : width ? d.maxWidth() : d.maxHeight();
    }

    private static void qualityLevel(XMLStreamWriter w, int index, ManifestStream.Level level) throws XMLStreamException {
        TrackDescription d = level.description();
        w.writeStartElement("QualityLevel");
        w.writeAttribute("Index", String.valueOf(index));
        w.writeAttribute("Bitrate", String.valueOf(level.key().bitrate()));
        // dash.js rejects a level without a FourCC; a sparse data track without one gets its subtype
        w.writeAttribute("FourCC", d.fourCC() != null ? d.fourCC() : d.subtype() != null ? d.subtype() : "DATA");
        w.writeAttribute("CodecPrivateData", d.codecPrivateDataHex());
        if (d.type() == TrackType.VIDEO) {
            w.writeAttribute("MaxWidth", String.valueOf(d.maxWidth()));
            w.writeAttribute("MaxHeight", String.valueOf(d.maxHeight()));
            if (d.nalLengthSize() > 0 && d.nalLengthSize() != 4) {
                w.writeAttribute("NALUnitLengthField", String.valueOf(d.nalLengthSize()));
            }
        } else if (d.type() == TrackType.AUDIO) {
            w.writeAttribute("SamplingRate", String.valueOf(d.samplingRate()));
            w.writeAttribute("Channels", String.valueOf(d.channels()));
            w.writeAttribute("BitsPerSample", String.valueOf(d.bitsPerSample() > 0 ? d.bitsPerSample() : 16));
            w.writeAttribute("PacketSize", String.valueOf(d.packetSize() > 0 ? d.packetSize() : 4));
            w.writeAttribute("AudioTag", String.valueOf(d.audioTag() > 0 ? d.audioTag() : 255));
        }
        Map<String, String> custom = level.key().customAttributes();
        if (!custom.isEmpty()) {
            w.writeStartElement("CustomAttributes");
            for (Map.Entry<String, String> a : custom.entrySet()) {
                w.writeEmptyElement("Attribute");
                w.writeAttribute("Name", a.getKey());
                w.writeAttribute("Value", a.getValue());
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** The {@code c} elements of a {@code ManifestOutput} stream, one per fragment, each with its sample data. */
    private static void inlineChunks(XMLStreamWriter w, Timeline timeline, List<String> data) throws XMLStreamException {
        long[] t = timeline.times();
        long[] d = timeline.durations();
        for (int i = 0; i < t.length; i++) {
            w.writeStartElement("c");
            if (i == 0 || t[i - 1] + d[i - 1] != t[i]) {
                w.writeAttribute("t", String.valueOf(t[i]));
            }
            w.writeAttribute("d", String.valueOf(d[i]));
            w.writeStartElement("f");
            w.writeAttribute("i", "0");
            w.writeCharacters(data.get(i));
            w.writeEndElement();
            w.writeEndElement();
        }
    }

    /**
     * The {@code c} elements: the first and every one that does not start where the previous ended carry {@code t};
     * with manifest version 2.2 a run of contiguous fragments of equal duration becomes one {@code c} with {@code r}.
     */
    static void chunks(XMLStreamWriter w, Timeline timeline, boolean runs) throws XMLStreamException {
        long[] t = timeline.times();
        long[] d = timeline.durations();
        int i = 0;
        while (i < t.length) {
            boolean explicit = i == 0 || t[i - 1] + d[i - 1] != t[i];
            int run = 1;
            if (runs) {
                while (i + run < t.length && d[i + run] == d[i] && t[i + run - 1] + d[i + run - 1] == t[i + run]) {
                    run++;
                }
            }
            w.writeEmptyElement("c");
            if (explicit) {
                w.writeAttribute("t", String.valueOf(t[i]));
            }
            w.writeAttribute("d", String.valueOf(d[i]));
            if (run > 1) {
                w.writeAttribute("r", String.valueOf(run));
            }
            i += run;
        }
    }
}
