package org.openlss.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Who did what, and when: sign-ins, failed ones and throttling, and every management change. Each entry goes to the
 * logger {@code org.openlss.audit}, which keeps them all, and into the newest {@value #KEPT} in memory, which the
 * screens and the API show. The HTTP edge says whom a request acts for ({@link #actingAs}); a change recorded on that
 * request's thread is theirs, any other the server's own.
 */
@ApplicationScoped
public class AuditTrail {
    public static final int KEPT = 200;
    /** Who a change is by when no request acts for anyone (restarts, the server's own decisions). */
    public static final String SERVER = "server";
    private static final Logger LOG = Logger.getLogger("org.openlss.audit");
    private static final int MAX_TEXT = 300;

    private final Clock clock;
    private final BoundedLog<Entry> newest;
    private final ThreadLocal<Actor> acting = new ThreadLocal<>();

    /** One thing that happened; {@code address} is the client's, empty for the server itself. */
    public record Entry(Instant time, String user, String address, String event) {
    }

    private record Actor(String user, String address) {
    }

    /** Closes the scope of {@link #actingAs}. */
    public interface Acting extends AutoCloseable {
        @Override
        void close();
    }

    public AuditTrail() {
        this(Clock.systemUTC(), KEPT);
    }

    AuditTrail(Clock clock, int kept) {
        this.clock = clock;
        this.newest = new BoundedLog<>(kept);
    }

    /** Until closed, changes recorded on this thread are by {@code user} from {@code address}. */
    public Acting actingAs(String user, String address) {
        Actor previous = acting.get();
        acting.set(new Actor(user, address));
        return () -> {
            if (previous == null) {
                acting.remove();
            } else {
                acting.set(previous);
            }
        };
    }

    /** Records what {@code user} from {@code address} did or tried (a sign-in, which no one acts for yet). */
    public void record(String user, String address, String event) {
        Entry entry = new Entry(clock.instant(), clean(user), clean(address), clean(event));
        newest.add(entry);
        LOG.info(entry.user() + (entry.address().isEmpty() ? "" : " from " + entry.address()) + ": " + entry.event());
    }

    /** Records a change by whoever this thread acts for. */
    public void change(String event) {
        Actor actor = acting.get();
        record(actor == null ? SERVER : actor.user(), actor == null ? "" : actor.address(), event);
    }

    /** The entries kept, newest first. */
    public List<Entry> recent() {
        return newest.recent();
    }

    /** No line breaks or other control characters (a user name is anyone's text), and no essays. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_TEXT + 1));
        for (int i = 0; i < text.length() && clean.length() < MAX_TEXT; i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean breaks = type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            clean.append(Character.isISOControl(c) || breaks ? '?' : c);
        }
        return text.length() > MAX_TEXT ? clean.append('…').toString() : clean.toString();
    }
}
