package org.openlss.pubpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishingPointPathTest {
    @ParameterizedTest
    @CsvSource({"/live/channel1.isml,live/channel1.isml,channel1", "channel1.isml,channel1.isml,channel1",
            "/a/b/c/Event-2024_06.ISML,a/b/c/Event-2024_06.ISML,Event-2024_06", "/x~y.isml,x~y.isml,x~y"})
    void acceptsSiteRelativePaths(String slug, String value, String name) {
        PublishingPointPath path = PublishingPointPath.of(slug);
        assertEquals(value, path.value());
        assertEquals(name, path.presentationName());
        assertEquals("/" + value, path.urlPath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "//x.isml", "/../x.isml", "/a/../x.isml", "/./x.isml", "/a\\x.isml",
            "C:/x.isml", "/x.txt", "/x.isml/", "/.isml", "/a.isml/b.isml", "/sp ace.isml", "/tab\t.isml",
            "/nul\u0000.isml", "/services/x.isml", "/ADMIN/x.isml", "/archive/x.isml", "/-x.isml", "/.hidden.isml",
            "/é.isml", "/a%2f.isml", "/a;b.isml"})
    void refusesPathsThatCouldEscapeOrBeMisread(String slug) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> PublishingPointPath.of(slug));
        assertEquals("path", e.field());
        assertTrue(e.getMessage().length() > "path: ".length());
    }

    /** A Slug or file name outside the allowed characters is told which character and which ones are allowed. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            /café.isml                | 'é' (U+00E9)
            /live/ch\uD83D\uDE00.isml | '\uD83D\uDE00' (U+1F600)
            /a b.isml                 | ' ' (U+0020)
            /a;b.isml                 | ';' (U+003B)
            /-x.isml                  | '-' first
            /live/.hidden.isml        | '.' first
            """)
    void aRefusedNameSaysWhichCharacterAndWhichAreAllowed(String slug, String character) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> PublishingPointPath.of(slug));
        assertTrue(e.problem().contains("has " + character + ";"), e.problem());
        assertTrue(e.problem().contains("may only hold letters A-Z and a-z, digits 0-9, '.', '_', '~' and '-'"),
                e.problem());
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 256})
    void limitsTheLength(int length) {
        String slug = "/" + "a".repeat(length - ".isml".length()) + ".isml";
        if (length <= PublishingPointPath.MAX_LENGTH) {
            assertEquals(length, PublishingPointPath.of(slug).value().length());
        } else {
            assertThrows(InvalidSettingException.class, () -> PublishingPointPath.of(slug));
        }
    }

    @org.junit.jupiter.api.Test
    void namesAreTheSameWhateverTheirLetterCaseAndKeepTheirSpelling() {
        PublishingPointPath created = PublishingPointPath.of("/Live/Channel1.isml");
        PublishingPointPath asked = PublishingPointPath.of("/LIVE/channel1.ISML");
        assertEquals(created, asked);
        assertEquals(created.hashCode(), asked.hashCode());
        assertEquals(0, created.compareTo(asked));
        assertEquals("live/channel1.isml", asked.key());
        assertEquals("Live/Channel1.isml", created.value(), "the spelling it was created with");
        java.util.Map<PublishingPointPath, String> points = new java.util.HashMap<>();
        points.put(created, "point");
        assertEquals("point", points.get(asked));
        assertTrue(!created.equals(PublishingPointPath.of("/live/channel2.isml")));
    }
}
