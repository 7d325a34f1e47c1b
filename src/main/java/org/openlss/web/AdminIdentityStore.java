package org.openlss.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Checks administrator credentials for the management API and the screens. */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {
    public static final String ADMIN_ROLE = "admin";

    @Inject
    AdminAccounts accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential c
                && accounts.verify(c.getCaller(), c.getPasswordAsString())) {
            return new CredentialValidationResult(c.getCaller(), Set.of(ADMIN_ROLE));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
