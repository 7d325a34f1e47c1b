package org.openlss.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The Basic Settings tab: file name, title, estimated duration, live source type and, for Pull, the upstream URLs
 * (the first is the primary, the others failover) each with a credential; plus the ingest credential, our addition.
 */
public class BasicSettingsForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private String fileName = "";
    private String title = "";
    private String estimatedDuration = "00:00:00";
    private String sourceType = "Push";
    private final List<UrlRow> pullUrls = new ArrayList<>();
    private String ingestCredential = "";

    public boolean isPull() {
        return "Pull".equals(sourceType);
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName == null ? "" : fileName;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title == null ? "" : title;
    }

    public String getEstimatedDuration() {
        return estimatedDuration;
    }

    public void setEstimatedDuration(String estimatedDuration) {
        this.estimatedDuration = estimatedDuration;
    }

    public String getSourceType() {
        return sourceType;
    }

    public void setSourceType(String sourceType) {
        this.sourceType = sourceType;
    }

    public List<UrlRow> getPullUrls() {
        return pullUrls;
    }

    public String getIngestCredential() {
        return ingestCredential;
    }

    public void setIngestCredential(String ingestCredential) {
        this.ingestCredential = ingestCredential == null ? "" : ingestCredential;
    }
}
