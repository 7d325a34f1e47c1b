package org.openlss.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openlss.testing.TestTools;

/**
 * The real players of {@code src/test/players/play-check.js}: dash.js (Smooth) and hls.js in headless Chromium. Their
 * pinned npm packages are installed there by {@code npm ci} ({@code .ci/run} does it; otherwise the first play does).
 */
public final class Players {
    private static final Path BUILD = Path.of(System.getProperty("openlss.build.dir", "target")).toAbsolutePath();

    /** What the player reported: {@code ok} only if the media really advanced without a fatal error. */
    public record Result(boolean ok, double advanced, boolean live, List<Long> levelsPlayed, JsonObject json) {
        @Override
        public String toString() {
            return json.toString();
        }
    }

    private Players() {
    }

    /** Plays {@code url} ({@code smooth} or {@code hls}) until {@code seconds} of media played, or gives up. */
    public static Result play(String mode, String url, int seconds, String... options) {
        Path players = install();
        List<String> command = new ArrayList<>(List.of("node", players.resolve("play-check.js").toString(),
                "--seconds", String.valueOf(seconds)));
        command.addAll(List.of(options));
        command.add(mode);
        command.add(url);
        String out;
        try {
            Path err = Files.createTempFile(BUILD, "play", ".err");
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            p.waitFor();
            if (out.isEmpty()) {
                throw new IllegalStateException("play-check printed nothing: " + Files.readString(err));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try (JsonReader reader = Json.createReader(new StringReader(out.substring(out.lastIndexOf('\n') + 1)))) {
            JsonObject json = reader.readObject();
            List<Long> levels = json.containsKey("levelsPlayed") ? json.getJsonArray("levelsPlayed")
                    .getValuesAs(jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::longValue).toList()
                    : List.of();
            return new Result(json.getBoolean("ok", false), json.getJsonNumber("advanced") == null ? 0
                    : json.getJsonNumber("advanced").doubleValue(), json.getBoolean("live", false), levels, json);
        }
    }

    private static synchronized Path install() {
        Path players = TestTools.PLAYERS;
        if (!Files.exists(players.resolve("node_modules/.package-lock.json"))) {
            TestTools.run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix", players.toString()), new byte[0]);
        }
        return players;
    }
}
