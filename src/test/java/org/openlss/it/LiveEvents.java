package org.openlss.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.xml.parsers.DocumentBuilderFactory;
import org.openlss.testing.TestTools;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What system tests do with publishing points: create, change state, read manifests and statistics, wait. */
public final class LiveEvents {
    private final Http admin;

    public LiveEvents(Http admin) {
        this.admin = admin;
    }

    public Http admin() {
        return admin;
    }

    /** Creates {@code path} (e.g. {@code e2e/single.isml}) with JSON settings. */
    public void create(String path, String settingsJson) {
        HttpResponse<String> r = admin.send("POST", ManagementApiIT.COLLECTION + "/settings", ManagementApiIT.JSON,
                settingsJson, "Slug", "/" + path);
        assertEquals(201, r.statusCode(), r.body());
    }

    public void state(String path, String value) {
        HttpResponse<String> r = admin.send("PUT", path + "/state", ManagementApiIT.JSON,
                "{\"state\":{\"value\":\"" + value + "\"}}");
        assertEquals(200, r.statusCode(), r.body());
    }

    public String state(String path) {
        return json(admin.get(path + "/state", ManagementApiIT.JSON).body()).getJsonObject("state").getString("value");
    }

    public JsonObject statistics(String path) {
        HttpResponse<String> r = admin.get(path + "/statistics", ManagementApiIT.JSON);
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body()).getJsonObject("statistics");
    }

    public String url(String path) {
        return admin.base().resolve("/" + path).toString();
    }

    /** The point's URL with the encoder account as user info, as an encoder is given it. */
    public String publishUrl(String path) {
        return url(path).replaceFirst("://", "://" + Deployments.ENCODER + ":" + Deployments.ENCODER_PASSWORD + "@");
    }

    /** {@code fmp4-post.py} signed in as the encoder account, with these arguments. */
    public static List<String> fmp4Post(String... args) {
        List<String> command = new ArrayList<>(List.of("python3", TestTools.encoder("fmp4-post.py"), "--header",
                "Authorization: " + Deployments.encoderAuthorization()));
        command.addAll(List.of(args));
        return command;
    }

    /** The client manifest, or null while there is none (404). */
    public Document manifest(String path) {
        HttpResponse<byte[]> r = admin.anonymous().getBytes(path + "/Manifest");
        if (r.statusCode() == 404) {
            return null;
        }
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        } catch (Exception e) {
            throw new AssertionError("unparsable manifest", e);
        }
    }

    /** Fragment start times per StreamIndex name, expanding {@code t}, {@code d} and {@code r}. */
    public static Map<String, List<Long>> times(Document manifest) {
        Map<String, List<Long>> all = new LinkedHashMap<>();
        NodeList indexes = manifest.getElementsByTagName("StreamIndex");
        for (int i = 0; i < indexes.getLength(); i++) {
            Element index = (Element) indexes.item(i);
            List<Long> times = new ArrayList<>();
            NodeList cs = index.getElementsByTagName("c");
            long next = 0;
            for (int j = 0; j < cs.getLength(); j++) {
                Element c = (Element) cs.item(j);
                long t = c.hasAttribute("t") ? Long.parseLong(c.getAttribute("t")) : next;
                long d = Long.parseLong(c.getAttribute("d"));
                int r = c.hasAttribute("r") ? Integer.parseInt(c.getAttribute("r")) : 1;
                for (int k = 0; k < r; k++) {
                    times.add(t);
                    t += d;
                }
                next = t;
            }
            all.put(index.getAttribute("Name"), times);
        }
        return all;
    }

    /** Bitrates of the quality levels of stream {@code name}, in Index order. */
    public static List<Long> bitrates(Document manifest, String name) {
        List<Long> bitrates = new ArrayList<>();
        NodeList indexes = manifest.getElementsByTagName("StreamIndex");
        for (int i = 0; i < indexes.getLength(); i++) {
            Element index = (Element) indexes.item(i);
            if (index.getAttribute("Name").equals(name)) {
                NodeList levels = index.getElementsByTagName("QualityLevel");
                for (int j = 0; j < levels.getLength(); j++) {
                    bitrates.add(Long.parseLong(((Element) levels.item(j)).getAttribute("Bitrate")));
                }
            }
        }
        return bitrates;
    }

    /** Number of listed fragments of the first (video) stream, 0 without a manifest. */
    public int videoChunks(String path) {
        Document m = manifest(path);
        return m == null ? 0 : times(m).values().iterator().next().size();
    }

    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            ServerProcess.sleep(250);
        }
    }

    public static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
