package org.openlss.mp4;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * The SMIL document of the LiveServerManifestBox (smooth-ingest.md §4.2): the {@code head/meta}
 * entries and one {@link SmilTrack} per {@code video}/{@code audio}/{@code textstream} element.
 */
public final class LiveServerManifest {
    private final Map<String, String> meta;
    private final List<SmilTrack> tracks;

    private LiveServerManifest(Map<String, String> meta, List<SmilTrack> tracks) {
        this.meta = Collections.unmodifiableMap(meta);
        this.tracks = List.copyOf(tracks);
    }

    /** Parses SMIL bytes (UTF-8 or UTF-16 with BOM). */
    public static LiveServerManifest parse(byte[] smil) {
        Map<String, String> meta = new LinkedHashMap<>();
        List<SmilTrack> tracks = SmilTrack.parseAll(smil, "live server manifest", new SmilTrack.ManifestVisitor() {
            @Override
            public void track(XMLStreamReader element) {
            }

            @Override
            public void other(XMLStreamReader element, boolean beforeTracks) {
                String metaName = SmilXml.attribute(element, "name");
                if (beforeTracks && "meta".equals(element.getLocalName()) && metaName != null
                        && meta.size() < SmilTrack.MAX_PARAMS) {
                    meta.put(metaName, String.valueOf(SmilXml.attribute(element, "content")));
                }
            }
        });
        return new LiveServerManifest(meta, tracks);
    }

    /** A manifest of {@code tracks} alone: the tracks of one media file of an on-demand server manifest. */
    static LiveServerManifest of(List<SmilTrack> tracks) {
        return new LiveServerManifest(Map.of(), tracks);
    }

    /** {@code head/meta} name → content, e.g. {@code creator}. */
    public Map<String, String> meta() {
        return meta;
    }

    /** The track elements in document order. */
    public List<SmilTrack> tracks() {
        return tracks;
    }

    /**
     * A UTF-8 live server manifest describing {@code tracks}, as a push encoder sends it;
     * {@code creator} (nullable) becomes {@code <meta name="creator">}.
     */
    public static byte[] write(List<TrackDescription> tracks, String creator) {
        return SmilXml.write(out -> {
            if (creator != null) {
                out.writeStartElement("head");
                out.writeEmptyElement("meta");
                out.writeAttribute("name", "creator");
                out.writeAttribute("content", creator);
                out.writeEndElement();
            }
            out.writeStartElement("body");
            out.writeStartElement("switch");
            for (TrackDescription track : tracks) {
                writeTrack(out, track, null);
            }
            out.writeEndElement();
            out.writeEndElement();
        });
    }

    /** One track element; {@code src} (the media file, on-demand server manifests only) may be null. */
    static void writeTrack(XMLStreamWriter out, TrackDescription track, String src) throws XMLStreamException {
        out.writeStartElement(track.type().smilElement());
        if (src != null) {
            out.writeAttribute("src", src);
        }
        out.writeAttribute("systemBitrate", Long.toString(track.bitrate()));
        if (track.language() != null) {
            out.writeAttribute("systemLanguage", track.language());
        }
        param(out, "trackID", track.trackId());
        param(out, "trackName", track.trackName());
        param(out, "timescale", track.timescale());
        param(out, "FourCC", track.fourCC());
        if (track.codecPrivateData().length > 0) {
            param(out, "CodecPrivateData", track.codecPrivateDataHex());
        }
        if (track.type() == TrackType.VIDEO) {
            param(out, "MaxWidth", track.maxWidth());
            param(out, "MaxHeight", track.maxHeight());
            param(out, "DisplayWidth", track.displayWidth());
            param(out, "DisplayHeight", track.displayHeight());
            if (track.nalLengthSize() != 0) {
                param(out, "NALUnitLengthField", track.nalLengthSize());
            }
        } else if (track.type() == TrackType.AUDIO) {
            param(out, "AudioTag", track.audioTag());
            param(out, "SamplingRate", track.samplingRate());
            param(out, "Channels", track.channels());
            param(out, "BitsPerSample", track.bitsPerSample());
            param(out, "PacketSize", track.packetSize());
        }
        param(out, "Subtype", track.subtype());
        param(out, "parentTrackName", track.parentTrackName());
        if (track.manifestOutput()) {
            param(out, "manifestOutput", "true");
        }
        for (Map.Entry<String, String> attribute : track.customAttributes().entrySet()) {
            param(out, attribute.getKey(), attribute.getValue());
        }
        out.writeEndElement();
    }

    private static void param(XMLStreamWriter out, String name, long value) throws XMLStreamException {
        param(out, name, Long.toString(value));
    }

    private static void param(XMLStreamWriter out, String name, String value) throws XMLStreamException {
        if (value != null) {
            out.writeEmptyElement("param");
            out.writeAttribute("name", name);
            out.writeAttribute("value", value);
            out.writeAttribute("valuetype", "data");
        }
    }
}
