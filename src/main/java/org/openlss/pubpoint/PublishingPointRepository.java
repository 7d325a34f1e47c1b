package org.openlss.pubpoint;

import java.util.List;

/** Where publishing point definitions and states are kept. */
public interface PublishingPointRepository {
    List<PublishingPoint> loadAll();

    /** Stores a new point; fails with ALREADY_EXISTS when the path is taken. */
    void insert(PublishingPoint point);

    /** Stores the settings, state and event of an existing point. */
    void update(PublishingPoint point);

    void delete(PublishingPointPath path);
}
