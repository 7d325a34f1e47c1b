package org.openlss.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openlss.platform.EntityClasses;

/** The administrator account lives in the database. */
@ApplicationScoped
public class AccountEntities implements EntityClasses {
    @Override
    public List<Class<?>> entities() {
        return List.of(AdminAccountEntity.class);
    }
}
