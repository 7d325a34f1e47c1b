package org.openlss.admin;

import java.io.Serializable;

/**
 * The Mobile Devices tab: output to Apple devices (HLS) with its segment length in seconds, highest bitrate in bits
 * per second, caching, iOS 3 compatibility, codecs in the playlists and AES-128 encryption with its key.
 */
public class MobileSettingsForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private boolean hls;
    private String segmentLength = "10";
    private String maxBitRate = "1600000";
    private boolean allowCaching;
    private boolean backwardCompatible;
    private boolean includeCodecs;
    private boolean encryption;
    private String encryptionKey = "";

    public boolean isHls() {
        return hls;
    }

    public void setHls(boolean hls) {
        this.hls = hls;
    }

    public String getSegmentLength() {
        return segmentLength;
    }

    public void setSegmentLength(String segmentLength) {
        this.segmentLength = segmentLength;
    }

    public String getMaxBitRate() {
        return maxBitRate;
    }

    public void setMaxBitRate(String maxBitRate) {
        this.maxBitRate = maxBitRate;
    }

    public boolean isAllowCaching() {
        return allowCaching;
    }

    public void setAllowCaching(boolean allowCaching) {
        this.allowCaching = allowCaching;
    }

    public boolean isBackwardCompatible() {
        return backwardCompatible;
    }

    public void setBackwardCompatible(boolean backwardCompatible) {
        this.backwardCompatible = backwardCompatible;
    }

    public boolean isIncludeCodecs() {
        return includeCodecs;
    }

    public void setIncludeCodecs(boolean includeCodecs) {
        this.includeCodecs = includeCodecs;
    }

    public boolean isEncryption() {
        return encryption;
    }

    public void setEncryption(boolean encryption) {
        this.encryption = encryption;
    }

    public String getEncryptionKey() {
        return encryptionKey;
    }

    public void setEncryptionKey(String encryptionKey) {
        this.encryptionKey = encryptionKey == null ? "" : encryptionKey;
    }
}
