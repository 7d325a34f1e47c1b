package org.openlss.it;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What an administrator does on the screens, for the browser tests. The status and details pages redraw parts of
 * themselves every two seconds, so figures are read in one script call and clicks are retried when the refresh
 * replaced the element just found.
 */
final class AdminPages {
    private static final Duration PAGE_LOAD = Duration.ofSeconds(30);
    private final Browser browser;
    private final URI base;

    AdminPages(Browser browser, URI base) {
        this.browser = browser;
        this.base = base;
    }

    /** Track Details figures of one row. */
    record TrackRow(long incomingKbps, long timestamp) {
    }

    void signIn(String user, String password) {
        browser.open(base.resolve("/admin/").toString());
        browser.await("the sign-in page", PAGE_LOAD, d -> d.getCurrentUrl().contains("/admin/signin.html"));
        type("username", user);
        type("password", password);
        browser.screenshot("sign-in");
        clickThrough(browser.find("button[type=submit]"));
        browser.await("the publishing points page", PAGE_LOAD, d -> d.getTitle().startsWith("Live Smooth Streaming"));
    }

    void open(String pathAndQuery) {
        browser.open(base.resolve(pathAndQuery).toString());
    }

    void openAdd() {
        open("/admin/");
        clickThrough(byId("points:add"));
        browser.await("the Add dialog", PAGE_LOAD, d -> d.getTitle().startsWith("Add Publishing Point"));
    }

    void type(String id, String text) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(text);
    }

    void check(String id) {
        WebElement box = byId(id);
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** Picks the radio button of {@code value} in the group {@code id}. */
    void choose(String id, String value) {
        browser.find("input[name='" + id + "'][value='" + value + "']").click();
    }

    /** Picks the option labelled {@code label} in the drop-down list {@code id}. */
    void select(String id, String label) {
        new Select(byId(id)).selectByVisibleText(label);
    }

    void tab(String name) {
        browser.find("button[data-tab='" + name + "']").click();
    }

    /** OK in the dialog: a new page, the dialog again with messages or the points page. */
    void ok() {
        clickThrough(byId("dialog:ok"));
    }

    /** The message shown next to the field {@code id}, or empty. */
    String fieldError(String id) {
        List<WebElement> messages = browser.driver().findElements(By.xpath(
                "//*[@id='" + id + "']/following-sibling::*[contains(@class,'field-error')][1]"));
        return messages.isEmpty() ? "" : messages.get(0).getText().trim();
    }

    String pageMessages() {
        return browser.text("#messages");
    }

    /** The text of the element {@code css} selects, read in one go (the refresh may redraw it any time); or empty. */
    String textOf(String css) {
        Object text = script("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : '';", css);
        return ((String) text).replaceAll("\\s+", " ");
    }

    /** The text of a column ({@code state}, {@code archive}, ...) of a point's line on the publishing points page. */
    String cell(String point, String column) {
        Object text = script("const c = document.querySelector(\"tr[data-point='" + point + "'] td." + column + "\");"
                + "return c ? c.textContent.trim() : null;");
        return text == null ? "" : (String) text;
    }

    boolean listed(String point) {
        return script("return document.querySelector(\"tr[data-point='" + point + "']\") !== null;") == Boolean.TRUE;
    }

    /** The actions offered for the selected point, as labelled. */
    @SuppressWarnings("unchecked")
    List<String> actions() {
        return (List<String>) script("return Array.from(document.querySelectorAll('#points\\\\:actions input, "
                + "#points\\\\:actions a')).map(e => (e.value || e.textContent).trim());");
    }

    /**
     * Clicks the button or link {@code id} (e.g. {@code points:start}, {@code details:back}) and waits for the page it
     * leads to; with {@code confirm}, accepts the question the page asks first (Delete).
     */
    void click(String id, boolean confirm) {
        browser.leadsToNewPage("the page after " + id, PAGE_LOAD, () -> {
            browser.await("clicked " + id, PAGE_LOAD, d -> {
                try {
                    byId(id).click();
                    return true;
                } catch (StaleElementReferenceException redrawn) {
                    return false;
                }
            });
            if (confirm) {
                browser.driver().switchTo().alert().accept();
            }
        });
    }

    /** Track Details by stream and track id. */
    @SuppressWarnings("unchecked")
    Map<String, TrackRow> trackFigures() {
        List<List<Object>> rows = (List<List<Object>>) script("return Array.from(document.querySelectorAll('tr.track'))"
                + ".map(r => [r.dataset.stream + '/' + r.dataset.track, r.querySelector('.incoming').textContent.trim(),"
                + " r.querySelector('.timestamp').textContent.trim()]);");
        Map<String, TrackRow> figures = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            figures.put((String) row.get(0), new TrackRow(Long.parseLong((String) row.get(1)),
                    Long.parseLong((String) row.get(2))));
        }
        return figures;
    }

    /** Makes the page's forms name a view the server does not hold, like a tab left open across another sign-in. */
    void forgetView() {
        script("document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\").forEach(i => i.value = '-1:-1');");
    }

    /** Marks the loaded page; a reload would lose the mark. */
    void markPage() {
        script("window.openlssTestMark = 'unchanged page';");
    }

    boolean markStillThere() {
        return "unchanged page".equals(script("return window.openlssTestMark;"));
    }

    private void clickThrough(WebElement button) {
        browser.leadsToNewPage("the next page", PAGE_LOAD, button::click);
    }

    private WebElement byId(String id) {
        return browser.driver().findElement(By.id(id));
    }

    Object script(String js, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(js, arguments);
    }
}
