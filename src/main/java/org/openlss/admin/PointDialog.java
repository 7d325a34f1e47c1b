package org.openlss.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.Lifecycle;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPoints;
import org.openlss.pubpoint.credential.CredentialDescription;
import org.openlss.pubpoint.credential.Credentials;

/**
 * The Add / Edit Publishing Point dialog: {@code point.xhtml} adds, {@code point.xhtml?point=live/channel1.isml}
 * edits. Settings are checked by the settings themselves and stored by the same service as the REST API; every
 * problem is shown next to its field.
 */
@Named
@ViewScoped
public class PointDialog implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "dialog";

    @Inject
    PublishingPoints points;
    @Inject
    Credentials credentials;

    private String editing;
    private SettingsForm form = new SettingsForm();
    private boolean refused;
    private transient List<String> credentialNames;

    /** On opening: an edit loads the point's settings, and says at once when the point is not shut down. */
    public void open() {
        if (editing == null) {
            return;
        }
        try {
            PublishingPoint point = points.get(PublishingPointPath.of(editing));
            form = SettingsForm.of(point.path(), point.settings());
            refused = !Lifecycle.settingsEditable(point.state());
            if (refused) {
                Messages.warning(point.path().urlPath() + " is " + point.state().wording()
                        + ": its settings can only be changed while it is shut down. Shut it down first.");
            }
        } catch (ManagementException e) {
            Messages.error(e.getMessage());
            refused = true;
        }
    }

    public String save() {
        FormErrors errors = new FormErrors();
        PublishingPointPath path = editing == null ? form.path(errors)
                : errors.check("fileName", () -> PublishingPointPath.of(editing));
        SettingsForm.Outcome outcome = form.toSettings(errors);
        if (!outcome.errors().isEmpty()) {
            Messages.forFields(FORM, outcome.errors());
            return null;
        }
        try {
            if (editing == null) {
                points.create(path, outcome.settings());
                Messages.infoAfterRedirect("Added " + path.urlPath() + "; it is shut down until you start it.");
            } else {
                points.updateSettings(path, outcome.settings());
                Messages.infoAfterRedirect("Saved the settings of " + path.urlPath() + ".");
            }
        } catch (InvalidSettingException e) {
            errors.add(FormErrors.fieldId(e, "title"), e.problem());
            Messages.forFields(FORM, errors.all());
            return null;
        } catch (ManagementException e) {
            if (e.code() == ErrorCode.MPE_MGMT_PUBLISHING_POINT_ALREADY_EXISTS) {
                errors.add("fileName", e.getMessage());
                Messages.forFields(FORM, errors.all());
            } else {
                Messages.error(e.getMessage());
            }
            return null;
        }
        return "index?faces-redirect=true&point=" + path.value();
    }

    /** Add and Remove of the pull and push URL lists. */
    public void addUrl(List<UrlRow> urls) {
        urls.add(new UrlRow());
    }

    public void removeUrl(List<UrlRow> urls, UrlRow row) {
        urls.remove(row);
    }

    /** The names to choose from for a URL's or the ingest credential; "(None)" is offered by the page. */
    public List<String> getCredentialNames() {
        if (credentialNames == null) {
            credentialNames = credentials.list().stream().map(CredentialDescription::name).toList();
        }
        return credentialNames;
    }

    public boolean isAdding() {
        return editing == null;
    }

    /** Whether the point may not take new settings now (not shut down, or gone). */
    public boolean isRefused() {
        return refused;
    }

    public SettingsForm getForm() {
        return form;
    }

    public String getEditing() {
        return editing;
    }

    public void setEditing(String editing) {
        this.editing = editing == null || editing.isBlank() ? null : editing;
    }
}
