package org.openlss.ts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlss.testing.ExternalTools;

class SegmentCipherTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void nistCbcAes128Vector() {
        // SP 800-38A F.2.1; PKCS#7 then adds one whole block of padding to the 64 bytes
        SegmentCipher cipher = new SegmentCipher(HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c"));
        byte[] plain = HEX.parseHex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                + "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
        byte[] encrypted = cipher.encrypt(plain, HEX.parseHex("000102030405060708090a0b0c0d0e0f"));
        assertEquals(80, encrypted.length);
        assertArrayEquals(HEX.parseHex("7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
                + "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7"), Arrays.copyOf(encrypted, 64));
    }

    @Test
    void ivIsTheMediaSequenceNumberAs128BitBigEndian() {
        assertArrayEquals(HEX.parseHex("00000000000000000000000000000007"), SegmentCipher.sequenceIv(7));
        assertArrayEquals(HEX.parseHex("0000000000000000000000012a05f200"), SegmentCipher.sequenceIv(5_000_000_000L));
        assertArrayEquals(HEX.parseHex("0000000000000000ffffffffffffffff"), SegmentCipher.sequenceIv(-1)); // 2^64 - 1
        SegmentCipher cipher = new SegmentCipher(new byte[16]);
        byte[] segment = new byte[3 * 188];
        assertArrayEquals(cipher.encrypt(segment, SegmentCipher.sequenceIv(42)), cipher.encrypt(segment, 42));
        assertEquals(576, cipher.encrypt(segment, 42).length, "564 bytes padded to the next block");
    }

    @Test
    void decryptsWhatItEncryptedAndRefusesWhatItDidNot() {
        SegmentCipher cipher = new SegmentCipher(HEX.parseHex("00112233445566778899aabbccddeeff"));
        byte[] segment = new byte[5 * 188];
        segment[0] = 0x47;
        assertArrayEquals(segment, cipher.decrypt(cipher.encrypt(segment, 9), 9));
        byte[] other = new SegmentCipher(new byte[16]).encrypt(segment, 9);
        assertThrows(TsInputException.class, () -> cipher.decrypt(other, 9), "another key's padding does not check");
    }

    @Test
    void keyAndIvSizesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new SegmentCipher(new byte[32]));
        SegmentCipher cipher = new SegmentCipher(new byte[16]);
        assertThrows(IllegalArgumentException.class, () -> cipher.encrypt(new byte[1], new byte[8]));
    }

    @Test
    void opensslDecryptsWithTheSequenceNumberAsIv() throws Exception {
        // byte-exact, because a wrong IV spoils only the first block (the PAT), which players shrug off
        byte[] segment = TsSegmentWriterFfmpegTest.remux(MediaFixture.clip(0)).get(1);
        Path encrypted = ExternalTools.workDir().resolve("sequence-1042.enc");
        String key = "000102030405060708090a0b0c0d0e0f";
        Files.write(encrypted, new SegmentCipher(HEX.parseHex(key)).encrypt(segment, 1042));
        Path decrypted = ExternalTools.workDir().resolve("sequence-1042.ts");
        ExternalTools.check("openssl", "aes-128-cbc", "-d", "-K", key, "-iv", "00000000000000000000000000000412",
                "-in", encrypted.toString(), "-out", decrypted.toString());
        assertArrayEquals(segment, Files.readAllBytes(decrypted));
    }

    @Test
    void ffmpegAsHlsClientDecryptsWithImplicitAndExplicitIvs() throws Exception {
        List<byte[]> segments = TsSegmentWriterFfmpegTest.remux(MediaFixture.clip(0));
        Path dir = Files.createDirectories(ExternalTools.workDir().resolve("encrypted"));
        byte[] key = HEX.parseHex("00112233445566778899aabbccddeeff");
        byte[] explicitIv = HEX.parseHex("0f0e0d0c0b0a09080706050403020100");
        Files.write(dir.resolve("key.bin"), key);
        SegmentCipher cipher = new SegmentCipher(key);
        Files.write(dir.resolve("s7.ts"), cipher.encrypt(segments.get(0), 7));
        Files.write(dir.resolve("s8.ts"), cipher.encrypt(segments.get(1), 8));
        Files.write(dir.resolve("s9.ts"), cipher.encrypt(segments.get(2), explicitIv));
        Path playlist = dir.resolve("media.m3u8");
        Files.writeString(playlist, String.join("\n", "#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:2",
                "#EXT-X-MEDIA-SEQUENCE:7", "#EXT-X-KEY:METHOD=AES-128,URI=\"key.bin\"", "#EXTINF:2.0,", "s7.ts",
                "#EXTINF:2.0,", "s8.ts", "#EXT-X-KEY:METHOD=AES-128,URI=\"key.bin\",IV=0x" + HEX.formatHex(explicitIv),
                "#EXTINF:2.0,", "s9.ts", "#EXT-X-ENDLIST", ""));
        ExternalTools.Result probe = ExternalTools.run(List.of("ffprobe", "-v", "warning", "-allowed_extensions", "ALL",
                "-protocol_whitelist", "file,crypto", "-count_frames", "-show_entries", "stream=nb_read_frames",
                "-of", "csv=p=0", playlist.toString()));
        assertEquals("", probe.stderr(), "decrypts and decodes cleanly");
        MediaFixture clip = MediaFixture.clip(0);
        assertEquals(clip.video.size() + "\n" + clip.audio.size() + "\n", probe.stdout().substring(0,
                probe.stdout().indexOf("\n\n") + 1), "every frame decoded");
    }
}
