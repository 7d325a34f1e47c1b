package org.openlss.mp4;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The codec data of an on-demand presentation's client manifest ({@code .ismc}): IIS-era server manifests name only
 * each track's file, trackID and bitrate, and leave the FourCC, CodecPrivateData and audio fields (VC-1, WMA) to the
 * {@code .ismc}. Each quality level's attributes are kept under the names the server manifest's params use, so that
 * {@link OnDemandServerManifest#describe} can supply what a track's params lack.
 */
public final class ClientManifestCodecs {
    /** The QualityLevel attributes that describe the codec, named as the SMIL params are. */
    private static final List<String> CODEC_ATTRIBUTES = List.of("FourCC", "CodecPrivateData", "WaveFormatEx",
            "SamplingRate", "Channels", "BitsPerSample", "PacketSize", "AudioTag", "NALUnitLengthField", "MaxWidth",
            "MaxHeight", "Width", "Height");
    private static final int MAX_ELEMENTS = 100_000;

    /** One quality level: its stream's type and name, its bitrate and its codec attributes. */
    record Level(TrackType type, String streamName, long bitrate, Map<String, String> codec) {
    }

    public static final ClientManifestCodecs NONE = new ClientManifestCodecs(List.of());

    private final List<Level> levels;

    private ClientManifestCodecs(List<Level> levels) {
        this.levels = List.copyOf(levels);
    }

    /** Parses a {@code .ismc} (UTF-8 or UTF-16 with BOM, as IIS wrote them); 400 when it is not one. */
    public static ClientManifestCodecs parse(byte[] xml) {
        List<Level> levels = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = HardenedXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            TrackType type = null;
            String streamName = null;
            int elements = 0;
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (++elements > MAX_ELEMENTS) {
                    throw BoxFormatException.malformed("client manifest has more than " + MAX_ELEMENTS + " elements");
                }
                String name = reader.getLocalName();
                if (elements == 1 && !"SmoothStreamingMedia".equals(name)) {
                    throw BoxFormatException.malformed("not a client manifest (root " + name + ")");
                }
                if ("StreamIndex".equals(name)) {
                    type = TrackType.ofSmilElement(lower(SmilXml.attribute(reader, "Type")));
                    streamName = SmilXml.attribute(reader, "Name");
                } else if ("QualityLevel".equals(name) && type != null) {
                    String bitrate = SmilXml.attribute(reader, "Bitrate");
                    Map<String, String> codec = new LinkedHashMap<>();
                    for (String attribute : CODEC_ATTRIBUTES) {
                        String value = SmilXml.attribute(reader, attribute);
                        if (value != null && !value.isBlank()) {
                            codec.put(attribute, value);
                        }
                    }
                    levels.add(new Level(type, streamName,
                            bitrate == null ? 0 : SmilTrack.parseNumber(bitrate, "Bitrate"), codec));
                }
            }
        } catch (XMLStreamException e) {
            throw new BoxFormatException(BoxFormatException.MALFORMED,
                    "client manifest is not well-formed XML: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing is held open for a byte array
                }
            }
        }
        return new ClientManifestCodecs(levels);
    }

    private static String lower(String type) {
        return type == null ? null : type.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The codec attributes of the level that {@code track} (a server manifest track) is: same type and bitrate, and
     * the same stream name when the track names one; empty when none matches. Levels that match alike (two languages
     * at one bitrate) are encoded alike, so the first is taken.
     */
    Map<String, String> codecOf(SmilTrack track) {
        String trackName = track.param("trackName");
        String bitrate = track.systemBitrate() != null ? track.systemBitrate() : track.param("systemBitrate");
        long wanted = bitrate == null ? -1 : SmilTrack.parseNumber(bitrate, "systemBitrate");
        for (Level level : levels) {
            if (level.type() == track.type() && level.bitrate() == wanted
                    && (trackName == null || trackName.equals(level.streamName()))) {
                Map<String, String> codec = new LinkedHashMap<>(level.codec());
                if (trackName == null && level.streamName() != null) {
                    codec.put("trackName", level.streamName());
                }
                return codec;
            }
        }
        return Map.of();
    }
}
