package org.openlss.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openlss.web.Accounts.Standing;
import org.openlss.web.Permissions.Decision;
import org.openlss.web.Permissions.Kind;

/**
 * The sign-in of the administration screens under {@code /admin/}: a plain HTML page ({@link #PAGE}) posts the user
 * name and password of an administrator, operator or viewer account to {@link #ACTION}, checked against the same
 * accounts as the API's Basic credentials and throttled alike (the page then says how long to wait); the user is then
 * kept in the HTTP session (under a new session id). Every screen request reads the account again, so a changed role
 * or removed account takes effect at once, and {@link Permissions} decides whether its role may open the page
 * ({@link #pageKind}); the pages hide what the role may not do and their actions check it again. Anyone else is sent
 * to the sign-in page, and back to where they were going once signed in.
 */
final class AdminSignIn {
    static final String PAGE = "/admin/signin.html";
    static final String ACTION = "/admin/signin";
    /** What the sign-in page itself needs before anyone is signed in. */
    private static final Set<String> PUBLIC = Set.of(PAGE, "/admin/admin.css", "/admin/admin.js");
    /** The pages that do more than read, by their lower-case path; every other screen is {@link Kind#READ}. */
    private static final Map<String, Kind> PAGE_KINDS = Map.of(
            "/admin/point.xhtml", Kind.SETTINGS,
            "/admin/import.xhtml", Kind.SETTINGS,
            "/admin/accounts.xhtml", Kind.ACCOUNTS,
            "/admin/audit.xhtml", Kind.AUDIT);
    private static final String USER = AdminSignIn.class.getName() + ".user";
    private static final String RETURN_TO = AdminSignIn.class.getName() + ".returnTo";
    private static final String HOME = "/admin/";

    private AdminSignIn() {
    }

    /** Whether {@code path} belongs to the screens; case-blind, so no file system can serve a page around it. */
    static boolean covers(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.equals("/admin") || lower.startsWith("/admin/");
    }

    static Access check(HttpServletRequest request, HttpServletResponse response, String path,
                        Accounts accounts) throws IOException {
        if (PUBLIC.contains(path)) {
            return Access.ANONYMOUS;
        }
        if (path.equals(ACTION) && "POST".equals(request.getMethod())) {
            signIn(request, response, accounts);
            return Access.ANSWERED;
        }
        HttpSession session = request.getSession(false);
        Object user = session == null ? null : session.getAttribute(USER);
        Optional<Standing> standing = user instanceof String name ? screenUser(accounts, name) : Optional.empty();
        if (standing.isEmpty()) {
            if (user != null) {
                // the account was removed, or may no longer use the screens, since it signed in
                session.invalidate();
            }
            askToSignIn(request, response, path);
            return Access.ANSWERED;
        }
        Role role = standing.get().role();
        Decision decision = Permissions.decide(role, standing.get().folders(), pageKind(path), null);
        if (!decision.allowed()) {
            refuse(response, decision.message());
            return Access.ANSWERED;
        }
        return Access.as(new Caller((String) user, Set.of(role.stored())), HttpServletRequest.FORM_AUTH);
    }

    /** The kind of action opening the screen at {@code path} is. */
    static Kind pageKind(String path) {
        return PAGE_KINDS.getOrDefault(path.toLowerCase(Locale.ROOT), Kind.READ);
    }

    /** The role and folders of {@code user} while it may use the screens: an encoder account never may. */
    private static Optional<Standing> screenUser(Accounts accounts, String user) {
        return accounts.standing(user).filter(standing -> standing.role() != Role.ENCODER);
    }

    private static void signIn(HttpServletRequest request, HttpServletResponse response, Accounts accounts) {
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        if (user == null || password == null) {
            redirect(request, response, PAGE + "?failed");
            return;
        }
        SignIn signIn = accounts.screens(user, password, request.getRemoteAddr());
        if (!signIn.granted()) {
            redirect(request, response, PAGE + (signIn.throttled() ? "?throttled=" + signIn.retryAfterSeconds()
                    : "?failed"));
            return;
        }
        HttpSession session = request.getSession(true);
        Object returnTo = session.getAttribute(RETURN_TO);
        session.removeAttribute(RETURN_TO);
        // a session id known before the sign-in (fixed by an attacker) must not become an administrator's
        request.changeSessionId();
        session.setAttribute(USER, user);
        redirect(request, response, returnTo instanceof String target ? target : HOME);
    }

    /**
     * A page request goes to the sign-in page and remembers where it was going (only a GET: a form posted after the
     * session expired cannot be replayed). A Faces Ajax request (the Details page refreshing itself) gets the
     * redirect as a Faces partial response, which the page's script follows. Anything but a GET comes from a page
     * whose session has ended, and the sign-in page says so.
     */
    private static void askToSignIn(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        String signInPage = "GET".equals(request.getMethod()) ? PAGE : PAGE + "?expired";
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml;charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            response.getOutputStream().write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + request.getContextPath() + signInPage + "\"/></partial-response>").getBytes(StandardCharsets.UTF_8));
            return;
        }
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            request.getSession(true).setAttribute(RETURN_TO, query == null ? path : path + "?" + query);
        }
        redirect(request, response, signInPage);
    }

    /** A page the role may not open: plain text, so the message (which may quote a folder) needs no escaping. */
    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(("Forbidden: " + message + "\nThe publishing points are at /admin/.\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** 303: the browser follows with a GET, also after a POST. */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, String target) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + target);
        response.setHeader("Cache-Control", "no-store");
    }
}
