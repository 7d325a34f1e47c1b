package org.openlss.pubpoint.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The management API under {@code /services}. The per-publishing-point resources IIS serves at the point's own URL
 * ({@code /live/channel1.isml/settings}) are forwarded here by the request router.
 */
@ApplicationPath("services")
public class ManagementApplication extends Application {
}
