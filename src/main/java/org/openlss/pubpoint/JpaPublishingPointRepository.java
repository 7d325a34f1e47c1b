package org.openlss.pubpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.List;
import org.openlss.platform.PersistenceService;

/** Publishing point definitions in the relational database (table publishing_point and its URL lists). */
@ApplicationScoped
public class JpaPublishingPointRepository implements PublishingPointRepository {
    @Inject
    PersistenceService persistence;

    @Override
    public List<PublishingPoint> loadAll() {
        return persistence.inTransaction(em -> em.createQuery(
                        "select p from PublishingPointEntity p order by p.path", PublishingPointEntity.class)
                .getResultList().stream().map(JpaPublishingPointRepository::toPoint).toList());
    }

    @Override
    public void insert(PublishingPoint point) {
        try {
            persistence.inTransaction(em -> {
                if (find(em, point.path()) != null) {
                    throw exists(point.path());
                }
                PublishingPointEntity entity = new PublishingPointEntity(point.path(), point.settings(), point.updated());
                entity.setState(point.state(), point.lastError(), point.updated());
                em.persist(entity);
                return null;
            });
        } catch (PersistenceException e) {
            // a concurrent create of the same path lost the race on the unique constraint
            throw exists(point.path());
        }
    }

    @Override
    public void update(PublishingPoint point) {
        persistence.inTransaction(em -> {
            PublishingPointEntity entity = find(em, point.path());
            if (entity == null) {
                throw new ManagementException(ErrorCode.MPE_MGMT_PUBLISHING_POINT_NOT_FOUND,
                        "No publishing point at " + point.path().urlPath() + ".");
            }
            entity.setSettings(point.settings(), point.updated());
            entity.setState(point.state(), point.lastError(), point.updated());
            entity.setEvent(point.eventNumber(), point.eventStarted());
            return null;
        });
    }

    @Override
    public void delete(PublishingPointPath path) {
        persistence.inTransaction(em -> {
            PublishingPointEntity entity = find(em, path);
            if (entity != null) {
                em.remove(entity);
            }
            return null;
        });
    }

    private static PublishingPointEntity find(EntityManager em, PublishingPointPath path) {
        return em.createQuery("select p from PublishingPointEntity p where p.pathKey = :key", PublishingPointEntity.class)
                .setParameter("key", path.key()).getResultStream().findFirst().orElse(null);
    }

    private static PublishingPoint toPoint(PublishingPointEntity e) {
        return new PublishingPoint(e.path(), e.settings(), e.state(), e.lastError(), e.eventNumber(), e.eventStarted(),
                e.updated());
    }

    private static ManagementException exists(PublishingPointPath path) {
        return new ManagementException(ErrorCode.MPE_MGMT_PUBLISHING_POINT_ALREADY_EXISTS,
                "A publishing point exists already at " + path.urlPath() + ".");
    }
}
