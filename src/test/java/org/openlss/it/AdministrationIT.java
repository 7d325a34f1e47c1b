package org.openlss.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.w3c.dom.Document;

/**
 * The administration screens in headless Chromium, used the way an administrator used IIS Manager's Live Smooth
 * Streaming Publishing Points: add a point through the dialog, start it, watch it go live and its details refresh,
 * stop, shut down and delete it; refused input; credentials. Every page is left as a screenshot in
 * {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
class AdministrationIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    /** Folder of this run's points: the server's data dir may hold earlier runs. */
    private static final String RUN = "ui-" + Long.toString(System.currentTimeMillis(), 36);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A view state naming no view the server holds, as a tab's after another sign-in. */
    private static final String STALE_VIEW = "-4711:-4711";
    private static final String EXPIRED_NOTICE = "The page had expired; it has been reloaded";

    @ArquillianResource
    URL url;

    LiveEvents events;
    Browser browser;
    AdminPages pages;

    @BeforeEach
    void setUp() throws Exception {
        events = new LiveEvents(new Http(url.toURI().resolve("/"), Deployments.ADMIN, Deployments.ADMIN_PASSWORD));
    }

    /** The page the browser was on last, to see what a failed test saw. */
    @AfterEach
    void tearDown(TestInfo test) {
        if (browser != null) {
            browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
            browser.close();
        }
    }

    /** A browser signed in as the administrator. */
    private void signIn() {
        browser = Browser.start();
        pages = new AdminPages(browser, events.admin().base());
        pages.signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
    }

    @Test
    void aPushPointFromAddToDeleteThroughTheScreens() {
        signIn();
        String point = RUN + "/channel1.isml";
        pages.openAdd();
        pages.type("dialog:fileName", point);
        pages.type("dialog:title", "Channel 1");
        pages.type("dialog:estimatedDuration", "01:30:00");
        assertFalse(browser.driver().findElement(By.id("dialog:pullUrlsAdd")).isDisplayed(), "pull URLs only for Pull");
        browser.screenshot("add-dialog-basic");
        pages.tab("advanced");
        assertFalse(browser.driver().findElement(By.id("dialog:segmentLength")).isDisplayed(),
                "the segment length shows only with a segmented archive");
        pages.check("dialog:archive");
        pages.choose("dialog:archiveMode", "segmented");
        pages.type("dialog:segmentLength", "5");
        assertTrue(browser.driver().findElement(By.id("dialog:clientConnections")).isSelected(), "the IIS default");
        assertFalse(browser.driver().findElement(By.id("dialog:windowLength")).isDisplayed());
        pages.choose("dialog:dvrMode", "recent");
        pages.type("dialog:windowLength", "10");
        assertFalse(browser.driver().findElement(By.id("dialog:pushUrlsAdd")).isDisplayed(),
                "push URLs only while server connections are allowed");
        pages.check("dialog:serverConnections");
        assertTrue(browser.driver().findElement(By.id("dialog:pushUrlsAdd")).isDisplayed(), "push URLs for Push");
        browser.find("[id='dialog:serverConnections']").click();
        assertFalse(browser.driver().findElement(By.id("dialog:pushUrlsAdd")).isDisplayed());
        browser.screenshot("add-dialog-advanced");
        pages.tab("mobile");
        browser.screenshot("add-dialog-mobile");
        pages.ok();

        assertEquals("Idle (Shutdown)", pages.cell(point, "state"), "a new point is shut down");
        assertEquals("Idle", pages.cell(point, "archive"));
        assertEquals("Idle", pages.cell(point, "client-dvr"));
        assertEquals("Disabled", pages.cell(point, "server-distribution"));
        assertTrue(pages.textOf("[id='points:summary'] .options").contains("Archiving"));
        String stored = events.admin().get(point + "/settings", ManagementApiIT.JSON).body();
        assertTrue(stored.contains("\"segmentLength\":\"PT5M\"") && stored.contains("\"windowLength\":\"PT10M\"")
                && stored.contains("\"estimatedDuration\":\"PT1H30M\""), stored);
        assertEquals(List.of("Start Publishing Point", "Edit…", "Delete"), pages.actions());

        pages.click("points:start", false);
        assertEquals("Starting", pages.cell(point, "state"));
        assertEquals(List.of("Stop Live Source", "Shut Down Publishing Point", "Delete", "Details"), pages.actions());
        pages.markPage();
        try (Encoder encoder = Encoder.push(Media.content().resolve("source.mp4"), events.url(point), "--loop")) {
            browser.await("the list showing the point live", PATIENCE,
                    d -> pages.cell(point, "state").equals("Started (Live)"));
            assertTrue(pages.markStillThere(), "the list refreshed itself; the page was not reloaded");
            assertEquals("Started", pages.cell(point, "archive"));
            browser.await("the summary counting the stream and its tracks", PATIENCE,
                    d -> pages.textOf("[id='points:summary'] .tracks").matches("1 audio: \\d+ Kbps 3 video: \\d+, \\d+, \\d+ Kbps"));
            assertTrue(pages.textOf("[id='points:summary'] .streams").startsWith("1 (1 started"));
            assertTrue(pages.textOf("[id='points:summary'] .archive-path").contains("channel1"),
                    "the archive path shows while archiving");
            browser.screenshot("publishing-points");
            askForAFragment(point);

            pages.click("points:details", false);
            pages.markPage();
            browser.await("four tracks, each arriving", PATIENCE, d -> {
                Map<String, AdminPages.TrackRow> tracks = pages.trackFigures();
                return tracks.size() == 4 && tracks.values().stream().allMatch(t -> t.incomingKbps() > 0);
            });
            Map<String, AdminPages.TrackRow> first = pages.trackFigures();
            browser.await("newer fragments, shown without a reload", PATIENCE, d -> pages.trackFigures().entrySet()
                    .stream().allMatch(t -> t.getValue().timestamp() > first.get(t.getKey()).timestamp()));
            assertTrue(pages.markStillThere(), "the details refreshed themselves; the page was not reloaded");
            String sources = pages.textOf("details[data-node='Sources']");
            assertTrue(sources.contains("127.0.0.1") && sources.contains("HTTP Push") && sources.contains("stream1"),
                    sources);
            browser.await("the player's request among the destinations", PATIENCE,
                    d -> pages.textOf("details[data-node='Destinations']").contains("IIS Smooth Streaming — 1 client"));
            assertEquals("Outputs in use: IIS Smooth Streaming: 1 client", pages.textOf(".outputs"));
            assertEquals("Started (Live)", pages.textOf(".facts .state"), "the state worded as in the list");
            browser.screenshot("details");

            pages.click("details:back", false);
            pages.click("points:stop", false);
            assertEquals("Stopped (DVR-only)", pages.cell(point, "state"));
            assertEquals("Started", pages.cell(point, "client-dvr"), "DVR-only still serves the event");
            assertEquals(List.of("Shut Down Publishing Point", "Delete", "Details"), pages.actions());
        }
        pages.click("points:shutDown", false);
        assertEquals("Idle (Shutdown)", pages.cell(point, "state"));
        pages.click("points:delete", true);
        assertFalse(pages.listed(point));
        assertTrue(pages.pageMessages().contains("Deleted /" + point), pages.pageMessages());
        assertEquals(404, events.admin().get(point + "/settings", ManagementApiIT.JSON).statusCode());
        assertEquals(List.of(), browser.policyViolations(), "the screens work within their Content Security Policy");
    }

    /** A player's request, so that the point has a client among its destinations. */
    private void askForAFragment(String point) {
        LiveEvents.await(PATIENCE, "a fragment offered to players", () -> events.videoChunks(point) > 0);
        Document manifest = events.manifest(point);
        long bitrate = LiveEvents.bitrates(manifest, "video_und").get(0);
        long time = LiveEvents.times(manifest).get("video_und").get(0);
        assertEquals(200, events.admin().anonymous().getBytes(point + "/QualityLevels(" + bitrate
                + ")/Fragments(video_und=" + time + ")").statusCode());
    }

    @Test
    void invalidInputIsShownNextToItsFieldAndCreatesNothing() {
        signIn();
        int points = pointCount();
        pages.openAdd();
        pages.type("dialog:fileName", RUN + "/bad name.isml");
        pages.tab("advanced");
        pages.choose("dialog:dvrMode", "recent");
        pages.type("dialog:windowLength", "-5");
        pages.ok();

        assertTrue(browser.find("#tab-basic").isDisplayed(), "the tab of the first problem opens");
        assertTrue(pages.fieldError("dialog:fileName").contains("may only hold letters"),
                pages.fieldError("dialog:fileName"));
        browser.screenshot("add-dialog-refused");
        pages.tab("advanced");
        assertEquals("enter a number of minutes, e.g. 30", pages.fieldError("dialog:windowLength"));

        pages.type("dialog:windowLength", "0.1");
        pages.ok();
        assertTrue(pages.fieldError("dialog:fileName").contains("may only hold letters"));
        pages.type("dialog:fileName", RUN + "/good.isml");
        pages.ok();
        pages.tab("advanced");
        assertTrue(pages.fieldError("dialog:windowLength").contains("out of range"),
                "the settings' own range check, next to the field: " + pages.fieldError("dialog:windowLength"));
        assertEquals(points, pointCount(), "nothing was created");
        assertEquals(List.of(), browser.policyViolations());
    }

    private int pointCount() {
        return events.admin().get(ManagementApiIT.COLLECTION, ManagementApiIT.ATOM).body().split("<entry>", -1).length - 1;
    }

    @Test
    void settingsOfARunningPointCannotBeEdited() {
        signIn();
        String point = RUN + "/running.isml";
        events.create(point, "{\"title\":\"Running\"}");
        events.state(point, "Started");
        pages.open("/admin/point.xhtml?point=" + point);
        assertTrue(pages.pageMessages().contains("can only be changed while it is shut down"), pages.pageMessages());
        assertFalse(browser.driver().findElement(By.id("dialog:ok")).isEnabled());
        assertEquals("Running", browser.driver().findElement(By.id("dialog:title")).getAttribute("value"));
        browser.screenshot("edit-dialog-refused");
        events.state(point, "Idle");
    }

    @Test
    void credentialsAreAddedListedAndDeletedWithoutShowingTheSecret() {
        signIn();
        String name = RUN + "-edge";
        String secret = "s3cret-" + RUN;
        pages.open("/admin/credentials.xhtml");
        pages.type("credential:name", "bad name");
        pages.type("credential:userName", "syndicator");
        pages.type("credential:password", secret);
        pages.click("credential:add", false);
        assertTrue(pages.fieldError("credential:name").contains("is not a credential name"),
                pages.fieldError("credential:name"));
        assertEquals("", browser.driver().findElement(By.id("credential:password")).getAttribute("value"),
                "the secret is not sent back");

        pages.type("credential:name", name);
        pages.type("credential:password", secret);
        pages.click("credential:add", false);
        assertEquals("syndicator", browser.text("tr[data-credential='" + name + "'] .user"));
        assertFalse(browser.driver().getPageSource().contains(secret));
        browser.screenshot("credentials");
        assertTrue(events.admin().get("services/smoothstreaming/credentials", ManagementApiIT.JSON).body()
                .contains("\"name\":\"" + name + "\""));

        pages.click(browser.find("tr[data-credential='" + name + "'] input[type=submit]").getAttribute("id"), true);
        assertTrue(browser.driver().findElements(By.cssSelector("tr[data-credential='" + name + "']")).isEmpty());
        assertFalse(events.admin().get("services/smoothstreaming/credentials", ManagementApiIT.JSON).body()
                .contains("\"name\":\"" + name + "\""));

        pages.click("session:signOut", false);
        assertTrue(browser.text("[data-when-query='signedout']").contains("signed out"));
        pages.open("/admin/credentials.xhtml");
        assertTrue(browser.driver().getCurrentUrl().endsWith("/admin/signin.html"), "signed out for good");
        assertEquals(List.of(), browser.policyViolations());
    }

    @Test
    void everyScreenNeedsTheSignInAndNoneComesBackAsSource() throws Exception {
        Http anonymous = events.admin().anonymous();
        URI signInPage = events.admin().base().resolve("/admin/signin.html");
        for (String screen : List.of("admin/", "admin/index.xhtml", "admin/point.xhtml", "admin/credentials.xhtml",
                "admin/details.xhtml?point=a.isml", "admin/audit.xhtml", "ADMIN/index.xhtml")) {
            HttpResponse<String> r = anonymous.get(screen, "text/html");
            assertEquals(303, r.statusCode(), screen);
            assertEquals(signInPage, events.admin().base().resolve(r.headers().firstValue("Location").orElse("")), screen);
        }
        assertEquals(303, events.admin().get("admin/", "text/html").statusCode(),
                "the screens take the form sign-in, not the API's Basic credentials");
        assertEquals(200, anonymous.get("admin/signin.html", "text/html").statusCode());
        assertEquals(200, anonymous.get("admin/admin.css", "text/css").statusCode());
        assertEquals(404, anonymous.get("WEB-INF/templates/admin.xhtml", "*/*").statusCode());
        HttpResponse<String> ajax = anonymous.send("POST", "admin/details.xhtml", "application/x-www-form-urlencoded",
                "jakarta.faces.partial.ajax=true", "Faces-Request", "partial/ajax");
        assertTrue(ajax.body().contains("<redirect url=\"/admin/signin.html?expired\""),
                "a refresh after the session ended takes the page to the sign-in, saying so: " + ajax.body());

        SignedInClient client = new SignedInClient(events.admin().base());
        assertEquals(303, client.get("admin/credentials.xhtml").statusCode());
        String before = client.sessionId();
        assertTrue(client.signIn(Deployments.ADMIN, "wrong").endsWith("/admin/signin.html?failed"));
        assertTrue(client.signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD).endsWith("/admin/credentials.xhtml"),
                "back where the administrator was going");
        assertFalse(before.equals(client.sessionId()), "a new session id after the sign-in");
        for (String screen : List.of("admin/", "admin/index.xhtml", "admin/point.xhtml", "admin/credentials.xhtml",
                "admin/details.xhtml?point=a.isml", "admin/audit.xhtml")) {
            HttpResponse<String> page = client.get(screen);
            assertEquals(200, page.statusCode(), screen);
            assertTrue(page.body().contains("</html>") && page.body().contains("jakarta.faces.ViewState"), screen);
            for (String source : List.of("xmlns:ui", "xmlns:h=", "<ui:", "<h:", "<f:", "#{")) {
                assertFalse(page.body().contains(source), screen + " came back unrendered: " + source);
            }
        }
    }

    @Test
    void accountsAddedInTheScreensSignInWithTheirRoleAndSeeAndDoOnlyWhatItAllows() {
        String folder = "/" + RUN + "/roles/";
        String inside = RUN + "/roles/channel.isml";
        String outside = RUN + "/other/channel.isml";
        events.create(inside, "{}");
        events.create(outside, "{}");
        String operator = RUN + "-operator";
        String viewer = RUN + "-viewer";
        String password = "pw-" + RUN;

        signIn();
        pages.open("/admin/accounts.xhtml");
        addAccount(operator, password, "operator", folder + ", /live/../");
        assertTrue(pages.pageMessages().contains("The folder '/live/../' is not a path such as /live/sports/"),
                pages.pageMessages());
        assertEquals("", browser.driver().findElement(By.id("account:password")).getAttribute("value"),
                "the password is not sent back");
        addAccount(operator, password, "operator", folder);
        addAccount(viewer, password, "viewer", "");
        assertEquals("operator", browser.text("tr[data-account='" + operator + "'] .role"));
        assertEquals(folder, browser.text("tr[data-account='" + operator + "'] .folders"));
        assertEquals("every point", browser.text("tr[data-account='" + viewer + "'] .folders"));
        assertFalse(browser.driver().getPageSource().contains(password));
        browser.screenshot("accounts");
        pages.click(browser.find("tr[data-account='" + Deployments.ADMIN + "'] input.danger").getAttribute("id"), true);
        assertTrue(pages.pageMessages().contains("is the last administrator"), pages.pageMessages());
        String newPassword = "new-" + password;
        pages.click(browser.find("tr[data-account='" + viewer + "'] input:not(.danger)").getAttribute("id"), false);
        assertEquals("Change " + viewer, browser.text("aside h2"));
        assertFalse(browser.driver().findElement(By.id("account:user")).isEnabled());
        pages.type("account:password", newPassword);
        pages.click("account:save", false);
        assertTrue(pages.pageMessages().contains("Changed the account '" + viewer + "'"), pages.pageMessages());
        assertEquals("viewer", browser.text("tr[data-account='" + viewer + "'] .role"));
        pages.click("session:signOut", false);

        // the viewer reads every screen it may, and is shown no command
        pages.signIn(viewer, newPassword);
        assertEquals(List.of(), browser.driver().findElements(By.linkText("Accounts")));
        assertEquals(List.of(), browser.driver().findElements(By.linkText("Audit Log")));
        assertEquals(List.of(), browser.driver().findElements(By.id("points:add")));
        pages.open("/admin/index.xhtml?point=" + inside);
        browser.await("the selected point", PATIENCE, d -> pages.textOf(".selected-name").equals(inside));
        assertEquals(List.of(), pages.actions().stream().filter(a -> !a.equals("Details")).toList());
        pages.open("/admin/credentials.xhtml");
        assertEquals(List.of(), browser.driver().findElements(By.id("credential:add")));
        for (String[] refused : new String[][] {{"point.xhtml", "The viewer role may not change settings."},
                {"import.xhtml", "The viewer role may not change settings."},
                {"accounts.xhtml", "The viewer role may not manage accounts."},
                {"audit.xhtml", "The viewer role may not read the audit log."}}) {
            pages.open("/admin/" + refused[0]);
            assertTrue(browser.text("body").contains("Forbidden: " + refused[1]), refused[0] + ": "
                    + browser.text("body"));
        }
        SignedInClient viewerTab = new SignedInClient(events.admin().base());
        viewerTab.signIn(viewer, newPassword);
        assertEquals(403, viewerTab.get("admin/point.xhtml").statusCode());
        pages.open("/admin/");
        pages.click("session:signOut", false);

        // the operator starts a point of its folder, and may not touch the others or the settings
        pages.signIn(operator, password);
        assertTrue(browser.text(".session").contains("operator of " + folder), browser.text(".session"));
        assertEquals(List.of(), browser.driver().findElements(By.id("points:add")));
        pages.open("/admin/index.xhtml?point=" + outside);
        browser.await("the selected point", PATIENCE, d -> pages.textOf(".selected-name").equals(outside));
        assertEquals(List.of(), pages.actions().stream().filter(a -> !a.equals("Details")).toList());
        pages.open("/admin/index.xhtml?point=" + inside);
        browser.await("the selected point", PATIENCE, d -> pages.textOf(".selected-name").equals(inside));
        assertEquals(List.of("Start Publishing Point"), pages.actions());
        pages.click("points:start", false);
        assertTrue(pages.pageMessages().contains("started"), pages.pageMessages());
        assertEquals("Starting", pages.cell(inside, "state"));
        pages.open("/admin/audit.xhtml");
        assertEquals("Audit Log", browser.text("h1"), "the operator sees everything, the audit log too");
        pages.open("/admin/point.xhtml?point=" + inside);
        assertTrue(browser.text("body").contains("Forbidden: The operator role may not change settings."),
                browser.text("body"));
        pages.open("/admin/");
        pages.click("session:signOut", false);

        // removing an account ends its sessions at their next request
        pages.signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
        pages.open("/admin/accounts.xhtml");
        pages.click(browser.find("tr[data-account='" + viewer + "'] input.danger").getAttribute("id"), true);
        assertTrue(pages.pageMessages().contains("Removed the account '" + viewer + "'"), pages.pageMessages());
        HttpResponse<String> afterRemoval = viewerTab.get("admin/index.xhtml");
        assertEquals(303, afterRemoval.statusCode());
        assertTrue(afterRemoval.headers().firstValue("Location").orElse("").endsWith("/admin/signin.html"));
        assertEquals(List.of(), browser.policyViolations());
    }

    /** Fills the Accounts page's form and adds the account. */
    private void addAccount(String user, String password, String role, String folders) {
        pages.type("account:user", user);
        pages.type("account:password", password);
        pages.select("account:role", role);
        pages.type("account:folders", folders);
        pages.click("account:save", false);
    }

    @Test
    void theAuditLogShowsSignInsAndChangesAndAThrottledSignInSaysHowLongToWait() {
        SignedInClient client = new SignedInClient(events.admin().base());
        client.signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
        String point = RUN + "/audited.isml";
        events.create(point, "{}");
        HttpResponse<String> page = client.get("admin/audit.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("signed in to the screens"), page.body());
        assertTrue(page.body().contains("created publishing point /" + point), page.body());

        browser = Browser.start();
        browser.open(events.admin().base().resolve("/admin/signin.html?throttled=7").toString());
        assertEquals("Too many failed sign-ins: try again in 7 s.", browser.text("[data-when-query='throttled']"));
        assertFalse(browser.find("[data-when-query='failed']").isDisplayed());
    }

    @Test
    void theUrlListsOfTheDialogGrowAndShrinkInPlace() {
        signIn();
        String point = RUN + "/pulled.isml";
        pages.openAdd();
        pages.type("dialog:fileName", point);
        pages.choose("dialog:sourceType", "Pull");
        pages.markPage();
        addUrl("http://127.0.0.1:9/live/first.isml", 0);
        addUrl("http://127.0.0.1:9/live/second.isml", 1);
        browser.driver().findElement(By.id("dialog:pullUrls:0:remove")).click();
        browser.await("the first URL removed", PATIENCE, d -> d.findElements(By.cssSelector("[id$=':url']")).size() == 1
                && "http://127.0.0.1:9/live/second.isml".equals(
                        d.findElement(By.id("dialog:pullUrls:0:url")).getAttribute("value")));
        assertTrue(pages.markStillThere(), "the list was redrawn in place, the dialog not reloaded");
        pages.ok();
        String stored = events.admin().get(point + "/settings", ManagementApiIT.JSON).body();
        assertTrue(stored.contains("second.isml") && !stored.contains("first.isml"), stored);
        assertEquals(List.of(), browser.policyViolations(), "Faces' Ajax works within the Content Security Policy");
    }

    /** Add… under the pull URLs, then {@code url} typed into the new row {@code row}. */
    private void addUrl(String url, int row) {
        browser.driver().findElement(By.id("dialog:pullUrlsAdd")).click();
        String field = "dialog:pullUrls:" + row + ":url";
        browser.await("a row for a URL", PATIENCE, d -> !d.findElements(By.id(field)).isEmpty());
        pages.type(field, url);
    }

    @Test
    void aStaleTabInTheBrowserReloadsItsPageWithANotice() {
        signIn();
        pages.forgetView();
        browser.await("the refresh reloading the page", PATIENCE,
                d -> pages.textOf("#messages").contains("The page had expired; it has been reloaded"));
        browser.screenshot("expired-page");
        assertEquals(List.of(), browser.policyViolations());
    }

    @Test
    void screensSendTheirSecurityHeadersAndHoldNoInlineScript() {
        SignedInClient client = new SignedInClient(events.admin().base());
        client.signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|\\son[a-z]+\\s*=|javascript:",
                Pattern.CASE_INSENSITIVE);
        for (String screen : List.of("admin/index.xhtml", "admin/point.xhtml", "admin/credentials.xhtml",
                "admin/details.xhtml?point=a.isml", "admin/signin.html", "admin/admin.js")) {
            HttpResponse<String> r = client.get(screen);
            assertEquals(200, r.statusCode(), screen);
            String policy = r.headers().firstValue("Content-Security-Policy").orElse("");
            for (String directive : List.of("default-src 'self'", "script-src 'self'", "style-src 'self'",
                    "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'")) {
                assertTrue(policy.contains(directive), screen + ": " + policy);
            }
            assertFalse(policy.contains("unsafe"), screen + ": " + policy);
            assertEquals(List.of("nosniff"), r.headers().allValues("X-Content-Type-Options"), screen);
            assertEquals(List.of("no-store"), r.headers().allValues("Cache-Control"), screen);
            assertEquals(List.of("same-origin"), r.headers().allValues("Referrer-Policy"), screen);
            if (!screen.endsWith(".js")) {
                Matcher inline = inlineScript.matcher(r.body());
                if (inline.find()) {
                    fail(screen + " holds script of its own: " + inline.group());
                }
            }
        }
        HttpResponse<String> api = events.admin().get(ManagementApiIT.COLLECTION, ManagementApiIT.ATOM);
        assertEquals(200, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Security-Policy").isEmpty(), "the API keeps its own headers");
    }

    @Test
    void theSessionCookieIsOnlySentByTheScreensThemselvesAndNeverReadByScripts() {
        SignedInClient client = new SignedInClient(events.admin().base());
        HttpResponse<String> first = client.get("admin/credentials.xhtml");
        HttpResponse<String> signedIn = client.signInResponse(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
        for (HttpResponse<String> r : List.of(first, signedIn)) {
            List<String> cookies = r.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("JSESSIONID=")).toList();
            assertEquals(1, cookies.size(), "one session cookie: " + cookies);
            List<String> attributes = List.of(cookies.get(0).toLowerCase(Locale.ROOT).split("\\s*;\\s*"));
            assertTrue(attributes.contains("samesite=strict") && attributes.contains("httponly"), cookies.get(0));
            assertFalse(attributes.contains("secure"), "plain HTTP: " + cookies.get(0));
        }
    }

    @Test
    void aClickInAStaleTabReloadsThePageWithANoticeInsteadOfAnError() {
        String point = RUN + "/stale.isml";
        events.create(point, "{\"title\":\"Stale\"}");
        URI base = events.admin().base();
        SignedInClient client = new SignedInClient(base);
        client.signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
        String page = "/admin/point.xhtml?point=" + point;
        HttpResponse<String> post = client.post("admin/point.xhtml", "dialog=dialog&dialog%3Atitle=Changed"
                + "&dialog%3Aok=OK&jakarta.faces.ViewState=" + STALE_VIEW, "Referer", base.resolve(page).toString());
        assertTrue(post.statusCode() == 302 || post.statusCode() == 303, post.statusCode() + " " + post.body());
        URI reload = base.resolve(post.headers().firstValue("Location").orElseThrow());
        assertEquals(page, reload.getRawPath() + "?" + reload.getRawQuery(), "the page as it was opened");
        HttpResponse<String> reloaded = client.get(reload.toString());
        assertEquals(200, reloaded.statusCode());
        assertTrue(reloaded.body().contains(EXPIRED_NOTICE), reloaded.body());
        assertTrue(events.admin().get(point + "/settings", ManagementApiIT.JSON).body().contains("\"Stale\""),
                "nothing was changed");

        String refresh = "points=points&jakarta.faces.source=points&jakarta.faces.partial.ajax=true"
                + "&jakarta.faces.partial.execute=%40none&jakarta.faces.partial.render=points%3Astatus"
                + "&jakarta.faces.ViewState=" + STALE_VIEW;
        HttpResponse<String> ajax = client.post("admin/index.xhtml", refresh, "Faces-Request", "partial/ajax");
        assertEquals(200, ajax.statusCode(), ajax.body());
        assertTrue(ajax.body().contains("<redirect url=\"/admin/index.xhtml\""), ajax.body());
        assertTrue(client.get("admin/index.xhtml").body().contains(EXPIRED_NOTICE), "the notice after the reload");

        HttpResponse<String> formOfEndedSession = new SignedInClient(base).post("admin/index.xhtml",
                "points=points&points%3Astart=Start&jakarta.faces.ViewState=" + STALE_VIEW);
        assertEquals(303, formOfEndedSession.statusCode());
        assertEquals(base.resolve("/admin/signin.html?expired"),
                base.resolve(formOfEndedSession.headers().firstValue("Location").orElseThrow()));
    }

    @Test
    void metricsExposeThePerTrackFiguresWhileAStreamIsLive() {
        String point = RUN + "/metrics.isml";
        events.create(point, "{\"autoStart\":true}");
        HttpResponse<String> anonymous = events.admin().anonymous().get("services/metrics", "text/plain");
        assertEquals(401, anonymous.statusCode(), "the metrics need the administrator");
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        try (Encoder encoder = Encoder.push(Media.content().resolve("source.mp4"), events.url(point), "--loop")) {
            LiveEvents.await(PATIENCE, "four tracks arriving, in the metrics", () -> {
                Map<String, Double> incoming = Metrics.samples(metrics(), "openlss_track_incoming_bits_per_second", point);
                return incoming.size() == 4 && incoming.values().stream().allMatch(v -> v > 0);
            });
            askForAFragment(point);
            HttpResponse<String> scrape = events.admin().get("services/metrics", "text/plain");
            String type = scrape.headers().firstValue("Content-Type").orElse("").replace(" ", "");
            assertTrue(type.startsWith("text/plain;") && type.contains("version=0.0.4"), type);
            String text = scrape.body();
            assertTrue(text.contains("openlss_publishing_point_state{point=\"" + point + "\",state=\"Started\"} 1\n"),
                    text);
            for (String metric : List.of("openlss_track_fragments_ingested_total", "openlss_track_ingested_bytes_total",
                    "openlss_track_encoded_bits_per_second")) {
                Map<String, Double> samples = Metrics.samples(text, metric, point);
                assertEquals(List.of("stream1/1", "stream1/2", "stream1/3", "stream1/4"),
                        samples.keySet().stream().sorted().toList(), metric);
                assertTrue(samples.values().stream().allMatch(v -> v > 0), metric + " " + samples);
            }
            assertTrue(Metrics.samples(text, "openlss_track_fragments_served_total", point).values().stream()
                    .anyMatch(v -> v >= 1), "the fragment served is counted");
            assertTrue(Metrics.samples(text, "openlss_track_served_bytes_total", point).values().stream()
                    .anyMatch(v -> v > 0));
            assertTrue(text.contains("# TYPE openlss_track_requests_per_second gauge"));
            encoder.stop();
        }
    }

    /**
     * Issue 17 on the details page: the Event Log card lists what happened to the point with UTC times and shows a
     * new event at the next refresh without a reload; the charts draw the history the server keeps (a uPlot canvas
     * per chart, series with data points while the stream is live), with uPlot from the WAR, within the screens'
     * Content Security Policy.
     */
    @Test
    void theDetailsPageShowsTheEventLogAndDrawsTheCharts() {
        String point = RUN + "/console.isml";
        events.create(point, "{\"autoStart\":true}");
        signIn();
        try (Encoder encoder = Encoder.push(Media.content().resolve("source.mp4"), events.url(point), "--loop")) {
            askForAFragment(point);
            pages.open("/admin/details.xhtml?point=" + point);
            pages.markPage();
            browser.await("the encoder's connection and the start in the event log", PATIENCE, d -> {
                List<String> kinds = eventLogColumn("kind");
                return kinds.contains("Encoder connected") && kinds.contains("State changed");
            });
            assertTrue(eventLogColumn("text").contains("Starting → Started"), eventLogColumn("text").toString());
            assertTrue(eventLogColumn("text").contains("from 127.0.0.1"), eventLogColumn("text").toString());
            assertTrue(eventLogColumn("stream").contains("stream1"));
            String time = browser.find("table.events tr.event td.time time").getAttribute("datetime");
            assertTrue(time.endsWith("Z") && time.startsWith(String.valueOf(java.time.Year.now(
                    java.time.ZoneOffset.UTC))), time);
            assertTrue(browser.text("table.events tr.event td.time").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"),
                    browser.text("table.events tr.event td.time"));

            browser.await("a bit-rate chart with a series per track and data points", Duration.ofSeconds(40),
                    d -> chartFigure("bitrate", "series") == 4 && chartFigure("bitrate", "points") >= 8);
            browser.await("fragment arrivals and requests per output drawn", Duration.ofSeconds(40),
                    d -> chartFigure("fragments", "points") >= 4 && chartFigure("requests", "series") >= 1);
            for (String chart : List.of("bitrate", "fragments", "requests")) {
                assertEquals(1, browser.driver().findElements(By.cssSelector("[data-chart=" + chart
                        + "] .uplot canvas")).size(), chart + ": one uPlot canvas");
            }
            assertTrue(browser.text("[data-chart=requests] .u-legend").contains("IIS Smooth Streaming"),
                    browser.text("[data-chart=requests] .u-legend"));
            assertTrue(browser.text("[data-chart=bitrate] .u-legend").contains("stream1 #1"),
                    browser.text("[data-chart=bitrate] .u-legend"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelector('.event-log').scrollIntoView();");
            browser.screenshot("details-event-log");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelector('.charts').scrollIntoView();");
            browser.screenshot("details-charts");
            org.openqa.selenium.WebElement canvas = browser.find("[data-chart=bitrate] .uplot canvas");

            encoder.stop();
            browser.await("the end of stream in the event log without a reload", PATIENCE,
                    d -> eventLogColumn("kind").contains("End of stream"));
            assertEquals("End of stream", eventLogColumn("kind").stream().filter(k -> !k.equals("State changed")
                    && !k.equals("Encoder disconnected")).findFirst().orElseThrow(), "newest first");
            assertTrue(pages.markStillThere(), "the event log refreshed itself; the page was not reloaded");
            assertTrue(canvas.isDisplayed(), "the charts are updated in place, not redrawn by the page's refresh");
        }
        HttpResponse<String> history = events.admin().anonymous().get("admin/history?point=" + point,
                ManagementApiIT.JSON);
        assertTrue(history.statusCode() >= 300 && !history.body().contains("stream1"),
                "the history is for the signed-in administrator only: " + history.statusCode() + " " + history.body());
        assertEquals(List.of(), browser.policyViolations(), "the charts work within the Content Security Policy");
    }

    private List<String> eventLogColumn(String column) {
        return browser.driver().findElements(By.cssSelector("table.events tr.event td." + column)).stream()
                .map(e -> e.getText().trim()).toList();
    }

    /** What charts.js says it draws in a chart: {@code series} or {@code points}; -1 before it drew. */
    private int chartFigure(String chart, String figure) {
        String value = browser.find("[data-chart=" + chart + "]").getAttribute("data-" + figure);
        return value == null ? -1 : Integer.parseInt(value);
    }

    private String metrics() {
        HttpResponse<String> r = events.admin().get("services/metrics", "text/plain");
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void theServerAddressLeadsToTheScreens() {
        HttpResponse<String> landing = events.admin().anonymous().get("", "text/html");
        assertEquals(200, landing.statusCode(), landing.body());
        assertTrue(landing.body().contains("href=\"admin/\"") && landing.body().contains("href=\"openapi\"")
                && landing.body().contains("href=\"health/ready\""), landing.body());
        browser = Browser.start();
        pages = new AdminPages(browser, events.admin().base());
        pages.open("/");
        browser.leadsToNewPage("the sign-in page", PATIENCE, () -> browser.find("#screens").click());
        assertTrue(browser.driver().getCurrentUrl().contains("/admin/signin"), browser.driver().getCurrentUrl());
    }

    /**
     * A point with a 200-character name and 50 streams: the list keeps its status columns beside the Actions pane,
     * and its details open with one line per stream (opened one by one, kept open across refreshes).
     */
    @Test
    void longNamesAndFiftyStreamsKeepThePagesReadable() throws Exception {
        String name = "channel-" + "x".repeat(200 - "channel-.isml".length()) + ".isml";
        assertEquals(200, name.length());
        String point = RUN + "/" + name;
        events.create(point, "{\"autoStart\":true,\"maxStreams\":64}");
        events.state(point, "Started");
        String body = java.nio.file.Path.of(getClass().getResource("/org/openlss/mp4/ffmpeg-tiny.body").toURI())
                .toString();
        for (int i = 1; i <= 50; i++) {
            org.openlss.testing.TestTools.run(LiveEvents.fmp4Post("--no-pace", "--max-fragments", "1", "--no-mfra",
                    body, events.url(point) + "/Streams(feed" + i + ")"), new byte[0]);
        }
        assertEquals(50, events.statistics(point).getJsonArray("inputStreams").size());

        signIn();
        pages.open("/admin/?point=" + point);
        browser.await("the point listed", PATIENCE, d -> pages.listed(point));
        browser.screenshot("long-name-list");
        Map<?, ?> layout = (Map<?, ?>) pages.script("const name = document.querySelector('tr.selected td.name');"
                + "const row = name.closest('tr'); const actions = document.querySelector('aside.actions');"
                + "const last = row.querySelector('td.server-distribution');"
                + "return {nameRight: name.getBoundingClientRect().right, lastRight: last.getBoundingClientRect().right,"
                + " actionsLeft: actions.getBoundingClientRect().left,"
                + " pageWidth: document.documentElement.scrollWidth, window: window.innerWidth};");
        double actionsLeft = ((Number) layout.get("actionsLeft")).doubleValue();
        assertTrue(((Number) layout.get("nameRight")).doubleValue() <= actionsLeft
                && ((Number) layout.get("lastRight")).doubleValue() <= actionsLeft, "nothing under the Actions pane: "
                + layout);
        assertTrue(((Number) layout.get("pageWidth")).doubleValue() <= ((Number) layout.get("window")).doubleValue(),
                "the page does not scroll sideways: " + layout);

        pages.open("/admin/details.xhtml?point=" + point);
        browser.await("50 stream groups", PATIENCE,
                d -> ((Number) pages.script("return document.querySelectorAll('details.stream-group').length;"))
                        .intValue() == 50);
        browser.screenshot("details-50-streams");
        assertEquals(0L, pages.script("return document.querySelectorAll('details.stream-group[open]').length;"),
                "with 50 streams the groups start closed");
        long height = ((Number) pages.script("return document.getElementById('details:tracks')"
                + ".getBoundingClientRect().height;")).longValue();
        assertTrue(height < 2600, "50 streams' track details stay within a few screens: " + height + " px");
        pages.script("document.querySelector(\"details[data-node='tracks/feed7']\").open = true;");
        pages.markPage();
        String firstUpdate = pages.textOf(".updated .time");
        browser.await("a refresh", PATIENCE, d -> !pages.textOf(".updated .time").equals(firstUpdate));
        assertTrue(pages.markStillThere());
        assertEquals(List.of("feed7"), pages.script("return Array.from(document.querySelectorAll("
                + "'details.stream-group[open]')).map(d => d.dataset.node.substring('tracks/'.length));"),
                "the opened stream stays open across the refresh");
        assertEquals(List.of(), browser.policyViolations());
    }

    // --- Preview: the players of the details page and of an archive's Preview link (issue 17) ---------------------

    @Test
    void thePreviewPlaysTheLiveStreamInEachFormatAndSwitchesToTheQualityLevelPicked() {
        String point = RUN + "/preview.isml";
        events.create(point, "{\"autoStart\":true,\"hls\":{\"enabled\":true,\"segmentLength\":\"PT2S\"}}");
        signIn();
        try (Encoder encoder = Encoder.push(Media.content().resolve("source.mp4"), events.url(point), "--loop")) {
            LiveEvents.await(PATIENCE, "fragments offered to players", () -> events.videoChunks(point) >= 2);
            pages.open("/admin/details.xhtml?point=" + point);
            assertEquals("stopped", previewState(), "nothing plays before the operator asks");
            assertEquals(Boolean.TRUE, script("return window.Hls === undefined && window.dashjs === undefined"
                    + " && document.getElementById('preview-video').currentSrc === '';"), "no player loaded yet");
            assertEquals(List.of("smooth Smooth Streaming", "dash MPEG-DASH", "hls HLS"), previewFormats());
            assertTrue(pages.textOf("#preview-format option[data-format=hls]").equals("HLS")
                    && browser.find("#preview-format option[data-format=hls]").getAttribute("value")
                    .endsWith("/" + point + "/Manifest(format=m3u8-aapl)"), "HLS from the MPEG-2 TS output");
            script("document.getElementById('preview-video').dataset.mark = 'the first video element';");
            for (String format : List.of("hls", "dash", "smooth")) {
                play(format);
                double latency = browser.await("the latency behind the live edge of " + format, PATIENCE, d -> {
                    String shown = pages.textOf("#preview-latency");
                    return shown.matches("\\d+\\.\\d s") ? Double.valueOf(shown.replace(" s", "")) : null;
                });
                assertTrue(latency > 0 && latency < 60, format + ": " + latency + " s behind the live edge");
                String output = Map.of("hls", "Apple HTTP Live Streaming", "dash", "MPEG-DASH", "smooth",
                        "IIS Smooth Streaming").get(format);
                browser.await("the playing preview among the outputs in use", PATIENCE,
                        d -> pages.textOf(".outputs").contains(output + ": 1 client")
                                && pages.textOf("details[data-node='Destinations']").contains(output));
                browser.screenshot("preview-" + format);
                switchLevel(format);
                browser.find("#preview-stop").click();
                assertEquals("stopped", previewState());
            }
            assertEquals("the first video element", script(
                    "return document.getElementById('preview-video').dataset.mark;"),
                    "the refreshes of the page never redrew the player");
            assertTrue(pages.trackFigures().size() == 4, "the details went on refreshing beside the player");
            encoder.stop();
        }
        assertEquals(List.of(), browser.policyViolations(), "the players work within the Content Security Policy");
    }

    @Test
    void anArchivedEventPlaysThroughThePreviewLinkBesideItsUrl() {
        String point = RUN + "/archived.isml";
        events.create(point, "{\"autoStart\":true,\"archive\":{\"enabled\":true}}");
        try (Encoder encoder = Encoder.push(Media.content().resolve("source.mp4"), events.url(point), "--loop",
                "-t", "40", "--no-re")) {
            assertEquals(0, encoder.waitFor(90), encoder.log());
        }
        LiveEvents.await(PATIENCE, "the event ended (DVR-only)", () -> "Stopped".equals(events.state(point)));
        signIn();
        pages.open("/admin/details.xhtml?point=" + point);
        assertEquals(List.of("smooth Smooth Streaming", "dash MPEG-DASH"), previewFormats(), "no HLS on this point");
        assertTrue(pages.textOf(".preview-note").startsWith("HLS is not offered: it is off for this point"),
                pages.textOf(".preview-note"));

        pages.open("/admin/index.xhtml?point=" + point);
        String archiveUrl = browser.await("the archive URL with its Preview link", PATIENCE, d -> {
            String shown = pages.textOf("[id='points:summary'] .archive-path a:not(.preview-link)");
            return shown.endsWith("/archived.ism/Manifest") ? shown : null;
        });
        LiveEvents.await(PATIENCE, "the archive served", () -> events.admin().anonymous()
                .get(archiveUrl.substring(1), "*/*").statusCode() == 200);
        browser.screenshot("archive-preview-link");
        browser.leadsToNewPage("the archive's preview", PATIENCE, () -> browser.find("a.preview-link").click());
        assertEquals("Archive Preview · OpenLSS", browser.driver().getTitle());
        assertEquals("stopped", previewState());
        assertEquals(List.of("smooth Smooth Streaming", "dash MPEG-DASH", "hls HLS", "hls HLS (CMAF)"),
                previewFormats());
        String base = archiveUrl.substring(0, archiveUrl.length() - "Manifest".length());
        List<String> manifests = List.of(base + "Manifest", base + "Manifest(format=mpd-time-cmaf)",
                base + "Manifest(format=m3u8-aapl)", base + "Manifest(format=m3u8-cmaf)");
        assertEquals(manifests, script("return Array.from(document.querySelectorAll('#preview-format option'))"
                + ".map(o => o.value);"));
        List<String> formats = List.of("smooth", "dash", "hls", "hls-cmaf");
        for (int i = 0; i < formats.size(); i++) {
            String format = formats.get(i);
            play(format, manifests.get(i));
            assertEquals("not live (on demand)", pages.textOf("#preview-latency"), format);
            browser.screenshot("preview-archive-" + format);
            if (format.equals("dash")) {
                switchLevel(format);
            }
            browser.find("#preview-stop").click();
        }
        pages.open("/admin/preview.xhtml?archive=/etc/passwd");
        assertTrue(pages.textOf(".problem").startsWith("Nothing to preview"), pages.textOf(".problem"));
        assertTrue(browser.driver().findElements(By.id("preview")).isEmpty(), "no player for what is not an archive");
        assertEquals(List.of(), browser.policyViolations(), "the players work within the Content Security Policy");
    }

    /** The formats the Preview card offers, as {@code key label}. */
    @SuppressWarnings("unchecked")
    private List<String> previewFormats() {
        return (List<String>) script("return Array.from(document.querySelectorAll('#preview-format option'))"
                + ".map(o => o.dataset.format + ' ' + o.textContent.trim());");
    }

    private String previewState() {
        return (String) script("return document.getElementById('preview').dataset.state;");
    }

    /** Chooses {@code format} (its first manifest), presses Play, and waits for the video to advance by 3 s of media. */
    private void play(String format) {
        play(format, browser.find("#preview-format option[data-format=" + format + "]").getAttribute("value"));
    }

    /** Chooses the format whose manifest is {@code manifest}, presses Play, and waits as {@link #play(String)}. */
    private void play(String format, String manifest) {
        new Select(browser.find("#preview-format")).selectByValue(manifest);
        browser.find("#preview-play").click();
        browser.await(format + " playing; the page shows: " + pages.textOf("#preview-state") + " "
                + pages.textOf("#preview-error"), PATIENCE, d -> "playing".equals(previewState()));
        double start = currentTime();
        browser.await(format + " advancing by 3 s from " + start, PATIENCE, d -> currentTime() >= start + 3);
        assertEquals("", pages.textOf("#preview-error"), format + ": no error reported");
    }

    /** Picks in the quality picker a video level other than the one playing, and waits for the player to play it. */
    private void switchLevel(String format) {
        String playing = browser.await(format + ": the level playing", PATIENCE,
                d -> (String) script("return document.getElementById('preview').dataset.level || null;"));
        List<String> levels = List.of(((String) script("return document.getElementById('preview').dataset.levels;"))
                .split(" "));
        assertEquals(3, levels.size(), format + ": the three video levels pushed, " + levels);
        assertEquals(levels.size() + 1, new Select(browser.find("#preview-level")).getOptions().size(), "Auto first");
        int pick = levels.indexOf(playing) == 0 ? levels.size() - 1 : 0;
        new Select(browser.find("#preview-level")).selectByValue(String.valueOf(pick));
        browser.await(format + ": switched from " + playing + " to " + levels.get(pick), PATIENCE,
                d -> levels.get(pick).equals(script("return document.getElementById('preview').dataset.level;")));
        assertTrue(pages.textOf("#preview-playing").startsWith(Math.round(Long.parseLong(levels.get(pick)) / 1000.0)
                + " Kbps"), "the level shown as playing: " + pages.textOf("#preview-playing"));
        double at = currentTime();
        browser.await(format + ": playing on after the switch", PATIENCE, d -> currentTime() >= at + 1);
        new Select(browser.find("#preview-level")).selectByValue("-1");
    }

    private double currentTime() {
        return ((Number) script("return document.getElementById('preview-video').currentTime;")).doubleValue();
    }

    private Object script(String js) {
        return ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(js);
    }

    /** Import… takes an IIS .isml file; a file with settings OpenLSS lacks is refused next to the file field. */
    @Test
    void importAnIisDefinitionFileThroughTheScreens() throws Exception {
        signIn();
        String point = RUN + "/imported.isml";
        java.nio.file.Path good = isml("push-archive-hls.isml");
        java.nio.file.Path bad = isml("unsupported.isml");
        pages.open("/admin/");
        pages.click("points:import", false);
        assertTrue(browser.driver().getTitle().startsWith("Import Publishing Point"), browser.driver().getTitle());
        browser.driver().findElement(By.id("import:file")).sendKeys(good.toString());
        pages.type("import:fileName", point);
        pages.click("import:ok", false);
        browser.await("the imported point listed", PATIENCE, d -> pages.listed(point));
        assertTrue(pages.pageMessages().contains("Imported /" + point), pages.pageMessages());
        assertEquals("Idle (Shutdown)", pages.cell(point, "state"));
        assertTrue(pages.textOf("[id='points:summary'] .options").contains("Archiving"),
                pages.textOf("[id='points:summary'] .options"));
        String export = String.valueOf(pages.script("return document.getElementById('points:export').href;"));
        assertTrue(java.net.URLDecoder.decode(export, java.nio.charset.StandardCharsets.UTF_8)
                .contains("export.xhtml?point=" + point), "an Export link for the selected point: " + export);
        String download = String.valueOf(pages.script("return fetch(arguments[0]).then(async r => "
                + "r.headers.get('Content-Disposition') + '|' + await r.text());", export));
        assertTrue(download.startsWith("attachment; filename=\"imported.isml\"|<?xml"), download);
        assertTrue(download.contains("<meta name=\"publishing\" content=\"Fragments;Streams;Archives\"/>"), download);
        assertEquals(200, events.admin().get(point + "/settings", "application/atom+xml").statusCode());

        String refused = RUN + "/refused.isml";
        pages.click("points:import", false);
        browser.driver().findElement(By.id("import:file")).sendKeys(bad.toString());
        pages.type("import:fileName", refused);
        pages.click("import:ok", false);
        String error = pages.fieldError("import:file");
        for (String named : List.of("module", "formats", "'mpeg-dash'", "lookaheadChunks", "ref[1]")) {
            assertTrue(error.contains(named), named + " in " + error);
        }
        assertEquals("", pages.fieldError("import:fileName"));
        assertEquals(404, events.admin().get(refused + "/settings", "application/atom+xml").statusCode(),
                "nothing created");
        assertEquals(List.of(), browser.policyViolations());
    }

    private static java.nio.file.Path isml(String name) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("openlss-", "-" + name);
        file.toFile().deleteOnExit();
        try (java.io.InputStream in = AdministrationIT.class.getResourceAsStream("/org/openlss/pubpoint/isml/"
                + name)) {
            java.nio.file.Files.write(file, in.readAllBytes());
        }
        return file;
    }
}
