package org.openlss.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openlss.platform.EntityClasses;

/** The accounts live in the database. */
@ApplicationScoped
public class AccountEntities implements EntityClasses {
    @Override
    public List<Class<?>> entities() {
        return List.of(AccountEntity.class);
    }
}
