package org.openlss.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of a fragmented MP4 file (an on-demand {@code .ismv}, or one of our archive files,
 * possibly cut short by a crash), found by reading box headers, moov, moofs and mfra only — mdat
 * payloads are never read. A trailing box that does not end within the file, or a moof whose mdat
 * is missing or short, marks where the file is truncated, so a repair can cut it there.
 * Fragment times come from tfxd, else tfdt, else they continue the track's previous fragment.
 */
public final class FragmentedFileIndex {
    private static final int MAX_HEADER = 32;

    /** Where a box lies in the file. */
    public record BoxLocation(long offset, long size) {
    }

    /** One fragment (one traf of a moof) and the bytes of its moof+mdat. */
    public record FileFragment(int trackId, long time, long duration, long moofOffset, long length,
                               boolean startsWithSyncSample) {
    }

    private BoxLocation ftyp;
    private BoxLocation moov;
    private MovieHeader movieHeader;
    private final List<FileFragment> fragments = new ArrayList<>();
    private BoxLocation mfraLocation;
    private MovieFragmentRandomAccess mfra;
    private long truncatedAt = -1;
    private long fileSize;

    private FragmentedFileIndex() {
    }

    public static FragmentedFileIndex scan(FileChannel file) throws IOException {
        return scan(file, BoxLimits.DEFAULTS);
    }

    /** Scans the whole file; malformed content that is not a truncation is a {@link BoxFormatException}. */
    public static FragmentedFileIndex scan(FileChannel file, BoxLimits limits) throws IOException {
        FragmentedFileIndex index = new FragmentedFileIndex();
        index.read(file, limits);
        return index;
    }

    private void read(FileChannel file, BoxLimits limits) throws IOException {
        fileSize = file.size();
        Map<Integer, Long> nextTime = new HashMap<>();
        ByteBuffer header = ByteBuffer.allocate(MAX_HEADER);
        long position = 0;
        long moofOffset = -1;
        byte[] moof = null;
        while (position < fileSize) {
            header.clear().limit((int) Math.min(MAX_HEADER, fileSize - position));
            readFully(file, header, position);
            byte[] h = header.array();
            if (header.limit() < Boxes.HEADER) {
                truncatedAt = position;
                break;
            }
            long size = Bytes.u32(h, 0);
            int type = Bytes.i32(h, 4);
            int headerSize = Boxes.HEADER;
            if (size == 1) {
                if (header.limit() < 16) {
                    truncatedAt = position;
                    break;
                }
                size = Bytes.u64(h, 8);
                headerSize = 16;
            } else if (size == 0) {
                size = fileSize - position; // runs to the end of the file
            }
            if (size < headerSize || size > fileSize - position) {
                if (size < headerSize) {
                    throw BoxFormatException.malformed("box " + FourCC.toString(type) + " at " + position + " has size " + size);
                }
                truncatedAt = moof != null && type == BoxTypes.MDAT ? moofOffset : position;
                moof = null;
                break;
            }
            if (moof != null && type != BoxTypes.MDAT) {
                throw BoxFormatException.malformed("moof at " + moofOffset + " is not followed by an mdat");
            }
            if (type == BoxTypes.FTYP) {
                ftyp = new BoxLocation(position, size);
            } else if (type == BoxTypes.MOOV) {
                moov = new BoxLocation(position, size);
                movieHeader = MovieHeader.parse(readBox(file, position, size, limits.moov(), type));
            } else if (type == BoxTypes.MOOF) {
                moof = readBox(file, position, size, limits.moof(), type);
                moofOffset = position;
            } else if (type == BoxTypes.MDAT && moof != null) {
                addFragments(moof, moofOffset, headerSize, size, position + size - moofOffset, nextTime);
                moof = null;
            } else if (type == BoxTypes.MFRA) {
                mfraLocation = new BoxLocation(position, size);
                mfra = MovieFragmentRandomAccess.parse(readBox(file, position, size, limits.mfra(), type));
            }
            position += size;
        }
        if (moof != null) {
            truncatedAt = moofOffset; // the file ends right after a moof
        }
    }

    private void addFragments(byte[] moof, long moofOffset, int mdatHeaderSize, long mdatSize, long length,
                              Map<Integer, Long> nextTime) {
        if (movieHeader == null) {
            throw BoxFormatException.malformed("moof at " + moofOffset + " before any moov");
        }
        for (TrackFragment traf : MovieFragment.parse(moof).trackFragments()) {
            TrackHeader track = movieHeader.track(traf.trackId());
            TrackExtends trex = track == null ? TrackExtends.none(traf.trackId()) : track.defaults();
            FragmentSamples samples = FragmentSamples.parse(moof, traf, trex, mdatHeaderSize, mdatSize);
            long time = traf.tfxd() != null ? traf.tfxd().time()
                    : traf.baseMediaDecodeTime() >= 0 ? traf.baseMediaDecodeTime() : nextTime.getOrDefault(traf.trackId(), 0L);
            long duration = traf.tfxd() != null ? traf.tfxd().duration() : samples.totalDuration();
            nextTime.put(traf.trackId(), time + duration);
            fragments.add(new FileFragment(traf.trackId(), time, duration, moofOffset, length,
                    samples.count() > 0 && samples.isSync(0)));
        }
    }

    private static byte[] readBox(FileChannel file, long position, long size, int limit, int type) throws IOException {
        if (size > limit) {
            throw BoxFormatException.malformed("box " + FourCC.toString(type) + " at " + position + " of " + size
                    + " bytes is above the limit " + limit);
        }
        ByteBuffer box = ByteBuffer.allocate((int) size);
        readFully(file, box, position);
        return box.array();
    }

    private static void readFully(FileChannel file, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = file.read(buffer, at);
            if (n < 0) {
                throw new IOException("file shrank while being scanned");
            }
            at += n;
        }
        buffer.flip();
    }

    /** The ftyp, or null. */
    public BoxLocation ftyp() {
        return ftyp;
    }

    /** The moov, or null. */
    public BoxLocation moov() {
        return moov;
    }

    /** The parsed moov, or null. */
    public MovieHeader movieHeader() {
        return movieHeader;
    }

    /** Complete fragments in file order. */
    public List<FileFragment> fragments() {
        return List.copyOf(fragments);
    }

    /** The parsed mfra, or null when the file has none. */
    public MovieFragmentRandomAccess mfra() {
        return mfra;
    }

    /** Where the mfra is, or null. */
    public BoxLocation mfraLocation() {
        return mfraLocation;
    }

    /** Offset where an incomplete trailing box or fragment starts, -1 when the file is complete. */
    public long truncatedAt() {
        return truncatedAt;
    }

    /** Length of the complete part of the file: cut here to repair. */
    public long validLength() {
        return truncatedAt >= 0 ? truncatedAt : fileSize;
    }
}
