package org.openlss.mp4;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

/**
 * Arbitrary bytes (and mutations of a real ffmpeg capture, the seed in
 * {@code IngestParserFuzzTestInputs/ingest/}) fed to the ingest parser in varying chunkings: the
 * only exception allowed to escape is {@link BoxFormatException}, and every fragment the parser
 * accepts must survive the serving rewrites. A plain {@code mvn test} replays the seeds; fuzz with
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=IngestParserFuzzTest -Djazzer.max_executions=100000}.
 */
class IngestParserFuzzTest {
    private static final List<Tfrf.Entry> LOOKAHEAD = List.of(new Tfrf.Entry(1, 2), new Tfrf.Entry(3, 4));

    @FuzzTest
    void ingest(byte[] body) {
        Checker checker = new Checker();
        IngestParser parser = new IngestParser(new BoxLimits(4096, 1 << 16, 1 << 16, 1 << 16, 1 << 20, 1 << 16), checker);
        checker.parser = parser;
        Random chunking = new Random(body.length * 31L + (body.length > 0 ? body[body.length - 1] : 0));
        try {
            int at = 0;
            while (at < body.length) {
                int n = Math.min(body.length - at, 1 + chunking.nextInt(chunking.nextBoolean() ? 8 : 4096));
                parser.feed(ByteBuffer.wrap(body, at, n));
                at += n;
            }
            parser.endOfBody();
        } catch (BoxFormatException expected) {
            if (expected.suggestedStatus() != 400 && expected.suggestedStatus() != 412 && expected.suggestedStatus() != 415) {
                throw new AssertionError("unexpected status " + expected.suggestedStatus(), expected);
            }
        }
    }

    /** Checks that accepted fragments can be served: rewritten, reduced to key frames and parsed again. */
    private static final class Checker implements IngestParser.Listener {
        private IngestParser parser;

        @Override
        public void onHeader(IngestHeader header) {
            header.headerBytes();
        }

        @Override
        public void onFragment(IngestFragment fragment) {
            TrackExtends trex = parser.header().movieHeader().track(fragment.trackId()).defaults();
            byte[] served = FragmentRewriter.fragment(fragment.moof(), fragment.mdat(), LOOKAHEAD);
            int moofSize = FragmentRewriter.moofSize(fragment.moof(), LOOKAHEAD);
            byte[] moof = java.util.Arrays.copyOf(served, moofSize);
            IngestFragment again = IngestFragment.parse(moof, fragment.mdat(), trex);
            if (again.time() != fragment.time() || again.sampleCount() != fragment.sampleCount()) {
                throw new AssertionError("rewrite changed the fragment");
            }
            KeyFrameFragment.build(fragment.moof(), fragment.mdat(), trex, LOOKAHEAD);
        }

        @Override
        public void onEndOfStream() {
            // nothing to check
        }
    }
}
