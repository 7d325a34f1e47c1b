package org.openlss.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openlss.pubpoint.ManagementException;
import org.openlss.web.Accounts;
import org.openlss.web.Accounts.AccountView;
import org.openlss.web.Role;

/**
 * Accounts (administrators only: the edge keeps every other role from this page): every account with its role and
 * folders, adding one, changing one's role, folders or password, removing one. A password is typed once, stored as a
 * hash and never shown again; the form forgets it at once. {@link Accounts} refuses what would leave no
 * administrator, or give a configured account another role, with a message shown on the page.
 */
@Named
@ViewScoped
public class AccountsPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    Accounts accounts;

    /** The account being changed, or null while adding one. */
    private String editing;
    private String user = "";
    private transient String password = "";
    private String role = Role.VIEWER.title();
    /** The folders as typed: separated by commas or spaces. */
    private String folders = "";

    public List<AccountView> getAccounts() {
        return accounts.list();
    }

    /** The role of {@code account} as the screens name it. */
    public String roleOf(AccountView account) {
        return Role.of(account.role()).map(Role::title).orElse(account.role());
    }

    /** The folders that limit {@code account}, or that none do. */
    public String foldersOf(AccountView account) {
        return account.folders().isEmpty() ? "every point" : String.join(", ", account.folders());
    }

    public List<String> getRoles() {
        return Arrays.stream(Role.values()).map(Role::title).toList();
    }

    public String save() {
        String typed = password;
        password = "";
        try {
            Role chosen = Role.of(role).orElseThrow();
            List<String> limits = Arrays.stream(folders.split("[,\\s]+")).filter(f -> !f.isEmpty()).toList();
            if (editing == null) {
                accounts.create(user.strip(), typed, chosen, limits);
                Messages.infoAfterRedirect("Added the " + chosen.title() + " account '" + user.strip() + "'.");
            } else {
                accounts.update(editing, Optional.of(typed).filter(p -> !p.isEmpty()), chosen, limits);
                Messages.infoAfterRedirect("Changed the account '" + editing + "'.");
            }
        } catch (ManagementException e) {
            Messages.error(e.getMessage());
            return null;
        }
        return "accounts?faces-redirect=true";
    }

    /** Fills the form with {@code account}, to change it. */
    public void edit(AccountView account) {
        editing = account.user();
        user = account.user();
        role = roleOf(account);
        folders = String.join(", ", account.folders());
        password = "";
    }

    public String cancel() {
        return "accounts?faces-redirect=true";
    }

    public String delete(String account) {
        try {
            accounts.delete(account);
        } catch (ManagementException e) {
            Messages.error(e.getMessage());
            return null;
        }
        Messages.infoAfterRedirect("Removed the account '" + account + "'.");
        return "accounts?faces-redirect=true";
    }

    public String getEditing() {
        return editing;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user == null ? "" : user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getFolders() {
        return folders;
    }

    public void setFolders(String folders) {
        this.folders = folders == null ? "" : folders;
    }
}
