package org.openlss.pubpoint;

/** CDI event fired after a publishing point definition was deleted (it was shut down first). */
public record PublishingPointDeleted(PublishingPointPath path) {
}
