package io.tiedepth.ingest.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.Reject;
import io.tiedepth.source.ExportSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds small LinkedIn exports in a folder and reads them; every read checks that each file is balanced. */
final class Exports {
    static final String CONNECTIONS_2023 = "Notes:\n"
            + "\"When exporting your connection data, you may notice that some of the email addresses are missing."
            + " You will only see email addresses for connections who have allowed their connections to see or"
            + " download their email address using this setting https://www.linkedin.com/psettings/privacy/email."
            + " You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n"
            + "\n"
            + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    static final String MESSAGES_2024 = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
            + "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT\n";
    static final String MESSAGES_2021 = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,"
            + "CONTENT,FOLDER\n";
    static final String IN = "https://www.linkedin.com/in/";

    private Exports() {
    }

    /** Writes {@code name, content, name, content...} (UTF-8) into {@code dir}. */
    static Path write(Path dir, String... nameThenContent) throws IOException {
        for (int i = 0; i < nameThenContent.length; i += 2) {
            Path f = dir.resolve(nameThenContent[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, nameThenContent[i + 1], StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** Writes then reads. */
    static ParsedExport read(Path dir, String... nameThenContent) throws Exception {
        return read(write(dir, nameThenContent));
    }

    static ParsedExport read(Path location) throws Exception {
        try (ExportSource source = ExportSource.open(location)) {
            List<ParsedExport> parts = new LinkedInReader().read(source);
            assertThat(parts).hasSize(1);
            ParsedExport p = parts.get(0);
            assertBalanced(p);
            return p;
        }
    }

    /** read = accepted + rejected for every file, and one Reject per rejected row. */
    static void assertBalanced(ParsedExport p) {
        for (FileStats f : p.files().values()) {
            assertThat(f.balanced()).as("balanced %s", f).isTrue();
            assertThat(p.rejects().stream().filter(r -> r.file().equals(f.file())).count())
                    .as("rejects of %s", f.file()).isEqualTo(f.rejected());
        }
        for (Reject r : p.rejects()) {
            assertThat(p.files()).containsKey(r.file());
        }
    }

    static FileStats stats(ParsedExport p, String file) {
        assertThat(p.files()).containsKey(file);
        return p.files().get(file);
    }
}
