package org.openlss.mp4;

/** The box types this package reads or writes, as {@link FourCC} ints. */
public final class BoxTypes {
    public static final int FTYP = FourCC.of("ftyp");
    public static final int UUID = FourCC.of("uuid");
    public static final int MOOV = FourCC.of("moov");
    public static final int MVHD = FourCC.of("mvhd");
    public static final int TRAK = FourCC.of("trak");
    public static final int TKHD = FourCC.of("tkhd");
    public static final int MDIA = FourCC.of("mdia");
    public static final int MDHD = FourCC.of("mdhd");
    public static final int HDLR = FourCC.of("hdlr");
    public static final int MINF = FourCC.of("minf");
    public static final int STBL = FourCC.of("stbl");
    public static final int STSD = FourCC.of("stsd");
    public static final int AVCC = FourCC.of("avcC");
    public static final int ESDS = FourCC.of("esds");
    public static final int SINF = FourCC.of("sinf");
    public static final int FRMA = FourCC.of("frma");
    public static final int MVEX = FourCC.of("mvex");
    public static final int TREX = FourCC.of("trex");
    public static final int MOOF = FourCC.of("moof");
    public static final int MFHD = FourCC.of("mfhd");
    public static final int TRAF = FourCC.of("traf");
    public static final int TFHD = FourCC.of("tfhd");
    public static final int TFDT = FourCC.of("tfdt");
    public static final int TRUN = FourCC.of("trun");
    public static final int MDAT = FourCC.of("mdat");
    public static final int MFRA = FourCC.of("mfra");
    public static final int TFRA = FourCC.of("tfra");
    public static final int MFRO = FourCC.of("mfro");
    public static final int FREE = FourCC.of("free");
    public static final int SKIP = FourCC.of("skip");

    private BoxTypes() {
    }
}
