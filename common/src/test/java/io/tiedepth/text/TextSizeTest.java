package io.tiedepth.text;

import static org.assertj.core.api.Assertions.assertThat;

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
}
