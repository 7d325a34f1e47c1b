package org.openlss.mp4;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The Smooth live ingest grammar on top of {@link BoxReader} (smooth-ingest.md §3):
 * {@code ftyp [StreamManifestBox] LiveServerManifestBox moov *(moof mdat) [mfra]}, with unknown
 * boxes (free, skip, other uuid, …) skipped anywhere. Missing or misplaced header boxes are 412,
 * other order violations 400. A moof with several trafs is delivered as one fragment per traf.
 * Not thread-safe: one parser per POST body.
 *
 * <p>An exception about one fragment's content (e.g. a tfxd time of 2^63 or more, or a trun pointing
 * outside its mdat) is thrown after that fragment's boxes were consumed: a caller that prefers to
 * drop such a fragment and go on may log the exception and call {@link #feed} again with the same
 * buffer. After any other exception the parser is unusable.
 */
public final class IngestParser {
    /** Receives what the stream carries, in stream order. */
    public interface Listener {
        void onHeader(IngestHeader header);

        void onFragment(IngestFragment fragment);

        void onEndOfStream();
    }

    private enum Expect { FTYP, MANIFEST, MOOV, MOOF, MDAT, NOTHING }

    private final Listener listener;
    private final BoxReader reader;
    private Expect expect = Expect.FTYP;
    private Box ftyp;
    private Box streamManifest;
    private Box liveServerManifest;
    private IngestHeader header;
    private byte[] pendingMoof;

    public IngestParser(Listener listener) {
        this(BoxLimits.DEFAULTS, listener);
    }

    public IngestParser(BoxLimits limits, Listener listener) {
        this.listener = listener;
        this.reader = new BoxReader(limits, new BoxReader.Listener() {
            @Override
            public void onBox(Box box) {
                IngestParser.this.onBox(box);
            }

            @Override
            public void onBoxStart(int type, long size) {
                // padding may come first; anything else before ftyp is not a Smooth stream
                if (expect == Expect.FTYP && type != BoxTypes.FTYP && type != BoxTypes.FREE && type != BoxTypes.SKIP) {
                    throw BoxFormatException.badHeaders("the stream must begin with ftyp, not "
                            + FourCC.toString(type) + " (header boxes: ftyp, live server manifest, moov)");
                }
            }
        });
    }

    /** Consumes the next bytes of the POST body, in any chunking. */
    public void feed(ByteBuffer data) {
        reader.feed(data);
    }

    /**
     * Call when the POST body ended. Throws (400) if it ended inside a box or between a moof and its
     * mdat; returns whether the encoder signalled end of stream. A body that stops between fragments
     * without EOS is a dropped connection, not an error.
     */
    public boolean endOfBody() {
        if (!reader.atBoxBoundary()) {
            throw BoxFormatException.malformed("body ended inside a box at offset " + reader.streamOffset());
        }
        if (expect == Expect.MDAT) {
            throw BoxFormatException.malformed("body ended after a moof without its mdat");
        }
        return expect == Expect.NOTHING;
    }

    /** The header once the moov arrived, else null. */
    public IngestHeader header() {
        return header;
    }

    /** Whether the end-of-stream mfra arrived. */
    public boolean ended() {
        return expect == Expect.NOTHING;
    }

    private void onBox(Box box) {
        if (expect == Expect.NOTHING) {
            throw BoxFormatException.malformed("data after the end-of-stream box: " + box);
        }
        int type = box.type();
        if (type == BoxTypes.FTYP) {
            require(Expect.FTYP, box);
            ftyp = box;
            expect = Expect.MANIFEST;
        } else if (box.is(SmoothUuid.STREAM_MANIFEST)) {
            if (expect != Expect.MANIFEST || streamManifest != null) {
                throw BoxFormatException.badHeaders("StreamManifestBox must follow ftyp, once");
            }
            streamManifest = box;
        } else if (box.is(SmoothUuid.LIVE_SERVER_MANIFEST)) {
            require(Expect.MANIFEST, box);
            liveServerManifest = box;
            expect = Expect.MOOV;
        } else if (type == BoxTypes.MOOV) {
            require(Expect.MOOV, box);
            header = new IngestHeader(ftyp, streamManifest, liveServerManifest, box);
            expect = Expect.MOOF;
            listener.onHeader(header);
        } else if (type == BoxTypes.MOOF) {
            require(Expect.MOOF, box);
            pendingMoof = box.bytes();
            expect = Expect.MDAT;
        } else if (type == BoxTypes.MDAT) {
            require(Expect.MDAT, box);
            byte[] moof = pendingMoof;
            pendingMoof = null;
            expect = Expect.MOOF;
            deliverFragments(moof, box);
        } else if (type == BoxTypes.MFRA) {
            require(Expect.MOOF, box);
            expect = Expect.NOTHING;
            listener.onEndOfStream();
        }
        // anything else (vendor uuid boxes) is skipped
    }

    private void require(Expect wanted, Box box) {
        if (expect == wanted) {
            return;
        }
        String found = FourCC.toString(box.type()) + (box.is(SmoothUuid.LIVE_SERVER_MANIFEST) ? " (LiveServerManifestBox)" : "");
        if (expect.compareTo(Expect.MOOF) < 0) {
            String missing = switch (expect) {
                case FTYP -> "ftyp";
                case MANIFEST -> "LiveServerManifestBox";
                default -> "moov";
            };
            throw BoxFormatException.badHeaders("header box " + missing + " missing or out of order: found " + found);
        }
        throw BoxFormatException.malformed(found + " out of order: expected " + expect.name().toLowerCase(Locale.ROOT));
    }

    private void deliverFragments(byte[] moof, Box mdat) {
        MovieFragment fragment = MovieFragment.parse(moof);
        for (TrackFragment traf : fragment.trackFragments()) {
            if (header.track(traf.trackId()) == null) {
                throw BoxFormatException.badHeaders("fragment for track " + traf.trackId() + ", which the headers do not declare");
            }
        }
        if (fragment.trackFragments().size() == 1) {
            listener.onFragment(IngestFragment.of(moof, mdat, fragment.trackFragments().get(0), defaults(fragment.trackFragments().get(0).trackId())));
        } else {
            FragmentSplitter.split(moof, fragment, mdat, this::defaults).forEach(listener::onFragment);
        }
    }

    private TrackExtends defaults(int trackId) {
        return header.movieHeader().track(trackId).defaults();
    }
}
