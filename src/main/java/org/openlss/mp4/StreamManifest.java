package org.openlss.mp4;

import java.util.ArrayList;
import java.util.List;

/**
 * The SMIL document of the optional StreamManifestBox (smooth-ingest.md §4.3): the streams of the
 * event, as {@code ref src} values such as {@code Streams(video_3000k)} or {@code Events(e)/Streams(id)}.
 */
public record StreamManifest(List<String> streams) {
    /** More streams than this in one event is not a real encoder setup. */
    public static final int MAX_STREAMS = 1024;

    public StreamManifest {
        streams = List.copyOf(streams);
    }

    public static StreamManifest parse(byte[] smil) {
        List<String> streams = new ArrayList<>();
        SmilXml.read(smil, "stream manifest", element -> {
            String src = "ref".equals(element.getLocalName()) ? SmilXml.attribute(element, "src") : null;
            if (src != null) {
                if (streams.size() == MAX_STREAMS) {
                    throw BoxFormatException.malformed("stream manifest lists more than " + MAX_STREAMS + " streams");
                }
                streams.add(src);
            }
        });
        return new StreamManifest(streams);
    }

    /** The UTF-8 SMIL: {@code body/par/ref src=…} per stream. */
    public byte[] toSmil() {
        return SmilXml.write(out -> {
            out.writeStartElement("body");
            out.writeStartElement("par");
            for (String stream : streams) {
                out.writeEmptyElement("ref");
                out.writeAttribute("src", stream);
            }
            out.writeEndElement();
            out.writeEndElement();
        });
    }
}
