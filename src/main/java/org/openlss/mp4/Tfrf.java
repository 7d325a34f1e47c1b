package org.openlss.mp4;

import java.util.ArrayList;
import java.util.List;

/**
 * TrackFragmentReferenceBox ({@code uuid} D4807EF2-…): the times and durations of the following
 * fragments of the same track, the live client's lookahead (smooth-client.md §3.2). Written as
 * version 1 with a one-byte FragmentCount.
 */
public record Tfrf(List<Tfrf.Entry> entries) {
    /** FragmentCount is one byte. */
    public static final int MAX_ENTRIES = 255;
    private static final int FIXED = Boxes.UUID_HEADER + Boxes.FULL_BOX + 1;
    private static final int ENTRY_V1 = 16;

    /** One announced fragment. */
    public record Entry(long time, long duration) {
    }

    public Tfrf {
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("tfrf holds at most " + MAX_ENTRIES + " entries");
        }
        entries = List.copyOf(entries);
    }

    /** Size of the version 1 box with {@code count} entries: 29 + 16·count. */
    public static int size(int count) {
        return FIXED + ENTRY_V1 * count;
    }

    /** Parses the payload after the usertype (version 0: 32-bit fields, 1: 64-bit). */
    public static Tfrf parse(FieldReader in) {
        int version = in.u8();
        in.skip(3);
        int count = in.u8();
        int entrySize = version == 1 ? ENTRY_V1 : version == 0 ? 8 : -1;
        if (entrySize < 0) {
            throw BoxFormatException.malformed("tfrf version " + version + " is unknown");
        }
        if (count * entrySize > in.remaining()) {
            throw BoxFormatException.malformed("tfrf FragmentCount " + count + " exceeds the box");
        }
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(version == 1 ? new Entry(in.u64(), in.u64()) : new Entry(in.u32(), in.u32()));
        }
        return new Tfrf(entries);
    }

    /** Writes the version 1 box of {@code entries} at {@code offset}; returns the offset after it. */
    public static int write(List<Entry> entries, byte[] out, int offset) {
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("tfrf holds at most " + MAX_ENTRIES + " entries");
        }
        int size = size(entries.size());
        int at = Boxes.fullBox(out, Boxes.uuidHeader(out, offset, size, SmoothUuid.TFRF), 1, 0);
        out[at++] = (byte) entries.size();
        for (Entry entry : entries) {
            Bytes.putU64(out, at, entry.time());
            Bytes.putU64(out, at + 8, entry.duration());
            at += ENTRY_V1;
        }
        return at;
    }

    /** The version 1 box. */
    public byte[] toBox() {
        byte[] out = new byte[size(entries.size())];
        write(entries, out, 0);
        return out;
    }
}
