package org.openlss.pubpoint;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openlss.platform.EntityClasses;
import org.openlss.pubpoint.credential.StoredCredentialEntity;

/** Publishing point definitions and stored credentials live in the database. */
@ApplicationScoped
public class PublishingPointEntities implements EntityClasses {
    @Override
    public List<Class<?>> entities() {
        return List.of(PublishingPointEntity.class, StoredCredentialEntity.class);
    }
}
