package org.openlss.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The management API against the deployed WAR in Payara Micro, over HTTP, the way an IIS script or a JSON client
 * uses it. Runs on the embedded H2 database and, in a second run, on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class ManagementApiIT {
    static final String ATOM = "application/atom+xml";
    static final String JSON = "application/json";
    static final String COLLECTION = "services/smoothstreaming/publishingpoints.isml";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL url;

    Http admin;
    String path;

    @BeforeEach
    void client() throws Exception {
        admin = new Http(url.toURI().resolve("/"), Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
        path = "it/" + UUID.randomUUID().toString().substring(0, 8) + "/channel1.isml";
    }

    @Test
    void pointNamesIgnoreLetterCaseAndArchiveFoldersStayUnderTheRoots() {
        String mixed = path.replace("channel1.isml", "Channel1.isml");
        assertEquals(201, admin.send("POST", COLLECTION + "/settings", JSON, "{\"title\":\"cased\"}", "Slug",
                "/" + mixed).statusCode());
        HttpResponse<String> variant = admin.send("POST", COLLECTION + "/settings", JSON, "{}", "Slug",
                "/" + mixed.toUpperCase(java.util.Locale.ROOT).replace(".ISML", ".isml"));
        assertEquals(400, variant.statusCode(), "a name that differs only by case is taken: " + variant.body());
        assertTrue(variant.body().contains("exists already"), variant.body());
        HttpResponse<String> read = admin.get(mixed.toLowerCase(java.util.Locale.ROOT) + "/settings", JSON);
        assertEquals(200, read.statusCode(), "any spelling reaches the point: " + read.body());
        assertTrue(read.body().contains("\"title\":\"cased\"") && read.body().contains("\"path\":\"" + mixed + "\""),
                "and it keeps its own: " + read.body());
        HttpResponse<String> manifest = admin.anonymous().get(mixed.toUpperCase(java.util.Locale.ROOT) + "/Manifest",
                "*/*");
        assertEquals(404, manifest.statusCode());
        assertTrue(manifest.body().contains(" is Idle (Shutdown)") && !manifest.body().contains("no publishing point"),
                "a player's request reaches the point too (shut down: no manifest yet): " + manifest.body());

        HttpResponse<String> etc = admin.send("POST", COLLECTION + "/settings", JSON,
                "{\"archive\":{\"enabled\":true,\"path\":\"/etc\"}}", "Slug", "/" + path.replace("channel1", "etc"));
        assertEquals(400, etc.statusCode(), etc.body());
        assertTrue(etc.body().contains("archive roots") || etc.body().contains("system folder"), etc.body());
        assertTrue(etc.body().contains("an archive folder must be under"), "names the roots: " + etc.body());
        assertEquals(400, admin.send("PUT", mixed + "/settings", JSON,
                "{\"archive\":{\"enabled\":true,\"path\":\"/tmp/../var/lib/x\"}}").statusCode());
    }

    @Test
    void createReadUpdateLifecycleDeleteInBothRepresentations() {
        HttpResponse<String> created = admin.send("POST", COLLECTION + "/settings", ATOM,
                Documents.iisCreateEntry("Channel 1"), "Slug", "/" + path);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(admin.base().resolve("/" + path + "/settings").toString(),
                created.headers().firstValue("Location").orElseThrow());
        assertTrue(created.body().contains("<SegmentLength>PT30M</SegmentLength>"), created.body());

        HttpResponse<String> atom = admin.get(path + "/settings", ATOM);
        assertEquals(200, atom.statusCode());
        assertEquals(ATOM, atom.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertTrue(atom.body().contains("<id>" + admin.base().resolve("/" + path + "/settings") + "</id>"));
        assertTrue(atom.body().contains("<Title>Channel 1</Title>"));
        assertTrue(atom.body().contains("<WindowLength>PT1H</WindowLength>"));
        HttpResponse<String> json = admin.get(path + "/settings", JSON);
        assertEquals(200, json.statusCode());
        assertTrue(json.body().contains("\"windowLength\":\"PT1H\""), json.body());
        assertTrue(json.body().contains("\"path\":\"" + path + "\""), json.body());

        HttpResponse<String> updated = admin.send("PUT", path + "/settings", JSON,
                "{\"title\":\"Renamed\",\"lookAheadChunks\":3,\"clientConnections\":{\"enabled\":true,"
                        + "\"windowLength\":\"PT20M\"}}");
        assertEquals(200, updated.statusCode(), updated.body());
        String afterUpdate = admin.get(path + "/settings", ATOM).body();
        assertTrue(afterUpdate.contains("<Title>Renamed</Title>"));
        assertTrue(afterUpdate.contains("<LookAheadChunks>3</LookAheadChunks>"));
        assertTrue(afterUpdate.contains("<WindowLength>PT20M</WindowLength>"));
        assertTrue(afterUpdate.contains("<Archive enabled=\"false\">"), "left-out elements take the defaults");

        assertState("Idle", "Idle");
        assertEquals(400, admin.get(path + "/statistics", ATOM).statusCode(), "no statistics while Idle");
        assertEquals(200, putState("Started").statusCode());
        assertState("Starting", "Starting");
        HttpResponse<String> stats = admin.get(path + "/statistics", ATOM);
        assertEquals(200, stats.statusCode());
        assertTrue(stats.body().contains("<Statistics><InputStreams/><OutputStreams/>")
                || stats.body().contains("<Statistics><InputStreams></InputStreams>"), stats.body());

        HttpResponse<String> inUse = admin.send("PUT", path + "/settings", JSON, "{\"title\":\"x\"}");
        assertError(inUse, 400, "0x80880029");
        assertEquals(200, putState("Stopped").statusCode());
        assertState("Stopped", "Stopped");
        assertError(putState("Started"), 400, "0x80880028");
        assertError(putState("Starting"), 400, "0x80880027");
        assertEquals(200, admin.send("PUT", path + "/state", JSON, "{\"state\":{\"value\":\"Idle\"}}").statusCode());
        assertState("Idle", "Idle");

        assertTrue(admin.get(COLLECTION, ATOM).body().contains("/" + path + "/settings"));
        assertTrue(admin.get(COLLECTION + "/settings", JSON).body().contains("\"title\":\"Renamed\""));

        assertEquals(200, admin.send("DELETE", path + "/settings", null, null).statusCode());
        assertError(admin.get(path + "/settings", ATOM), 404, "0x8088002E");
        assertFalse(admin.get(COLLECTION, ATOM).body().contains("/" + path + "/"));
    }

    @Test
    void deletingARunningPointShutsItDownFirst() {
        create(path);
        assertEquals(200, putState("Started").statusCode());
        assertEquals(200, admin.send("DELETE", path + "/settings", null, null).statusCode());
        assertError(admin.get(path + "/state", ATOM), 404, "0x8088002E");
    }

    @Test
    void everyManagementRequestNeedsTheAdministrator() {
        create(path);
        Http anonymous = admin.anonymous();
        Http wrong = new Http(admin.base(), Deployments.ADMIN, "wrong");
        for (Http client : new Http[] {anonymous, wrong}) {
            for (String resource : new String[] {COLLECTION, path + "/settings", path + "/state",
                    "services/smoothstreaming/credentials"}) {
                HttpResponse<String> r = client.get(resource, ATOM);
                assertEquals(401, r.statusCode(), resource);
                assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
                assertTrue(r.body().contains("0x80880022"), r.body());
            }
            assertEquals(401, client.send("PUT", path + "/state", ATOM, Documents.stateEntry("Started"))
                    .statusCode());
        }
        assertState("Idle", "Idle");
        HttpResponse<String> json401 = anonymous.get(COLLECTION, JSON);
        assertTrue(json401.body().contains("\"code\":\"MPE_MGMT_AUTHENTICATION_IS_REQUIRED\""), json401.body());
    }

    /** The default limits: OPENLSS_SIGNIN_USER_FAILURES failures are free, then OPENLSS_SIGNIN_DELAY seconds. */
    @Test
    void repeatedWrongPasswordsAreThrottledTheRightOneTooUntilTheWaitIsOver() throws InterruptedException {
        assertEquals(200, admin.get(COLLECTION, ATOM).statusCode(), "a success starts the count afresh");
        Http wrong = new Http(admin.base(), Deployments.ADMIN, "wrong");
        for (int failure = 1; failure <= 10; failure++) {
            assertEquals(401, wrong.get(COLLECTION, JSON).statusCode(), "failure " + failure + " is free");
        }
        HttpResponse<String> throttled = admin.get(COLLECTION, JSON);
        assertEquals(429, throttled.statusCode(), "even the right password waits: " + throttled.body());
        assertEquals("1", throttled.headers().firstValue("Retry-After").orElse(""));
        assertTrue(throttled.body().contains("\"code\":\"MPE_MGMT_TOO_MANY_SIGN_IN_FAILURES\""), throttled.body());
        assertError(wrong.get(COLLECTION, ATOM), 429, "0x80880033");

        Thread.sleep(1000);
        assertEquals(200, admin.get(COLLECTION, ATOM).statusCode(), "the right password works again after the wait");
        assertEquals(401, wrong.get(COLLECTION, JSON).statusCode(), "and the success started the count afresh");
        assertEquals(200, admin.get(COLLECTION, ATOM).statusCode());
    }

    @Test
    void theAuditTrailNamesWhoFailedToSignInAndWhoCreatedAPoint() {
        String intruder = "intruder-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(401, new Http(admin.base(), intruder, "guess").get(COLLECTION, JSON).statusCode());
        create(path);
        assertEquals(401, admin.anonymous().get("services/smoothstreaming/audit", JSON).statusCode(),
                "the audit trail is the administrator's");

        HttpResponse<String> audit = admin.get("services/smoothstreaming/audit", JSON);
        assertEquals(200, audit.statusCode(), audit.body());
        List<JsonObject> entries = Json.createReader(new StringReader(audit.body())).readObject()
                .getJsonArray("entries").getValuesAs(JsonObject.class);
        JsonObject failure = entries.stream().filter(e -> e.getString("user").equals(intruder)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry for " + intruder + ": " + audit.body()));
        assertEquals("failed to sign in to the management API", failure.getString("event"));
        assertFalse(failure.getString("address").isEmpty());
        JsonObject creation = entries.stream()
                .filter(e -> e.getString("event").equals("created publishing point /" + path)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry for the creation: " + audit.body()));
        assertEquals(Deployments.ADMIN, creation.getString("user"));
        assertTrue(entries.indexOf(creation) < entries.indexOf(failure), "newest first");
        assertFalse(Instant.parse(creation.getString("time")).isAfter(Instant.now()), creation.getString("time"));
    }

    @Test
    void badInputGetsA400NamingTheProblemAndStoresNothing() {
        create(path);
        assertError(admin.send("PUT", path + "/settings", "text/plain", "x"), 415, "0x80880021");
        assertError(admin.send("PUT", path + "/settings", JSON, "{\"colour\":1}"), 400, "colour");
        assertError(admin.send("PUT", path + "/settings", JSON, "{\"lookAheadChunks\":\"two\"}"), 400,
                "lookAheadChunks");
        assertError(admin.send("PUT", path + "/settings", JSON,
                "{\"clientConnections\":{\"enabled\":true,\"windowLength\":\"-PT1M\"}}"), 400, "windowLength");
        assertError(admin.send("PUT", path + "/settings", JSON, "{\"title\":"), 400, "0x80880025");
        assertError(admin.send("PUT", path + "/settings", ATOM, "<entry"), 400, "0x80880025");
        assertError(admin.send("PUT", path + "/settings", ATOM, Documents.settingsEntry("<Colour/>")), 400,
                "Settings/Colour");
        assertError(admin.send("PUT", path + "/settings", JSON, "{\"title\":\"" + "x".repeat(70_000) + "\"}"), 400,
                "larger than");
        for (String slug : new String[] {"/../evil.isml", "/a\\b.isml", "C:/x.isml", "/x.txt", "/a/%2e%2e/x.isml",
                "/tab%09.isml", "//host/x.isml"}) {
            assertError(admin.send("POST", COLLECTION + "/settings", JSON, "{}", "Slug", slug), 400, "0x8088002D");
        }
        assertError(admin.send("POST", COLLECTION + "/settings", JSON, "{}"), 400, "0x8088002C");
        assertError(admin.send("POST", COLLECTION + "/settings", JSON, "{}", "Slug", "/" + path), 400, "0x8088002B");
        assertError(admin.send("POST", COLLECTION + "/settings", JSON, "{\"pushTo\":[{\"url\":\"http://e/x.isml\","
                + "\"credentialName\":\"nobody\"}]}", "Slug", "/" + path + "x.isml"), 400, "nobody");
        assertError(admin.get("it/nothing/here.isml/settings", ATOM), 404, "0x8088002E");
        assertTrue(admin.get(path + "/settings", ATOM).body().contains("<LookAheadChunks>2</LookAheadChunks>"),
                "the refused updates stored nothing");
    }

    @Test
    void everyMalformedBodyOrSlugIsA400ThatSaysWhatIsWrongWhere() {
        create(path);
        String deep = "[".repeat(30_000) + "]".repeat(30_000);
        assertError(admin.send("PUT", path + "/settings", JSON, deep), 400, "JSON nested deeper than 16 levels");
        assertError(admin.send("PUT", path + "/settings", JSON, "{\"archive\":{\"enabled\":true,\"segmentLength\":-1}}"),
                400, "\"field\":\"settings.archive.segmentLength\"");
        assertError(admin.send("PUT", path + "/settings", JSON, "[]"), 400, "settings: must be an object");
        assertError(admin.send("PUT", path + "/settings", ATOM,
                Documents.settingsEntry("<Archive enabled=\"true\"><SegmentLength>-1</SegmentLength></Archive>")),
                400, "Settings/Archive/SegmentLength: '-1' is not a duration");
        assertError(admin.send("PUT", path + "/settings", JSON, "{\"pushTo\":[{\"url\":\"http://e/x.isml\"},"
                + "{\"url\":\"http://f/x.isml\",\"credentialName\":\"nobody\"}]}"), 400,
                "\"field\":\"settings.pushTo[1].credentialName\"");
        // a UTF-8 Slug percent-encoded, as RFC 5023 has it (raw non-ASCII header bytes never reach the application)
        assertError(admin.send("POST", COLLECTION + "/settings", JSON, "{}", "Slug", "/caf%C3%A9.isml"), 400,
                "'é' (U+00E9); a folder or file name may only hold letters A-Z and a-z, digits 0-9, '.', '_', '~' and '-'");
        assertTrue(admin.get(path + "/settings", ATOM).body().contains("<PushTo><PublishingPoints></PublishingPoints>"),
                "the refused updates stored nothing");
    }

    @Test
    void credentialsAreStoredButTheirSecretIsNeverShown() {
        String name = "edge-" + UUID.randomUUID().toString().substring(0, 6);
        String secret = "s3cret-" + UUID.randomUUID();
        HttpResponse<String> created = admin.send("POST", "services/smoothstreaming/credentials", JSON,
                "{\"name\":\"" + name + "\",\"userName\":\"syndicator\",\"password\":\"" + secret + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertFalse(created.body().contains(secret));
        HttpResponse<String> list = admin.get("services/smoothstreaming/credentials", JSON);
        assertTrue(list.body().contains("\"name\":\"" + name + "\""), list.body());
        assertTrue(list.body().contains("\"userName\":\"syndicator\""));
        assertFalse(list.body().contains(secret));
        assertFalse(admin.get("services/smoothstreaming/credentials", ATOM).body().contains(secret));

        HttpResponse<String> point = admin.send("POST", COLLECTION + "/settings", JSON, "{\"serverConnections\":"
                + "{\"enabled\":true},\"pushTo\":[{\"url\":\"http://edge.example/live/a.isml\",\"credentialName\":\""
                + name + "\"}]}", "Slug", "/" + path);
        assertEquals(201, point.statusCode(), point.body());
        assertFalse(point.body().contains(secret));
        assertFalse(admin.get(path + "/settings", ATOM).body().contains(secret));
        assertError(admin.send("DELETE", "services/smoothstreaming/credentials/" + name, null, null), 400,
                "/" + path);
        assertEquals(200, admin.send("DELETE", path + "/settings", null, null).statusCode());
        assertEquals(200, admin.send("DELETE", "services/smoothstreaming/credentials/" + name, null, null)
                .statusCode());
        assertError(admin.send("DELETE", "services/smoothstreaming/credentials/" + name, null, null), 404,
                "0x80880030");
    }

    @Test
    void healthAndTheOpenApiDocument() {
        HttpResponse<String> ready = admin.anonymous().get("health/ready", JSON);
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());
        assertTrue(ready.body().contains("database"), ready.body());
        assertEquals(200, admin.anonymous().get("health/live", JSON).statusCode());
        HttpResponse<String> openapi = admin.anonymous().get("openapi", "*/*");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/services/smoothstreaming/publishingpoints.isml/settings"), openapi.body());
        assertTrue(openapi.body().contains("/{pointPath}/state"));
    }

    @Test
    void crossDomainPolicyFilesAreServedToAnyoneAndGrantMediaOnly() {
        create(path);
        HttpResponse<String> silverlight = admin.anonymous().get("clientaccesspolicy.xml", "*/*");
        assertEquals(200, silverlight.statusCode(), silverlight.body());
        assertTrue(silverlight.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        assertTrue(silverlight.body().contains("path=\"/" + path + "\"") && silverlight.body().contains("/archive/")
                && !silverlight.body().contains("/services") && !silverlight.body().contains("/admin"),
                silverlight.body());
        HttpResponse<String> flash = admin.anonymous().get("crossdomain.xml", "*/*");
        assertEquals(200, flash.statusCode(), flash.body());
        assertTrue(flash.body().contains("<allow-access-from domain=\"*\""), flash.body());
    }

    @Test
    void everyRoleMayDoOnlyWhatItsRoleAndFoldersAllow() {
        String folder = "/" + path.substring(0, path.lastIndexOf('/') + 1);
        String outside = "it/elsewhere-" + UUID.randomUUID().toString().substring(0, 8) + "/channel1.isml";
        create(path);
        create(outside);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Http operator = account("operator", "operator-" + suffix, folder);
        Http viewer = account("viewer", "viewer-" + suffix, null);
        Http encoder = account("encoder", "encoder-" + suffix, folder);
        String accounts = "services/smoothstreaming/accounts";
        HttpResponse<String> list = admin.get(accounts, JSON);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"operator-" + suffix + "\"") && !list.body().contains("password"),
                "the accounts, never a password or hash: " + list.body());

        for (Http reader : List.of(operator, viewer)) {
            assertEquals(200, reader.get(path + "/state", JSON).statusCode(), "both read");
            assertEquals(200, reader.get(COLLECTION + "/settings", JSON).statusCode());
        }
        assertError(viewer.send("PUT", path + "/state", ATOM, Documents.stateEntry("Started")), 403,
                "The viewer role may not start, stop or shut down points");
        assertEquals(200, operator.send("PUT", path + "/state", ATOM, Documents.stateEntry("Started")).statusCode(),
                "the operator starts a point of its folder");
        assertError(operator.send("PUT", outside + "/state", ATOM, Documents.stateEntry("Started")), 403,
                "only within " + folder);
        assertError(operator.send("PUT", path + "/settings", JSON, "{\"title\":\"x\"}"), 403,
                "The operator role may not change settings");
        assertError(operator.get(accounts, JSON), 403, "The operator role may not manage accounts");
        assertError(viewer.send("POST", accounts, JSON, "{\"user\":\"x\",\"password\":\"y\",\"role\":\"viewer\"}"),
                403, "The viewer role may not manage accounts");
        assertError(viewer.get("services/smoothstreaming/audit", JSON), 403, "The viewer role may not read the audit log");
        assertEquals(200, operator.get("services/smoothstreaming/audit", JSON).statusCode(), "the operator sees all");
        assertError(admin.send("POST", accounts, JSON, "{\"user\":\"a:b\",\"password\":\"y\",\"role\":\"viewer\"}"),
                400, "no colon");
        assertError(admin.send("POST", accounts, JSON, "{\"user\":\"f-" + suffix
                + "\",\"password\":\"y\",\"role\":\"operator\",\"folders\":[\"/live/a b/\"]}"), 400,
                "The folder '/live/a b/' is not a path");
        assertError(encoder.get(path + "/state", JSON), 401, "user name or password is wrong");

        int in = encoder.send("POST", path + "/Streams(roles)", "application/octet-stream", "").statusCode();
        assertTrue(in != 401 && in != 403, "the encoder passes the guard within its folder: " + in);
        HttpResponse<String> out = encoder.send("POST", outside + "/Streams(roles)", "application/octet-stream", "");
        assertEquals(403, out.statusCode(), out.body());
        assertTrue(out.body().contains("The encoder role may publish to points only within " + folder), out.body());

        assertError(admin.send("DELETE", accounts + "/" + Deployments.ADMIN, JSON, ""), 409, "last administrator");
        assertError(admin.send("PUT", accounts + "/" + Deployments.ADMIN, JSON, "{\"role\":\"viewer\"}"), 400,
                "keeps its role");
        assertEquals(204, admin.send("DELETE", accounts + "/viewer-" + suffix, JSON, "").statusCode());
        assertError(viewer.get(path + "/state", JSON), 401, "user name or password is wrong");
    }

    /** Creates an account of {@code role} (limited to {@code folder} unless null) and a client signing in as it. */
    private Http account(String role, String user, String folder) {
        String password = "pw-" + UUID.randomUUID();
        HttpResponse<String> created = admin.send("POST", "services/smoothstreaming/accounts", JSON,
                Json.createObjectBuilder().add("user", user).add("password", password).add("role", role)
                        .add("folders", folder == null ? Json.createArrayBuilder() : Json.createArrayBuilder()
                                .add(folder)).build().toString());
        assertEquals(201, created.statusCode(), created.body());
        return new Http(admin.base(), user, password);
    }

    private void create(String pointPath) {
        HttpResponse<String> r = admin.send("POST", COLLECTION + "/settings", ATOM,
                Documents.settingsEntry("<Title>t</Title>"), "Slug", "/" + pointPath);
        assertEquals(201, r.statusCode(), r.body());
    }

    private HttpResponse<String> putState(String state) {
        return admin.send("PUT", path + "/state", ATOM, Documents.stateEntry(state));
    }

    private void assertState(String value, String behaviour) {
        String atom = admin.get(path + "/state", ATOM).body();
        assertTrue(atom.contains("<State><Value>" + value + "</Value>"), atom);
        String json = admin.get(path + "/state", JSON).body();
        assertTrue(json.contains("\"state\":{\"value\":\"" + value + "\""), json);
        assertTrue(json.contains("\"status\":{\"state\":\"" + behaviour + "\""), json);
    }

    static void assertError(HttpResponse<String> response, int status, String mentions) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(mentions), "expected '" + mentions + "' in " + response.body());
        assertTrue(response.body().contains("0x8088") || response.body().contains("\"hresult\""), response.body());
    }

    /** An IIS definition file of the test resources, bytes as IIS wrote them (byte order mark, CRLF). */
    private static String isml(String name) {
        try (java.io.InputStream in = ManagementApiIT.class.getResourceAsStream("/org/openlss/pubpoint/isml/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String settingsOf(String atomEntry) {
        int start = atomEntry.indexOf("<Settings>");
        int end = atomEntry.indexOf("</Settings>");
        assertTrue(start >= 0 && end > start, atomEntry);
        return atomEntry.substring(start, end);
    }

    @Test
    void iisDefinitionFilesImportAsTheSamePointsAndExportAgain() {
        String push = path.replace("channel1", "push");
        HttpResponse<String> created = admin.send("POST", COLLECTION + "/settings", "application/smil+xml",
                isml("push-archive-hls.isml"), "Slug", "/" + push, "Accept", ATOM);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(admin.base().resolve("/" + push + "/settings").toString(),
                created.headers().firstValue("Location").orElseThrow());
        String settings = settingsOf(admin.get(push + "/settings", ATOM).body());
        for (String expected : List.of("<Title>Channel 1</Title>", "<SourceType>Push</SourceType>",
                "<EstimatedDuration>PT2H</EstimatedDuration>", "<AutoStart>true</AutoStart>",
                "<AutoRestartOnEncoderReconnect>true</AutoRestartOnEncoderReconnect>",
                "<LookAheadChunks>2</LookAheadChunks>", "<Archive enabled=\"true\"><SegmentLength>PT30M</SegmentLength>",
                "<ClientConnections enabled=\"true\"><WindowLength>PT1H</WindowLength>",
                "<ServerConnections enabled=\"true\">",
                "<PushTo><PublishingPoints><PublishingPoint>http://edge1.example/live/channel1.isml</PublishingPoint>",
                "<SegmentLength>PT10S</SegmentLength><MaxBitRate>1600000</MaxBitRate>")) {
            assertTrue(settings.contains(expected), expected + " in " + settings);
        }
        assertTrue(admin.get(push + "/settings", JSON).body().contains("\"hls\":{\"enabled\":true"),
                "HLS output on (formats m3u8-aapl)");

        String pull = path.replace("channel1", "pull");
        HttpResponse<String> pulled = admin.send("POST", COLLECTION + "/settings", "application/xml",
                isml("pull-two-upstreams.isml"), "Slug", "/" + pull, "Accept", JSON);
        assertEquals(201, pulled.statusCode(), "plain XML whose root is smil imports too: " + pulled.body());
        assertTrue(pulled.body().startsWith("{"), "answered as the create answers, in the representation asked for");
        String pullSettings = settingsOf(admin.get(pull + "/settings", ATOM).body());
        assertTrue(pullSettings.contains("<SourceType>Pull</SourceType>"), pullSettings);
        assertTrue(pullSettings.contains("<PullFrom><PublishingPoints>"
                + "<PublishingPoint>http://origin1.example/live/channel2.isml</PublishingPoint>"
                + "<PublishingPoint>http://origin2.example:8080/live/channel2.isml</PublishingPoint>"), pullSettings);
        assertTrue(pullSettings.contains("<LookAheadChunks>4</LookAheadChunks>"), pullSettings);

        HttpResponse<String> exported = admin.get(push + "/settings", "application/smil+xml");
        assertEquals(200, exported.statusCode(), exported.body());
        assertEquals("application/smil+xml", exported.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertEquals("attachment; filename=\"push.isml\"",
                exported.headers().firstValue("Content-Disposition").orElseThrow());
        assertTrue(exported.body().contains("<meta name=\"sourceType\" content=\"Push\"/>"), exported.body());
        String again = path.replace("channel1", "again");
        assertEquals(201, admin.send("POST", COLLECTION + "/settings", "application/smil+xml", exported.body(),
                "Slug", "/" + again).statusCode());
        assertEquals(settings, settingsOf(admin.get(again + "/settings", ATOM).body()),
                "the exported file imports as an equal point");
        String pullAgain = path.replace("channel1", "pullagain");
        assertEquals(201, admin.send("POST", COLLECTION + "/settings", "application/smil+xml",
                admin.get(pull + "/settings", "application/smil+xml").body(), "Slug", "/" + pullAgain).statusCode());
        assertEquals(pullSettings, settingsOf(admin.get(pullAgain + "/settings", ATOM).body()));
    }

    @Test
    void anIisDefinitionWithSettingsOpenLssLacksIsRefusedNamingThemAndCreatesNothing() {
        HttpResponse<String> refused = admin.send("POST", COLLECTION + "/settings", "application/smil+xml",
                isml("unsupported.isml"), "Slug", "/" + path);
        assertError(refused, 400, "0x80880026");
        for (String named : List.of("module", "liveSmoothStreaming2", "lookaheadChunks", "formats", "'mpeg-dash'",
                "'ms-sstr-xml'", "ref[1]")) {
            assertTrue(refused.body().contains(named), named + " in " + refused.body());
        }
        assertFalse(refused.body().contains("secret"), refused.body());
        assertError(admin.get(path + "/settings", ATOM), 404, "0x8088002E");
        assertFalse(admin.get(COLLECTION, ATOM).body().contains("/" + path + "/"));

        HttpResponse<String> missingCredential = admin.send("POST", COLLECTION + "/settings", "application/smil+xml",
                isml("pull-two-upstreams.isml").replace("channel2.isml\" />",
                        "channel2.isml\" credentialName=\"nobody-" + UUID.randomUUID() + "\" />"),
                "Slug", "/" + path, "Accept", JSON);
        assertError(missingCredential, 400, "ref[1]@credentialName, ref[2]@credentialName");
        assertError(admin.get(path + "/settings", ATOM), 404, "0x8088002E");
        assertError(admin.send("POST", COLLECTION + "/settings", "application/xml",
                Documents.settingsEntry("<Title>t</Title>"), "Slug", "/" + path), 415, "0x80880021");
        assertError(admin.get(path + "/settings", ATOM), 404, "0x8088002E");
    }

    @Test
    void importAndExportNeedTheAdministrator() {
        Http anonymous = admin.anonymous();
        HttpResponse<String> imported = anonymous.send("POST", COLLECTION + "/settings", "application/smil+xml",
                isml("push-archive-hls.isml"), "Slug", "/" + path);
        assertEquals(401, imported.statusCode(), imported.body());
        assertError(admin.get(path + "/settings", ATOM), 404, "0x8088002E");
        create(path);
        HttpResponse<String> exported = anonymous.get(path + "/settings", "application/smil+xml");
        assertEquals(401, exported.statusCode());
        assertFalse(exported.body().contains("<smil"), exported.body());
        assertTrue(anonymous.get("openapi", "*/*").body().contains("application/smil+xml"),
                "the API description tells of import and export");
    }

}
