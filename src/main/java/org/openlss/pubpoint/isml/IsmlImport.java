package org.openlss.pubpoint.isml;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.PublishingPoints;
import org.openlss.pubpoint.credential.Credentials;

/**
 * Creates a publishing point from an IIS definition file, through {@link PublishingPoints} so the same checks, the
 * case-insensitive names and the audit trail apply as for any create. Either the whole point is created or nothing.
 */
@ApplicationScoped
public class IsmlImport {
    @Inject
    PublishingPoints points;
    @Inject
    Credentials credentials;

    /** The settings {@code file} defines, checked but not stored; refusals name the file's meta names. */
    public PublishingPointSettings read(byte[] file) {
        return IsmlDefinition.read(file, credentials::exists);
    }

    public PublishingPoint create(PublishingPointPath path, byte[] file) {
        PublishingPointSettings settings = read(file);
        try {
            return points.create(path, settings);
        } catch (InvalidSettingException e) {
            // a check made on create (e.g. an archive folder the server does not allow): name the file's item
            throw new InvalidSettingException(e.code(), IsmlDefinition.metaOf(e.field()), e.problem());
        }
    }

    /** The definition file of a point, as IIS would have kept it beside the point. */
    public byte[] export(PublishingPointPath path) {
        return IsmlDefinition.write(points.get(path).settings());
    }

    /** The file name an exported definition is offered under, e.g. {@code channel1.isml}. */
    public static String fileName(PublishingPointPath path) {
        return path.presentationName() + ".isml";
    }
}
