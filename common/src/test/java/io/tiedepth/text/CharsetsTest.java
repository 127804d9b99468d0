package io.tiedepth.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {
    private static final String TEXT = "H\u00e5kan \uD83D\uDE22,x\n";

    private static String read(byte[] bytes) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Reader r = Charsets.reader(new ByteArrayInputStream(bytes))) {
            char[] buf = new char[7];
            for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
                sb.append(buf, 0, n);
            }
        }
        return sb.toString();
    }

    private static byte[] withBom(int[] bom, Charset cs, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b : bom) {
            out.write(b);
        }
        out.writeBytes(text.getBytes(cs));
        return out.toByteArray();
    }

    @Test
    void utf8WithoutBom() throws IOException {
        assertThat(read(TEXT.getBytes(StandardCharsets.UTF_8))).isEqualTo(TEXT);
    }

    @Test
    void utf8BomIsConsumed() throws IOException {
        assertThat(read(withBom(new int[] {0xEF, 0xBB, 0xBF}, StandardCharsets.UTF_8, TEXT))).isEqualTo(TEXT);
    }

    @Test
    void utf16LittleEndianBomIsConsumed() throws IOException {
        assertThat(read(withBom(new int[] {0xFF, 0xFE}, StandardCharsets.UTF_16LE, TEXT))).isEqualTo(TEXT);
    }

    @Test
    void utf16BigEndianBomIsConsumed() throws IOException {
        assertThat(read(withBom(new int[] {0xFE, 0xFF}, StandardCharsets.UTF_16BE, TEXT))).isEqualTo(TEXT);
    }

    @Test
    void invalidUtf8BytesBecomeReplacementCharacters() throws IOException {
        assertThat(read(new byte[] {'a', (byte) 0xE5, 'b'})).isEqualTo("a\uFFFDb");
    }

    @Test
    void streamsShorterThanABomAreRead() throws IOException {
        assertThat(read(new byte[0])).isEmpty();
        assertThat(read(new byte[] {'a'})).isEqualTo("a");
        assertThat(read(new byte[] {'a', 'b'})).isEqualTo("ab");
        assertThat(read(new byte[] {(byte) 0xEF, (byte) 0xBB})).isEqualTo("\uFFFD");
    }
}
