package org.openlss.pubpoint.credential;

import org.openlss.pubpoint.Check;
import org.openlss.pubpoint.InvalidSettingException;

/** A credential an administrator asks to store. */
public record NewCredential(String name, String userName, String password) {
    public NewCredential {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._~-]{0,127}")) {
            throw new InvalidSettingException("Name", "'" + name
                    + "' is not a credential name (1-128 letters, digits, '.', '_', '~', '-')");
        }
        if (userName == null || userName.isEmpty() || userName.length() > 256 || userName.indexOf(':') >= 0
                || userName.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || !Check.xmlCarries(userName)) {
            throw new InvalidSettingException("UserName", "is required: 1-256 characters, no ':' (HTTP Basic), no "
                    + "control characters and no " + Check.NOT_IN_XML);
        }
        if (password == null || password.isEmpty() || password.length() > 1024
                || password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidSettingException("Password", "is required: 1-1024 characters, no control characters");
        }
    }

    @Override
    public String toString() {
        return "NewCredential[name=" + name + ", userName=" + userName + "]";
    }
}
