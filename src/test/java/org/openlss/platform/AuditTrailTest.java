package org.openlss.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.openlss.platform.AuditTrail.Entry;

class AuditTrailTest {
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private final AuditTrail audit = new AuditTrail(Clock.fixed(NOW, ZoneOffset.UTC), 3);

    @Test
    void keepsTheNewestEntriesNewestFirst() {
        for (int i = 1; i <= 5; i++) {
            audit.record("admin", "10.0.0.1", "change " + i);
        }
        assertEquals(List.of("change 5", "change 4", "change 3"), audit.recent().stream().map(Entry::event).toList());
        assertEquals(new Entry(NOW, "admin", "10.0.0.1", "change 5"), audit.recent().get(0));
    }

    @Test
    void aChangeIsByWhomTheThreadActsForElseTheServers() {
        audit.change("restored /live/a.isml");
        try (AuditTrail.Acting outer = audit.actingAs("admin", "10.0.0.1")) {
            try (AuditTrail.Acting inner = audit.actingAs("operator", "10.0.0.2")) {
                audit.change("created /live/b.isml");
            }
            audit.change("deleted /live/b.isml");
        }
        audit.change("stopped /live/a.isml");
        assertEquals(List.of(new Entry(NOW, AuditTrail.SERVER, "", "stopped /live/a.isml"),
                new Entry(NOW, "admin", "10.0.0.1", "deleted /live/b.isml"),
                new Entry(NOW, "operator", "10.0.0.2", "created /live/b.isml")), audit.recent());
    }

    @Test
    void everyEntryIsLoggedOnOneLineToTheAuditLogger() {
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("org.openlss.audit");
        logger.addHandler(handler);
        try {
            audit.record("ad\nmin\u2028", "10.0.0.1", "sign-in failed");
            audit.record("x".repeat(400), "10.0.0.1", "sign-in failed");
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals("ad?min? from 10.0.0.1: sign-in failed", logged.get(0));
        assertEquals("x".repeat(300) + "…", audit.recent().get(0).user());
    }
}
