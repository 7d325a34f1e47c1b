package org.openlss.viewers;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A Smooth Streaming viewer: refreshes the client manifest every fragment duration, takes one video quality level
 * (viewers spread over them by index) and the first audio one, and downloads each new video fragment with the audio
 * fragments up to its end.
 */
final class SmoothViewer extends Viewer {
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();
    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    }

    /** One StreamIndex as listed: its URL template, bitrates and fragment times and durations in its timescale. */
    record Stream(String type, String url, long timescale, List<Long> bitrates, List<Long> times, List<Long> durations) {
        URI fragment(URI manifest, int level, int i) {
            return manifest.resolve(url.replace("{bitrate}", String.valueOf(bitrates.get(level % bitrates.size())))
                    .replace("{start time}", String.valueOf(times.get(i))));
        }

        double end(int i) {
            return (times.get(i) + durations.get(i)) / (double) timescale;
        }
    }

    /** The video and audio streams of a manifest, and whether it is live. */
    record Manifest(boolean live, Stream video, Stream audio) {
    }

    private long nextVideoTime = -1;
    private double audioUntil = -1;

    SmoothViewer(Viewers.Session session, URI manifest, boolean seeker, int index) {
        super(session, manifest, seeker, index, "manifest", "fragment");
    }

    @Override
    CompletableFuture<URI> list() {
        return CompletableFuture.completedFuture(entry);
    }

    @Override
    List<Media> newMedia(String text, URI from, boolean first) {
        Manifest manifest = parse(text);
        listIsFinal = !manifest.live();
        Stream video = manifest.video();
        Stream audio = manifest.audio();
        int listed = video.times().size();
        if (listed == 0) {
            return List.of();
        }
        refreshSeconds = video.durations().get(listed - 1) / (double) video.timescale();
        if (first) {
            int start = firstToPlay(listed);
            nextVideoTime = video.times().get(start);
            audioUntil = video.times().get(start) / (double) video.timescale();
        }
        List<Media> fresh = new ArrayList<>();
        int a = 0;
        for (int i = 0; i < listed; i++) {
            if (video.times().get(i) < nextVideoTime) {
                continue;
            }
            List<URI> uris = new ArrayList<>(List.of(video.fragment(from, index, i)));
            double end = video.end(i);
            while (audio != null && a < audio.times().size() && audio.end(a) <= end + 1e-9) {
                if (audio.end(a) > audioUntil + 1e-9) {
                    uris.add(audio.fragment(from, 0, a));
                    audioUntil = audio.end(a);
                }
                a++;
            }
            fresh.add(new Media(uris, video.durations().get(i) / (double) video.timescale()));
            nextVideoTime = video.times().get(i) + 1;
        }
        return fresh;
    }

    /** Reads the first video and first audio StreamIndex of a client manifest (c elements with t, d and r). */
    static Manifest parse(String text) {
        try {
            XMLStreamReader r = XML.createXMLStreamReader(new StringReader(text));
            boolean live = false;
            Stream video = null;
            Stream audio = null;
            String type = null;
            String url = null;
            long timescale = 10_000_000L;
            List<Long> bitrates = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            List<Long> durations = new ArrayList<>();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "SmoothStreamingMedia" -> live = "TRUE".equalsIgnoreCase(r.getAttributeValue(null, "IsLive"));
                        case "StreamIndex" -> {
                            type = r.getAttributeValue(null, "Type");
                            url = r.getAttributeValue(null, "Url");
                            String scale = r.getAttributeValue(null, "TimeScale");
                            timescale = scale == null ? 10_000_000L : Long.parseLong(scale);
                            bitrates = new ArrayList<>();
                            times = new ArrayList<>();
                            durations = new ArrayList<>();
                        }
                        case "QualityLevel" -> bitrates.add(Long.parseLong(r.getAttributeValue(null, "Bitrate")));
                        case "c" -> {
                            String t = r.getAttributeValue(null, "t");
                            String rep = r.getAttributeValue(null, "r");
                            long d = Long.parseLong(r.getAttributeValue(null, "d"));
                            long time = t != null ? Long.parseLong(t)
                                    : times.isEmpty() ? 0 : times.get(times.size() - 1) + durations.get(durations.size() - 1);
                            for (int k = 0, n = rep == null ? 1 : Integer.parseInt(rep); k < n; k++) {
                                times.add(time + k * d);
                                durations.add(d);
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "StreamIndex".equals(r.getLocalName())) {
                    Stream stream = new Stream(type, url, timescale, List.copyOf(bitrates), List.copyOf(times),
                            List.copyOf(durations));
                    if ("video".equals(type) && video == null) {
                        video = stream;
                    } else if ("audio".equals(type) && audio == null) {
                        audio = stream;
                    }
                }
            }
            if (video == null) {
                throw new IllegalArgumentException("a manifest without a video stream");
            }
            return new Manifest(live, video, audio);
        } catch (XMLStreamException | RuntimeException e) {
            throw new IllegalArgumentException("not a Smooth client manifest: " + e.getMessage(), e);
        }
    }
}
