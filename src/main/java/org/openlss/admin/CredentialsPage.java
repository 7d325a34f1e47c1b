package org.openlss.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.credential.CredentialDescription;
import org.openlss.pubpoint.credential.Credentials;
import org.openlss.pubpoint.credential.NewCredential;
import org.openlss.web.Permissions.Kind;

/**
 * Manage Credentials: the stored credentials (name, user name, when stored), adding one and deleting one. A secret is
 * typed once and never shown again; the form forgets it as soon as it is stored.
 */
@Named
@ViewScoped
public class CredentialsPage implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "credential";

    @Inject
    Credentials credentials;
    @Inject
    ScreenUser user;

    private String name = "";
    private String userName = "";
    private transient String password = "";

    public List<CredentialDescription> getStored() {
        return credentials.list();
    }

    public String add() {
        FormErrors errors = new FormErrors();
        NewCredential credential = errors.check("name", () -> new NewCredential(name.trim(), userName, password));
        password = "";
        if (errors.any()) {
            Messages.forFields(FORM, errors.all());
            return null;
        }
        try {
            user.require(Kind.SETTINGS, null);
            credentials.create(credential);
        } catch (ManagementException e) {
            Messages.error(e.getMessage());
            return null;
        }
        Messages.infoAfterRedirect("Stored the credential '" + credential.name() + "'.");
        return "credentials?faces-redirect=true";
    }

    public String delete(String credentialName) {
        try {
            user.require(Kind.SETTINGS, null);
            credentials.delete(credentialName);
        } catch (ManagementException e) {
            Messages.error(e.getMessage());
            return null;
        }
        Messages.infoAfterRedirect("Deleted the credential '" + credentialName + "'.");
        return "credentials?faces-redirect=true";
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName == null ? "" : userName;
    }

    /** Always empty: the page never sends a secret back to the browser. */
    public String getPassword() {
        return "";
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }
}
