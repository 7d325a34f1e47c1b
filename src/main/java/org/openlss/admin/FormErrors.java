package org.openlss.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.openlss.pubpoint.InvalidSettingException;

/**
 * The problems of a submitted form by the id of the field at fault (relative to the form), first problem per field.
 * Settings report their faults by settings field name ({@code ClientConnections/WindowLength}); {@link #FIELDS} says
 * which input of the dialog that is.
 */
final class FormErrors {
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("path", "fileName"),
            Map.entry("Title", "title"),
            Map.entry("EstimatedDuration", "estimatedDuration"),
            Map.entry("SourceType", "sourceType"),
            Map.entry("PullFrom", "pullUrlList"),
            Map.entry("PushTo", "pushUrlList"),
            Map.entry("IngestCredential", "ingestCredential"),
            Map.entry("AutoRestartOnEncoderReconnect", "autoRestart"),
            Map.entry("LookAheadChunks", "lookAheadChunks"),
            Map.entry("AnonymousIngest", "anonymousIngest"),
            Map.entry("MaxStreams", "maxStreams"),
            Map.entry("Archive/SegmentLength", "segmentLength"),
            Map.entry("Archive/Path", "archivePath"),
            Map.entry("ClientConnections/WindowLength", "windowLength"),
            Map.entry("HLS/SegmentLength", "hlsSegmentLength"),
            Map.entry("HLS/MaxBitRate", "hlsMaxBitRate"),
            Map.entry("HLS/Encryption/Key", "encryptionKey"),
            Map.entry("Name", "name"),
            Map.entry("UserName", "userName"),
            Map.entry("Password", "password"));

    private final Map<String, String> byField = new LinkedHashMap<>();

    /** The value {@code build} makes, or null after noting its problem (at {@code fallbackId} if not a known field). */
    <T> T check(String fallbackId, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidSettingException e) {
            add(fieldId(e, fallbackId), e.problem());
            return null;
        }
    }

    void add(String fieldId, String message) {
        byField.putIfAbsent(fieldId, message);
    }

    boolean any() {
        return !byField.isEmpty();
    }

    Map<String, String> all() {
        return Map.copyOf(byField);
    }

    static String fieldId(InvalidSettingException e, String fallbackId) {
        return FIELDS.getOrDefault(e.field(), fallbackId);
    }
}
