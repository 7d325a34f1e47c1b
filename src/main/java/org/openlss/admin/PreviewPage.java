package org.openlss.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The Preview page of an archived presentation ({@code preview.xhtml?archive=/archive/.../channel1.ism/Manifest}),
 * opened from the archive URL the points page shows: the same player card as a point's details page, on demand.
 */
@Named
@RequestScoped
public class PreviewPage {
    private String archive;
    private Preview preview;
    private String problem;

    /** Before rendering: the formats of the archive named, or why there is nothing to play. */
    public void load() {
        try {
            preview = Preview.ofArchive(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath(),
                    archive);
            problem = null;
        } catch (IllegalArgumentException e) {
            preview = null;
            problem = "Nothing to preview: " + (archive == null || archive.isEmpty() ? "no archive named"
                    : "'" + archive + "' is not an archived presentation under /archive/") + ".";
        }
    }

    public Preview getPreview() {
        return preview;
    }

    public String getProblem() {
        return problem;
    }

    public String getArchive() {
        return archive;
    }

    public void setArchive(String archive) {
        this.archive = archive;
    }
}
