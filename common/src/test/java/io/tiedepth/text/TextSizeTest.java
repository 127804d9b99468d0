package io.tiedepth.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextSizeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hello there friend|3|18",
        "<p>Hi <b>Anna</b></p>|2|21",
        "'  a\n\tb\u00A0c  '|3|10",
        "\uD83D\uDC4B \uD83D\uDE00|2|3",
        "<br/>|0|5",
        "''|0|0"})
    void countsWordsWithoutTagsAndCharsAsCodePoints(String text, int words, int chars) {
        assertThat(TextSize.words(text)).isEqualTo(words);
        assertThat(TextSize.chars(text)).isEqualTo(chars);
    }

    /**
     * The one-pass count gives what the rule written as regular expressions gives, on random text. (The former
     * regex implementation also {@code strip()}ped U+001C–U+001F, which are not White_Space, off the text's ends, so a
     * first or last "word" made of those control characters alone was not counted; the rule never said so.)
     */
    @Test
    void wordCountAgreesWithTheRegularExpressionRuleOnRandomText() {
        Pattern tag = Pattern.compile("<[^<>]*>");
        Pattern spaces = Pattern.compile("(?U)\\s+");
        String alphabet = "ab <>/\t\n\r\u000B\f\u001C\u0085\u00A0\u1680\u2003\u200B\u2028\u202F\u205F\u3000\uFEFFé";
        Random r = new Random(42);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(30); i > 0; i--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String text = b.toString();
            int expected = 0;
            for (String token : spaces.split(tag.matcher(text).replaceAll(" "))) {
                expected += token.isEmpty() ? 0 : 1;
            }
            assertThat(TextSize.words(text)).as("'%s'", text).isEqualTo(expected);
        }
        for (char c = 0; c < 0xFFFF; c++) {
            assertThat(TextSize.isWhiteSpace(c)).as("U+%04X", (int) c)
                    .isEqualTo(spaces.matcher(String.valueOf(c)).matches());
        }
    }
}
