package org.openlss.encoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of the push encoder, IIS style ({@code /loop}, {@code /rate:0.999}) or GNU style ({@code --loop},
 * {@code --rate=0.999}), option names in any case. Options and operands may be mixed; the operands are the publishing
 * point URL and one or two files.
 *
 * @param realtime      {@code /realtime}: the output timeline starts at the local clock instead of 0
 * @param realtimeStart {@code /realtime:start}: the output timeline starts at this time (100 ns units); -1 when not given
 * @param skipFirst     first fragment index of {@code /skip:start,end} (counted from 0 per track); -1 without /skip
 * @param media         the {@code .ism}, the {@code .ismv}/{@code .isma}, or both (file, then server manifest)
 * @param captions      {@code /captions:<file>}: a WebVTT ({@code .vtt}) or TTML sidecar pushed as a caption track; null
 * @param captionsLanguage       {@code /captionsLanguage:<tag>}: the captions' BCP 47 language; null when not given
 * @param captionsManifestOutput {@code /captionsManifestOutput}: ask the server to copy the captions into the manifest
 */
public record EncoderOptions(boolean help, boolean create, boolean loop, boolean liveArchive, boolean realtime,
                             long realtimeStart, String id, boolean noEndOfStream, boolean noSparseEndOfStream,
                             boolean noHeader, boolean noReconnect, Path streamManifest, List<String> headers,
                             double rate, long skipFirst, long skipLast, String pointUrl, List<Path> media,
                             Path captions, String captionsLanguage, boolean captionsManifestOutput) {

    /** A command line that cannot be run; the message says why in one line. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    public static final String USAGE = """
            usage: java -jar pushencoder.jar [options] <publishing point URL> <presentation .ism>
                   java -jar pushencoder.jar [options] <publishing point URL> <.ismv|.isma file> <presentation .ism>
                   java -jar pushencoder.jar [options] <publishing point URL> <.ismv file with all its tracks (ffmpeg -f ismv)>

            Replays an on-demand Smooth presentation as a live encoder: one chunked POST per media file to
            <URL>/Streams(<id>-stream<N>), paced in real time. The URL may carry credentials: http://user:pass@host/pp.isml

            options (also written --name or --name=value):
              /create                 create the publishing point (management API, credentials of the URL) and start it
              /loop                   start again at the end, timestamps still increasing, until stopped (Ctrl-C)
              /liveArchive            the source is an archived live presentation: keep its timestamps
              /realtime[:start]       start the timeline at the local clock (100 ns units since 1970) or at <start>
              /id:<id>                stream identifier prefix instead of the process ID
              /noEOS                  end without the end-of-stream box (an encoder failing)
              /noSparseEOS            no end-of-stream box on streams of sparse tracks only
              /noHeader               leave ftyp and moov out of the output
              /noReconnect            stop instead of reconnecting when a connection drops
              /streammanifest:<file>  send this SMIL file as the stream manifest box
              /headers:<h1,h2>        extra request headers, e.g. /headers:X-Test: 1,X-Other: 2
              /rate:<r>               clock rate against the local clock (0.999 = 0.1 % slow)
              /skip:<start>,<end>     leave out fragments start..end (inclusive, counted from 0 in each track)
              /captions:<file>        add a caption track from a WebVTT (.vtt) or TTML (.ttml, .dfxp, .xml) sidecar:
                                      a sparse text stream (TTML, Subtype CAPT) attached to the video, on its own POST
              /captionsLanguage:<l>   the captions' language (BCP 47, e.g. en)
              /captionsManifestOutput ask the server to copy the caption samples into the client manifest
              -h, /?                  this help
            """;

    /** Parses {@code args}; {@link #help()} is set when help was asked for (the operands are then not checked). */
    public static EncoderOptions parse(String... args) throws UsageException {
        Builder b = new Builder();
        List<String> operands = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("/?") || arg.equalsIgnoreCase("/help")) {
                b.help = true;
            } else if (arg.startsWith("--") || (arg.startsWith("/") && isOptionName(arg.substring(1)))) {
                b.option(arg.startsWith("--") ? arg.substring(2) : arg.substring(1), arg);
            } else {
                operands.add(arg);
            }
        }
        if (b.help) {
            return b.build(null, List.of());
        }
        if (operands.size() < 2 || operands.size() > 3) {
            throw new UsageException("expected a publishing point URL and one or two media files, got "
                    + operands.size() + " operand(s); -h shows the usage");
        }
        String url = operands.get(0);
        if (!url.regionMatches(true, 0, "http://", 0, 7) && !url.regionMatches(true, 0, "https://", 0, 8)) {
            throw new UsageException("the publishing point URL must start with http:// or https://: " + url);
        }
        List<Path> media = operands.subList(1, operands.size()).stream().map(Path::of).toList();
        return b.build(url, media);
    }

    /** Whether {@code text} (after the slash) names an option: an absolute file path must stay an operand. */
    private static boolean isOptionName(String text) {
        String name = text.split("[:=]", 2)[0].toLowerCase(Locale.ROOT);
        return List.of("create", "loop", "livearchive", "realtime", "id", "noeos", "nosparseeos", "noheader",
                "noreconnect", "streammanifest", "headers", "rate", "skip", "captions", "captionslanguage",
                "captionsmanifestoutput").contains(name);
    }

    /** Whether the end-of-stream box ends a stream; {@code sparseOnly}: the stream carries sparse tracks only. */
    public boolean sendsEndOfStream(boolean sparseOnly) {
        return !noEndOfStream && !(sparseOnly && noSparseEndOfStream);
    }

    /** Whether the 0-based {@code index}-th fragment of a track is left out. */
    public boolean skips(long index) {
        return skipFirst >= 0 && index >= skipFirst && index <= skipLast;
    }

    private static final class Builder {
        private boolean help;
        private boolean create;
        private boolean loop;
        private boolean liveArchive;
        private boolean realtime;
        private long realtimeStart = -1;
        private String id;
        private boolean noEos;
        private boolean noSparseEos;
        private boolean noHeader;
        private boolean noReconnect;
        private Path streamManifest;
        private final List<String> headers = new ArrayList<>();
        private double rate = 1.0;
        private long skipFirst = -1;
        private long skipLast = -1;
        private Path captions;
        private String captionsLanguage;
        private boolean captionsManifestOutput;

        void option(String text, String asTyped) throws UsageException {
            String[] parts = text.split("[:=]", 2);
            String name = parts[0].toLowerCase(Locale.ROOT);
            String value = parts.length > 1 ? parts[1] : null;
            switch (name) {
                case "create" -> create = flag(name, value);
                case "loop" -> loop = flag(name, value);
                case "livearchive" -> liveArchive = flag(name, value);
                case "noeos" -> noEos = flag(name, value);
                case "nosparseeos" -> noSparseEos = flag(name, value);
                case "noheader" -> noHeader = flag(name, value);
                case "noreconnect" -> noReconnect = flag(name, value);
                case "realtime" -> {
                    realtime = true;
                    realtimeStart = value == null ? -1 : number(name, value);
                }
                case "id" -> id = required(name, value);
                case "streammanifest" -> streamManifest = Path.of(required(name, value));
                case "headers" -> headers(required(name, value));
                case "rate" -> rate = rate(required(name, value));
                case "skip" -> skip(required(name, value));
                case "captions" -> captions = Path.of(required(name, value));
                case "captionslanguage" -> captionsLanguage = required(name, value).strip();
                case "captionsmanifestoutput" -> captionsManifestOutput = flag(name, value);
                default -> throw new UsageException("unknown option " + asTyped + "; -h shows the options");
            }
        }

        private static boolean flag(String name, String value) throws UsageException {
            if (value != null) {
                throw new UsageException("/" + name + " takes no value");
            }
            return true;
        }

        private static String required(String name, String value) throws UsageException {
            if (value == null || value.isBlank()) {
                throw new UsageException("/" + name + " needs a value, e.g. /" + name + ":...");
            }
            return value;
        }

        private static long number(String name, String value) throws UsageException {
            try {
                long n = Long.parseLong(value.strip());
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new UsageException("/" + name + ": '" + value + "' is not a whole number of 0 or more");
            }
        }

        private void headers(String list) throws UsageException {
            for (String header : list.split(",")) {
                int colon = header.indexOf(':');
                if (colon <= 0 || header.substring(0, colon).isBlank()) {
                    throw new UsageException("/headers: '" + header + "' is not 'Name: value'");
                }
                headers.add(header.substring(0, colon).strip() + ": " + header.substring(colon + 1).strip());
            }
        }

        private static double rate(String value) throws UsageException {
            try {
                double r = Double.parseDouble(value.strip());
                if (!(r > 0) || Double.isInfinite(r)) {
                    throw new NumberFormatException();
                }
                return r;
            } catch (NumberFormatException e) {
                throw new UsageException("/rate: '" + value + "' is not a positive number such as 0.999 or 1.001");
            }
        }

        private void skip(String value) throws UsageException {
            String[] range = value.split(",");
            if (range.length != 2) {
                throw new UsageException("/skip needs start,end, e.g. /skip:3,5");
            }
            skipFirst = number("skip", range[0]);
            skipLast = number("skip", range[1]);
            if (skipLast < skipFirst) {
                throw new UsageException("/skip:" + value + ": end comes before start");
            }
        }

        EncoderOptions build(String url, List<Path> media) {
            return new EncoderOptions(help, create, loop, liveArchive, realtime, realtimeStart, id, noEos, noSparseEos,
                    noHeader, noReconnect, streamManifest, List.copyOf(headers), rate, skipFirst, skipLast, url,
                    List.copyOf(media), captions, captionsLanguage, captionsManifestOutput);
        }
    }
}
