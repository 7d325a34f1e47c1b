package org.openlss.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * The database: a connection pool, the Liquibase migrations, and Hibernate as JPA provider with resource-local
 * transactions. Hibernate is bootstrapped here rather than from a container-managed persistence unit, so the same WAR
 * needs no datasource or JPA configuration on Payara (which ships EclipseLink) or WildFly, and the schema is migrated
 * before the first entity manager exists.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    private static final String CHANGELOG = "liquibase/db.changelog.xml";

    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;

    private Database(HikariDataSource dataSource, EntityManagerFactory entityManagerFactory) {
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
    }

    /**
     * Opens the pool, migrates the schema and builds the entity manager factory for {@code entities}. With a
     * {@code schema} (a plain SQL name, or null for the database's default) every connection works in it, and it is
     * created first when missing.
     */
    public static Database open(String url, String user, String password, String schema, List<Class<?>> entities) {
        HikariDataSource dataSource = pool(url, user, password,
                schema == null ? null : createSchema(url, user, password, schema));
        try {
            migrate(dataSource);
            return new Database(dataSource, entityManagerFactory(dataSource, entities));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Creates {@code schema} unless it exists, before the pool that works in it (H2 refuses to switch a connection to a
     * missing schema), and returns its name as the database spells it (unquoted names fold: H2 to upper case,
     * PostgreSQL to lower), which is what Liquibase and the pool must use.
     */
    private static String createSchema(String url, String user, String password, String schema) {
        try (HikariDataSource bootstrap = pool(url, user, password, null);
             Connection connection = bootstrap.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            try (ResultSet schemas = connection.getMetaData().getSchemas()) {
                while (schemas.next()) {
                    if (schemas.getString("TABLE_SCHEM").equalsIgnoreCase(schema)) {
                        return schemas.getString("TABLE_SCHEM");
                    }
                }
            }
            throw new SQLException("it is not listed after it was created");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database schema " + schema + ": " + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(String url, String user, String password, String schema) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("openlss");
        config.setJdbcUrl(url);
        // credentials may also come in the URL (e.g. ?user=...): only set what was configured
        if (user != null && !user.isEmpty()) {
            config.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        if (schema != null) {
            config.setSchema(schema);
        }
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setAutoCommit(true);
        // The driver class must come from the WAR's class loader, not from the container's DriverManager view.
        config.setDriverClassName(url.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : "org.h2.Driver");
        return new HikariDataSource(config);
    }

    private static void migrate(DataSource dataSource) {
        ClassLoader loader = Database.class.getClassLoader();
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader),
                Scope.Attr.classLoader.name(), loader,
                "liquibase.analytics.enabled", false,
                "liquibase.checks.enabled", false);
        try (Connection connection = dataSource.getConnection()) {
            Scope.child(scope, () -> {
                liquibase.database.Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                        .execute();
            });
            LOG.info("Database schema is up to date (" + connection.getMetaData().getDatabaseProductName() + ")");
        } catch (Exception e) {
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        }
    }

    private static EntityManagerFactory entityManagerFactory(DataSource dataSource, List<Class<?>> entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.TRANSACTION_COORDINATOR_STRATEGY, "jdbc")
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.JAKARTA_VALIDATION_MODE, "none")
                .applySetting(AvailableSettings.ALLOW_UPDATE_OUTSIDE_TRANSACTION, false)
                .applySetting(AvailableSettings.JPA_METAMODEL_POPULATION, "disabled")
                .applySetting("hibernate.enhancer.enableDirtyTracking", false)
                .applySetting("hibernate.enhancer.enableLazyInitialization", false)
                .applySetting("hibernate.enhancer.enableAssociationManagement", false)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /** Runs {@code work} in one transaction, committing on return and rolling back on any exception. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /** Whether a connection can be had and answers within {@code seconds}. */
    public boolean reachable(int seconds) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(seconds);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        entityManagerFactory.close();
        dataSource.close();
    }
}
