package org.openlss.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The Advanced Settings tab: archive media (single or segmented presentation, segment length in minutes, and our
 * optional archive folder), client connections (DVR for the whole event or recent content, window in minutes), server
 * connections with the push URLs (Push only), automatic start (and restart when the encoder reconnects), lookahead,
 * and our ingest rules: whether encoders may publish without credentials, and how many streams the point takes.
 */
public class AdvancedSettingsForm implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String SINGLE = "single";
    static final String SEGMENTED = "segmented";
    static final String WHOLE_EVENT = "whole";
    static final String RECENT = "recent";

    private boolean archive;
    private String archiveMode = SINGLE;
    private String segmentLength = "30";
    private String archivePath = "";
    private boolean clientConnections = true;
    private String dvrMode = WHOLE_EVENT;
    private String windowLength = "30";
    private boolean serverConnections;
    private final List<UrlRow> pushUrls = new ArrayList<>();
    private boolean autoStart;
    private boolean autoRestart;
    private String lookAheadChunks = "2";
    private boolean anonymousIngest;
    private String maxStreams = "16";

    public boolean isArchive() {
        return archive;
    }

    public void setArchive(boolean archive) {
        this.archive = archive;
    }

    public String getArchiveMode() {
        return archiveMode;
    }

    public void setArchiveMode(String archiveMode) {
        this.archiveMode = archiveMode;
    }

    public String getSegmentLength() {
        return segmentLength;
    }

    public void setSegmentLength(String segmentLength) {
        this.segmentLength = segmentLength;
    }

    public String getArchivePath() {
        return archivePath;
    }

    public void setArchivePath(String archivePath) {
        this.archivePath = archivePath == null ? "" : archivePath;
    }

    public boolean isClientConnections() {
        return clientConnections;
    }

    public void setClientConnections(boolean clientConnections) {
        this.clientConnections = clientConnections;
    }

    public String getDvrMode() {
        return dvrMode;
    }

    public void setDvrMode(String dvrMode) {
        this.dvrMode = dvrMode;
    }

    public String getWindowLength() {
        return windowLength;
    }

    public void setWindowLength(String windowLength) {
        this.windowLength = windowLength;
    }

    public boolean isServerConnections() {
        return serverConnections;
    }

    public void setServerConnections(boolean serverConnections) {
        this.serverConnections = serverConnections;
    }

    public List<UrlRow> getPushUrls() {
        return pushUrls;
    }

    public boolean isAutoStart() {
        return autoStart;
    }

    public void setAutoStart(boolean autoStart) {
        this.autoStart = autoStart;
    }

    public boolean isAutoRestart() {
        return autoRestart;
    }

    public void setAutoRestart(boolean autoRestart) {
        this.autoRestart = autoRestart;
    }

    public String getLookAheadChunks() {
        return lookAheadChunks;
    }

    public void setLookAheadChunks(String lookAheadChunks) {
        this.lookAheadChunks = lookAheadChunks;
    }

    public boolean isAnonymousIngest() {
        return anonymousIngest;
    }

    public void setAnonymousIngest(boolean anonymousIngest) {
        this.anonymousIngest = anonymousIngest;
    }

    public String getMaxStreams() {
        return maxStreams;
    }

    public void setMaxStreams(String maxStreams) {
        this.maxStreams = maxStreams;
    }
}
