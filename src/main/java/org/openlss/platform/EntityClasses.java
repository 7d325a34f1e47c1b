package org.openlss.platform;

import java.util.List;

/**
 * The JPA entities a feature keeps in the application's database. Each feature that persists something offers one
 * as a bean, so the database knows every entity without the leaf package importing the features.
 */
public interface EntityClasses {
    List<Class<?>> entities();
}
