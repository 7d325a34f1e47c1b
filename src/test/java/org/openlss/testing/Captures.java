package org.openlss.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.IngestHeader;
import org.openlss.mp4.IngestParser;

/** What a real encoder (ffmpeg 5.1) sent, from the captures under src/test/resources/org/openlss/mp4/. */
public record Captures(IngestHeader header, List<IngestFragment> fragments, boolean endOfStream) {
    public static Captures of(String name) {
        try (InputStream in = Captures.class.getResourceAsStream("/org/openlss/mp4/" + name)) {
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Captures parse(byte[] body) {
        List<IngestFragment> fragments = new ArrayList<>();
        IngestHeader[] header = new IngestHeader[1];
        boolean[] eos = new boolean[1];
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
                eos[0] = true;
            }
        }).feed(ByteBuffer.wrap(body));
        return new Captures(header[0], List.copyOf(fragments), eos[0]);
    }
}
