package org.openlss.it;

/** Request bodies as an IIS script sends them. */
public final class Documents {
    private Documents() {
    }

    public static String entry(String smoothStreamingContent) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<entry xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<id>urn:uuid:1d7c3f0e-0000-4000-8000-000000000001</id><title>t</title>"
                + "<updated>2024-06-01T18:00:00Z</updated><content type=\"application/xml\">"
                + "<SmoothStreaming xmlns=\"http://schemas.microsoft.com/iis/media/2011/03/streaming/management\">"
                + smoothStreamingContent + "</SmoothStreaming></content></entry>";
    }

    public static String settingsEntry(String settingsContent) {
        return entry("<Settings>" + settingsContent + "</Settings>");
    }

    public static String stateEntry(String state) {
        return entry("<State><Value>" + state + "</Value></State>");
    }

    /** The create example of the management spec (§1.1), without the push URL. */
    public static String iisCreateEntry(String title) {
        return settingsEntry("<Title>" + title + "</Title><SourceType>Push</SourceType>"
                + "<EstimatedDuration>PT2H</EstimatedDuration><AutoStart>true</AutoStart>"
                + "<AutoRestartOnEncoderReconnect>true</AutoRestartOnEncoderReconnect>"
                + "<LookAheadChunks>2</LookAheadChunks>"
                + "<Archive enabled=\"true\"><SegmentLength>PT30M</SegmentLength><Path useEventIdOnPath=\"true\" />"
                + "</Archive><ClientConnections enabled=\"true\"><WindowLength>PT1H</WindowLength>"
                + "<ClientManifestVersion>2.2</ClientManifestVersion></ClientConnections>"
                + "<ServerConnections enabled=\"true\"><SendEndOfStreamOnStop>true</SendEndOfStreamOnStop>"
                + "</ServerConnections><Modules><Module id=\"hls\" type=\"sink\" name=\"HTTP Live Streaming\"><HLS>"
                + "<SegmentLength>PT10S</SegmentLength><MaxBitRate>1600000</MaxBitRate>"
                + "<AllowCaching>false</AllowCaching><BackwardCompatible>false</BackwardCompatible>"
                + "<IncludeCodecs>true</IncludeCodecs><Encryption enabled=\"false\" /></HLS></Module></Modules>");
    }
}
