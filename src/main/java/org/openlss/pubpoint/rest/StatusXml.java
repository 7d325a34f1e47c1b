package org.openlss.pubpoint.rest;

import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointStatistics;
import org.openlss.pubpoint.PublishingPointStatistics.Destination;
import org.openlss.pubpoint.PublishingPointStatistics.InputStream;
import org.openlss.pubpoint.PublishingPointStatistics.OutputStream;
import org.openlss.pubpoint.PublishingPointStatistics.Track;
import org.openlss.pubpoint.PublishingPointStatus;

/**
 * The {@code State} and {@code Statistics} elements of the SmoothStreaming schema. After {@code State} we add a
 * {@code Status} element with the per-behaviour status IIS Manager showed; clients written for IIS ignore it.
 */
final class StatusXml {
    /** E_FAIL: IIS reports an HRESULT as the last error; our message goes into Status/ErrorMessage. */
    static final String LAST_ERROR_HRESULT = "0x80004005";

    private StatusXml() {
    }

    static void writeState(XMLStreamWriter w, PublishingPoint point, PublishingPointStatus status)
            throws XMLStreamException {
        w.writeStartElement("State");
        SettingsXml.element(w, "Value", point.state().name());
        if (point.state() == PublishingPointState.Error) {
            SettingsXml.element(w, "LastError", LAST_ERROR_HRESULT);
        } else {
            w.writeEmptyElement("LastError");
        }
        w.writeEndElement();
        w.writeStartElement("Status");
        SettingsXml.element(w, "State", status.sourcing().name());
        SettingsXml.element(w, "Archive", status.archive().name());
        SettingsXml.element(w, "ClientDVR", status.clientDvr().name());
        SettingsXml.element(w, "ServerDistribution", status.serverDistribution().name());
        w.writeStartElement("EnabledOptions");
        for (String option : status.enabledOptions()) {
            SettingsXml.element(w, "Option", option);
        }
        w.writeEndElement();
        if (point.lastError() != null) {
            SettingsXml.element(w, "ErrorMessage", point.lastError());
        }
        if (status.archiveError() != null) {
            SettingsXml.element(w, "ArchiveError", status.archiveError());
        }
        if (status.sourcingError() != null) {
            SettingsXml.element(w, "SourcingError", status.sourcingError());
        }
        if (status.distributionError() != null) {
            SettingsXml.element(w, "DistributionError", status.distributionError());
        }
        if (status.archivePath() != null) {
            SettingsXml.element(w, "ArchivePath", status.archivePath());
        }
        if (status.archiveUrl() != null) {
            SettingsXml.element(w, "ArchiveUrl", status.archiveUrl());
        }
        w.writeEndElement();
    }

    static void writeStatistics(XMLStreamWriter w, PublishingPointStatistics s) throws XMLStreamException {
        w.writeStartElement("Statistics");
        w.writeStartElement("InputStreams");
        for (InputStream in : s.inputStreams()) {
            w.writeStartElement("InputStream");
            w.writeAttribute("id", in.id());
            SettingsXml.element(w, "State", in.state());
            if (in.archiveFileName() != null) {
                SettingsXml.element(w, "ArchiveFileName", in.archiveFileName());
            }
            w.writeStartElement("Sources");
            w.writeStartElement("Source");
            w.writeAttribute("name", in.sourceName());
            w.writeStartElement("Properties");
            property(w, "Source Type", in.sourceType());
            property(w, "Source IP", in.sourceHost());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("Sinks");
            for (String sink : in.sinks()) {
                w.writeEmptyElement("Sink");
                w.writeAttribute("name", sink);
            }
            w.writeEndElement();
            w.writeStartElement("Tracks");
            for (Track t : in.tracks()) {
                track(w, t);
            }
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeStartElement("OutputStreams");
        for (OutputStream out : s.outputStreams()) {
            w.writeStartElement("OutputStream");
            w.writeAttribute("name", out.name());
            SettingsXml.element(w, "LastOutputFragmentTimestamp", out.lastOutputFragmentTimestamp());
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeStartElement("Destinations");
        for (Destination d : s.destinations()) {
            w.writeStartElement("Destination");
            w.writeAttribute("host", d.host());
            w.writeAttribute("type", d.outputType());
            w.writeAttribute("clients", String.valueOf(d.clients()));
            if (d.status() != null) {
                w.writeAttribute("status", d.status());
            }
            for (String stream : d.streams()) {
                SettingsXml.element(w, "Stream", stream);
            }
            w.writeEndElement();
        }
        w.writeEndElement();
        if (s.archivePath() != null) {
            SettingsXml.element(w, "ArchivePath", s.archivePath());
        }
        if (s.archiveUrl() != null) {
            SettingsXml.element(w, "ArchiveUrl", s.archiveUrl());
        }
        w.writeEndElement();
    }

    private static void track(XMLStreamWriter w, Track t) throws XMLStreamException {
        w.writeStartElement("Track");
        w.writeAttribute("id", t.id());
        SettingsXml.element(w, "Name", t.name());
        SettingsXml.element(w, "Type", t.type());
        SettingsXml.element(w, "EncodedBitRate", t.encodedBitRate());
        SettingsXml.element(w, "IncomingBitRate", t.incomingBitRate());
        SettingsXml.element(w, "IncomingFragmentWaitTime", t.incomingFragmentWaitTime().toString());
        SettingsXml.element(w, "IncomingFragmentTimeStamp", t.incomingFragmentTimeStamp());
        SettingsXml.element(w, "IncomingFragmentDuration", t.incomingFragmentDuration());
        SettingsXml.element(w, "RequestRate", String.format(Locale.ROOT, "%.2f", t.requestRate()));
        SettingsXml.element(w, "FragmentsIngested", t.fragmentsIngested());
        SettingsXml.element(w, "FragmentsServed", t.fragmentsServed());
        SettingsXml.element(w, "BytesIngested", t.bytesIngested());
        SettingsXml.element(w, "BytesServed", t.bytesServed());
        w.writeEndElement();
    }

    private static void property(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement("Property");
        w.writeAttribute("name", name);
        w.writeCharacters(value == null ? "" : value);
        w.writeEndElement();
    }
}
