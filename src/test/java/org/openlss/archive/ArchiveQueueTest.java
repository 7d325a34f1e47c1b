package org.openlss.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.mp4.IngestBody;
import org.openlss.live.IncomingStream;
import org.openlss.live.Presentation;
import org.openlss.live.PresentationSettings;
import org.openlss.mp4.IngestFragment;
import org.openlss.testing.Captures;

/** The archive's work off the ingest thread: in order, one batch at a time, failures reported, never blocking. */
class ArchiveQueueTest {
    private static final IngestBody STREAM1 = Captures.of("ffmpeg-stream1.body");

    @TempDir
    Path dir;

    private final List<Runnable> executor = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();
    /** Run once, at the next success: ingest that goes on after a batch took its steps, before the batch ends. */
    private Runnable atNextSuccess;
    private Presentation presentation;
    private IncomingStream stream;

    @BeforeEach
    void setUp() {
        presentation = Presentation.open(dir.resolve("event"), new PresentationSettings(2, Duration.ZERO, 4));
        presentation.resume();
        stream = presentation.connect("stream1", "", STREAM1.header(), "h", "Push");
    }

    private ArchiveQueue queue(Path parent, long maxBytes) {
        return queue(parent, maxBytes, executor::add);
    }

    private ArchiveQueue queue(Path parent, long maxBytes, Executor executor) {
        EventRecorder recorder = new EventRecorder(parent, "channel1", Duration.ZERO, false,
                presentation.directory().resolve(Archives.STATE_FILE), Clock.systemUTC(), new FolderClaims());
        return new ArchiveQueue(executor, recorder, new ArchiveQueue.Outcome() {
            @Override
            public void failed(String message) {
                outcomes.add("failed: " + message);
            }

            @Override
            public void succeeded() {
                outcomes.add("ok");
                Runnable then = atNextSuccess;
                atNextSuccess = null;
                if (then != null) {
                    then.run();
                }
            }
        }, maxBytes);
    }

    private void submit(ArchiveQueue queue, IngestFragment fragment) {
        queue.submit(fragment.size(), r -> r.fragment(stream, stream.tracks().get(fragment.trackId()), fragment));
    }

    private void runExecutor() {
        while (!executor.isEmpty()) {
            executor.remove(0).run();
        }
    }

    @Test
    void whatQueuedUpRunsAsOneBatchInOrder() throws Exception {
        ArchiveQueue queue = queue(dir.resolve("archive"), 1 << 20);
        STREAM1.fragments().forEach(f -> submit(queue, f));
        assertEquals(1, executor.size(), "one task drains the whole batch");
        runExecutor();
        assertEquals(List.of("ok"), outcomes);
        Path file = queue.recorder().eventFolder().resolve("stream1.ismv");
        assertEquals(STREAM1.fragments().stream().map(IngestFragment::time).toList(),
                ArchiveFixture.scan(file).fragments().stream().map(f -> f.time()).toList());
    }

    @Test
    void whatIsQueuedWhileABatchRunsIsTheNextBatch() throws Exception {
        ArchiveQueue queue = queue(dir.resolve("archive"), 1 << 20);
        List<IngestFragment> fragments = STREAM1.fragments();
        submit(queue, fragments.get(0));
        atNextSuccess = () -> submit(queue, fragments.get(1));
        runExecutor();
        assertEquals(List.of("ok", "ok"), outcomes, "two batches, each synced and reported");
        assertEquals(List.of(fragments.get(0).time(), fragments.get(1).time()),
                ArchiveFixture.scan(queue.recorder().eventFolder().resolve("stream1.ismv")).fragments().stream()
                        .map(f -> f.time()).toList());
    }

    @Test
    void anExecutorThatRefusesOnceLeavesTheWorkForTheNextBatch() throws Exception {
        boolean[] refuse = {true};
        ArchiveQueue queue = queue(dir.resolve("archive"), 1 << 20, task -> {
            if (refuse[0]) {
                throw new RejectedExecutionException("the server is stopping");
            }
            executor.add(task);
        });
        submit(queue, STREAM1.fragments().get(0));
        assertEquals(List.of(), executor, "refused: logged, not thrown at the ingest thread");
        refuse[0] = false;
        submit(queue, STREAM1.fragments().get(1));
        runExecutor();
        assertEquals(List.of("ok"), outcomes);
        assertEquals(2, ArchiveFixture.scan(queue.recorder().eventFolder().resolve("stream1.ismv")).fragments().size());
    }

    @Test
    void anUnwritableArchivePathIsReportedClearlyAndRecoveryToo() throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "a file where the archive folder should be");
        ArchiveQueue queue = queue(blocker.resolve("live").resolve("channel1"), 1 << 20);
        submit(queue, STREAM1.fragments().get(0));
        runExecutor();
        assertEquals(1, outcomes.size());
        assertTrue(outcomes.get(0).startsWith("failed: cannot archive to " + blocker.resolve("live/channel1")),
                outcomes.get(0));
        assertTrue(outcomes.get(0).contains("Not a directory"), outcomes.get(0));

        Files.delete(blocker);
        submit(queue, STREAM1.fragments().get(1));
        runExecutor();
        assertEquals("ok", outcomes.get(1), "archiving works again once the path is writable");
    }

    @Test
    void aDiskThatCannotKeepUpLeavesFragmentsOutInsteadOfFillingTheHeap() {
        ArchiveQueue queue = queue(dir.resolve("archive"), 30_000);
        STREAM1.fragments().forEach(f -> submit(queue, f));
        assertTrue(outcomes.stream().anyMatch(o -> o.contains("does not keep up with ingest")), outcomes.toString());
        runExecutor();
        assertTrue(ArchiveFixture.scan(queue.recorder().eventFolder().resolve("stream1.ismv")).fragments().size()
                < STREAM1.fragments().size());
    }

    @Test
    void atShutdownTheQueuedWorkIsDoneAndTheFilesLeftToResume() throws Exception {
        ArchiveQueue queue = queue(dir.resolve("archive"), 1 << 20);
        STREAM1.fragments().forEach(f -> submit(queue, f));
        queue.shutdown();
        Path folder = queue.recorder().eventFolder();
        assertEquals(STREAM1.fragments().size(), ArchiveFixture.scan(folder.resolve("stream1.ismv")).fragments().size());
        assertEquals(List.of(folder.resolve("channel1.ism")), ArchiveRepair.findUnfinished(dir.resolve("archive")));
        runExecutor();
        assertEquals(List.of(folder.resolve("channel1.ism")), ArchiveRepair.findUnfinished(dir.resolve("archive")),
                "nothing runs after the shutdown");
    }
}
