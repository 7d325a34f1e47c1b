package org.openlss.pubpoint.credential;

import java.time.Instant;

/** What the API and screens show of a stored credential: never the secret. */
public record CredentialDescription(String name, String userName, Instant created) {
}
