package org.openlss.mp4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole ingest body held in memory, parsed at once: a recorded POST, a stored header, a file ffmpeg wrote with
 * {@code -f ismv}. Live ingest parses incrementally with {@link IngestParser} instead.
 */
public record IngestBody(IngestHeader header, List<IngestFragment> fragments, boolean endOfStream) {

    /** @throws BoxFormatException when the bytes are not a Smooth ingest stream */
    public static IngestBody parse(byte[] body) {
        List<IngestFragment> fragments = new ArrayList<>();
        IngestHeader[] header = new IngestHeader[1];
        boolean[] endOfStream = new boolean[1];
        new IngestParser(new IngestParser.Listener() {
            @Override
            public void onHeader(IngestHeader h) {
                header[0] = h;
            }

            @Override
            public void onFragment(IngestFragment fragment) {
                fragments.add(fragment);
            }

            @Override
            public void onEndOfStream() {
                endOfStream[0] = true;
            }
        }).feed(ByteBuffer.wrap(body));
        if (header[0] == null) {
            throw BoxFormatException.badHeaders("the body ends before its header boxes (ftyp, live server manifest, moov)");
        }
        return new IngestBody(header[0], List.copyOf(fragments), endOfStream[0]);
    }
}
