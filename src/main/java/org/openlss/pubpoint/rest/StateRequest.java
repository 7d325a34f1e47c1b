package org.openlss.pubpoint.rest;

import org.openlss.pubpoint.PublishingPointState;

/** The body of a state update: the state the administrator asks for. */
record StateRequest(PublishingPointState target) {
}
