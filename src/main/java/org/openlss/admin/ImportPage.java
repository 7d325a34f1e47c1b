package org.openlss.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPoints;
import org.openlss.pubpoint.isml.IsmlDefinition;
import org.openlss.pubpoint.isml.IsmlImport;

/**
 * Import… on the publishing points page: an IIS definition file ({@code .isml}) and the path of the new point. Every
 * problem shows next to the field it concerns and nothing is created; Export (a link of the Actions pane) sends the
 * selected point's definition file as a download.
 */
@Named
@RequestScoped
public class ImportPage {
    static final String FORM = "import";
    /** Definition files are a few kilobytes; the management API takes no larger one. */
    static final int MAX_BYTES = 64 * 1024;

    @Inject
    IsmlImport imports;
    @Inject
    PublishingPoints points;

    private Part file;
    private String fileName = "";
    private String exported;

    public String importPoint() {
        Map<String, String> errors = new LinkedHashMap<>();
        PublishingPointPath path = null;
        try {
            path = PublishingPointPath.of(fileName.trim());
        } catch (InvalidSettingException e) {
            errors.put("fileName", e.problem());
        }
        byte[] definition = read(errors);
        if (definition != null && path != null) {
            try {
                PublishingPoint point = imports.create(path, definition);
                Messages.infoAfterRedirect("Imported " + point.path().urlPath() + " from " + uploadedName() + ".");
                return "index?faces-redirect=true&point=" + point.path().value();
            } catch (ManagementException e) {
                errors.put(e.getMessage().contains("exists already") ? "fileName" : "file", text(e));
            }
        }
        Messages.forFields(FORM, errors);
        return null;
    }

    /** A refusal of the file names its items in the text already; beside the file field it reads as a sentence. */
    private static String text(ManagementException e) {
        if (e instanceof InvalidSettingException s && s.problem().startsWith("the .isml file")) {
            return "The" + s.problem().substring("the".length()) + ".";
        }
        return e.getMessage();
    }

    private byte[] read(Map<String, String> errors) {
        if (file == null || file.getSize() == 0) {
            errors.put("file", "Choose the .isml file IIS kept beside the publishing point.");
            return null;
        }
        if (file.getSize() > MAX_BYTES) {
            errors.put("file", "The file is larger than " + MAX_BYTES + " bytes; a publishing point definition is"
                    + " a few kilobytes.");
            return null;
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(MAX_BYTES);
        } catch (IOException e) {
            errors.put("file", "The file could not be read: " + e.getMessage());
            return null;
        }
    }

    private String uploadedName() {
        String name = file.getSubmittedFileName();
        return name == null || name.isBlank() ? "the file" : name;
    }

    /** The Export link: the selected point's definition file as a download, or back to the list with why not. */
    public String export() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            PublishingPoint point = points.get(PublishingPointPath.of(exported == null ? "" : exported));
            byte[] body = IsmlDefinition.write(point.settings());
            ExternalContext response = faces.getExternalContext();
            response.setResponseContentType(IsmlDefinition.MEDIA_TYPE + ";charset=utf-8");
            response.setResponseContentLength(body.length);
            response.setResponseHeader("Content-Disposition",
                    "attachment; filename=\"" + IsmlImport.fileName(point.path()) + "\"");
            response.setResponseHeader("Cache-Control", "no-store");
            try (OutputStream out = response.getResponseOutputStream()) {
                out.write(body);
            }
            faces.responseComplete();
            return null;
        } catch (ManagementException e) {
            Messages.error(e.getMessage());
            faces.getExternalContext().getFlash().setKeepMessages(true);
            return "index?faces-redirect=true";
        }
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName == null ? "" : fileName;
    }

    public String getExported() {
        return exported;
    }

    public void setExported(String exported) {
        this.exported = exported;
    }
}
