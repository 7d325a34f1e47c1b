/**
 * Timed text as captions travel in Smooth Streaming: TTML documents (the samples of a sparse {@code CAPT} track,
 * and sidecar files) and WebVTT (sidecar files, and the HLS subtitles rendition), both read into and written from
 * {@link org.openlss.mp4.text.Cue}s. Plain Java, shared by the server and the push encoder.
 */
package org.openlss.mp4.text;
