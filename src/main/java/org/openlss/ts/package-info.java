/**
 * MPEG-2 Transport Stream muxer for HLS: turns already-demuxed H.264 access units and raw AAC frames into TS
 * segments (ISO/IEC 13818-1), and encrypts them for the HLS AES-128 method (RFC 8216 §5.2).
 *
 * <p>Plain Java on purpose (no container, no other OpenLSS package): the input is plain values, so the HLS segmenter
 * and the push encoder can both use it. {@link org.openlss.ts.TsSegmentWriter} is the entry point.
 */
package org.openlss.ts;
