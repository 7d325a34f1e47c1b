package org.openlss.pubpoint.rest;

import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.credential.NewCredential;

/**
 * What the body fuzz targets hold every reader to: a body is either read or refused with a {@link ManagementException}
 * of a 4xx code (what the API answers as a 400), and settings once accepted come back unchanged through both
 * representations, as a client reading them and sending them back would see.
 */
final class RequestBodyChecks {
    /** The resources a request body carries; a fuzz input's first byte picks one (the seeds' digit '0', '1', '2'). */
    static final List<Class<?>> RESOURCES = List.of(PublishingPointSettings.class, StateRequest.class,
            NewCredential.class);
    private static final URI SITE = URI.create("http://media.example/");

    private RequestBodyChecks() {
    }

    @FunctionalInterface
    interface Read {
        Object read(Class<?> type, byte[] body) throws IOException;
    }

    static void check(byte[] input, Read reader) throws IOException {
        if (input.length == 0) {
            return;
        }
        Class<?> type = RESOURCES.get((input[0] & 0xFF) % RESOURCES.size());
        Object value;
        try {
            value = reader.read(type, Arrays.copyOfRange(input, 1, input.length));
        } catch (ManagementException refused) {
            if (refused.code().httpStatus() / 100 != 4) {
                throw new AssertionError("refused with " + refused.code() + ", not a 4xx", refused);
            }
            return;
        }
        if (value instanceof PublishingPointSettings settings) {
            PublishingPoint point = new PublishingPoint(PublishingPointPath.of("/live/channel1.isml"), settings,
                    PublishingPointState.Idle, null, 1, Instant.EPOCH, Instant.EPOCH);
            ManagementDocument entry = new ManagementDocument.SettingsEntry(point, SITE);
            sameAgain(settings, AtomXmlProvider.read(type, new ByteArrayInputStream(write(new AtomXmlProvider(), entry))));
            sameAgain(settings, JsonProvider.read(type, new ByteArrayInputStream(write(new JsonProvider(), entry))));
        }
    }

    private static void sameAgain(PublishingPointSettings accepted, Object readBack) {
        if (!accepted.equals(readBack)) {
            throw new AssertionError("settings changed on the way back: " + accepted + " became " + readBack);
        }
    }

    private static byte[] write(MessageBodyWriter<ManagementDocument> writer, ManagementDocument document)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(document, document.getClass(), document.getClass(), new Annotation[0], null, null, out);
        return out.toByteArray();
    }
}
