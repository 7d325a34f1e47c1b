package org.openlss.mp4;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.stream.XMLStreamReader;

/**
 * The server manifest of an on-demand presentation ({@code .ism}, archive-and-syndication.md §1.4): a SMIL
 * {@code switch} with one element per track naming its media file ({@code src}) and the {@code trackID} inside it, and
 * a {@code clientManifestRelativePath} meta pointing at the {@code .ismc}. We write every param a live server manifest
 * carries (codec data included), so the tracks can be described again from this file and the media file's moov alone.
 */
public final class OnDemandServerManifest {
    /** The meta naming the client manifest. */
    public static final String CLIENT_MANIFEST_META = "clientManifestRelativePath";

    /** One track: the media file that holds it and what it is. */
    public record Track(String src, TrackDescription description) {
    }

    private final String clientManifest;
    private final List<String> sources;
    private final List<SmilTrack> tracks;

    private OnDemandServerManifest(String clientManifest, List<String> sources, List<SmilTrack> tracks) {
        this.clientManifest = clientManifest;
        this.sources = List.copyOf(sources);
        this.tracks = List.copyOf(tracks);
    }

    /** A UTF-8 {@code .ism} listing {@code tracks} in order; {@code clientManifest} is the {@code .ismc} file name. */
    public static byte[] write(String clientManifest, List<Track> tracks) {
        return SmilXml.write(out -> {
            out.writeStartElement("head");
            out.writeEmptyElement("meta");
            out.writeAttribute("name", CLIENT_MANIFEST_META);
            out.writeAttribute("content", clientManifest);
            out.writeEndElement();
            out.writeStartElement("body");
            out.writeStartElement("switch");
            for (Track track : tracks) {
                LiveServerManifest.writeTrack(out, track.description(), track.src());
            }
            out.writeEndElement();
            out.writeEndElement();
        });
    }

    /** Parses a {@code .ism}; every track must name its file. */
    public static OnDemandServerManifest parse(byte[] smil) {
        List<String> sources = new ArrayList<>();
        String[] clientManifest = new String[1];
        List<SmilTrack> tracks = SmilTrack.parseAll(smil, "server manifest", new SmilTrack.ManifestVisitor() {
            @Override
            public void track(XMLStreamReader element) {
                String src = SmilXml.attribute(element, "src");
                if (src == null || src.isBlank()) {
                    throw BoxFormatException.malformed("server manifest track without a src file");
                }
                sources.add(src);
            }

            @Override
            public void other(XMLStreamReader element, boolean beforeTracks) {
                if ("meta".equals(element.getLocalName())
                        && CLIENT_MANIFEST_META.equals(SmilXml.attribute(element, "name"))) {
                    clientManifest[0] = SmilXml.attribute(element, "content");
                }
            }
        });
        return new OnDemandServerManifest(clientManifest[0], sources, tracks);
    }

    /** The {@code .ismc} named by the manifest, or null. */
    public String clientManifest() {
        return clientManifest;
    }

    /** The media files, each once, in the order the manifest first names them. */
    public List<String> sources() {
        return sources.stream().distinct().toList();
    }

    /**
     * Every track in manifest order, described from its params and its file's moov ({@code moovOf} gives it per src);
     * the tracks of a file without a moov ({@code moovOf} gives null: missing, or cut short before any fragment) are
     * left out. The errors are those of {@link TrackDescriptions#describe}.
     */
    public List<Track> describe(Function<String, MovieHeader> moovOf) {
        return describe(moovOf, ClientManifestCodecs.NONE);
    }

    /**
     * As {@link #describe(Function)}, a track without a FourCC param taking its codec fields from its quality level in
     * the client manifest ({@code codecs}): how IIS-era presentations (VC-1, WMA) describe their tracks.
     */
    public List<Track> describe(Function<String, MovieHeader> moovOf, ClientManifestCodecs codecs) {
        Map<String, List<SmilTrack>> byFile = new LinkedHashMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            SmilTrack track = tracks.get(i);
            byFile.computeIfAbsent(sources.get(i), s -> new ArrayList<>())
                    .add(track.param("FourCC") == null ? track.withDefaults(codecs.codecOf(track)) : track);
        }
        Map<String, List<TrackDescription>> described = new LinkedHashMap<>();
        byFile.forEach((src, smil) -> {
            MovieHeader moov = moovOf.apply(src);
            if (moov != null) {
                described.put(src, TrackDescriptions.describe(LiveServerManifest.of(smil), moov));
            }
        });
        Map<String, Integer> next = new LinkedHashMap<>();
        List<Track> result = new ArrayList<>(tracks.size());
        for (String src : sources) {
            int at = next.merge(src, 1, Integer::sum) - 1;
            if (described.containsKey(src)) {
                result.add(new Track(src, described.get(src).get(at)));
            }
        }
        return result;
    }
}
