package org.openlss.pubpoint.rest;

import jakarta.json.stream.JsonGenerator;
import org.openlss.pubpoint.PublishingPointStatistics;
import org.openlss.pubpoint.PublishingPointStatistics.Destination;
import org.openlss.pubpoint.PublishingPointStatistics.InputStream;
import org.openlss.pubpoint.PublishingPointStatistics.OutputStream;
import org.openlss.pubpoint.PublishingPointStatistics.Track;

/** The statistics of a publishing point as JSON, the twin of the Atom {@code Statistics} element. */
final class StatisticsJson {
    private StatisticsJson() {
    }

    static void write(JsonGenerator g, String name, PublishingPointStatistics s) {
        g.writeStartObject(name);
        g.writeStartArray("inputStreams");
        for (InputStream in : s.inputStreams()) {
            g.writeStartObject().write("id", in.id()).write("state", in.state());
            SettingsJson.nullable(g, "archiveFileName", in.archiveFileName());
            g.writeStartObject("source").write("name", in.sourceName()).write("sourceType", in.sourceType());
            SettingsJson.nullable(g, "sourceIp", in.sourceHost());
            g.writeEnd();
            g.writeStartArray("sinks");
            in.sinks().forEach(g::write);
            g.writeEnd();
            g.writeStartArray("tracks");
            for (Track t : in.tracks()) {
                g.writeStartObject().write("id", t.id()).write("name", t.name()).write("type", t.type())
                        .write("encodedBitRate", t.encodedBitRate())
                        .write("incomingBitRate", t.incomingBitRate())
                        .write("incomingFragmentWaitTime", t.incomingFragmentWaitTime().toString())
                        .write("incomingFragmentTimeStamp", t.incomingFragmentTimeStamp())
                        .write("incomingFragmentDuration", t.incomingFragmentDuration())
                        .write("requestRate", t.requestRate())
                        .write("fragmentsIngested", t.fragmentsIngested())
                        .write("fragmentsServed", t.fragmentsServed())
                        .write("bytesIngested", t.bytesIngested())
                        .write("bytesServed", t.bytesServed())
                        .write("maxLateArrival", t.maxLateArrival().toString())
                        .writeEnd();
            }
            g.writeEnd().writeEnd();
        }
        g.writeEnd();
        g.writeStartArray("outputStreams");
        for (OutputStream out : s.outputStreams()) {
            g.writeStartObject().write("name", out.name())
                    .write("lastOutputFragmentTimestamp", out.lastOutputFragmentTimestamp()).writeEnd();
        }
        g.writeEnd();
        g.writeStartArray("destinations");
        for (Destination d : s.destinations()) {
            g.writeStartObject().write("host", d.host()).write("type", d.outputType()).write("clients", d.clients());
            SettingsJson.nullable(g, "status", d.status());
            g.writeStartArray("streams");
            d.streams().forEach(g::write);
            g.writeEnd().writeEnd();
        }
        g.writeEnd();
        SettingsJson.nullable(g, "archivePath", s.archivePath());
        SettingsJson.nullable(g, "archiveUrl", s.archiveUrl());
        g.writeEnd();
    }
}
