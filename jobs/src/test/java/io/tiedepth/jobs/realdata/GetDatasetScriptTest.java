package io.tiedepth.jobs.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/get-dataset against a loopback HTTP server that serves ../shared/real-data (this machine has no
 * internet): the files arrive, their content's SHA-256 is checked and the descriptor is written next to them; a
 * file whose content differs is refused and nothing is kept.
 */
class GetDatasetScriptTest {
    private static final Path SCRIPT = RealData.ROOT.resolve("scripts/get-dataset");

    @TempDir
    Path tmp;
    private HttpServer server;

    /** Serves shared/real-data; with {@code tamper}, every byte of that one file is served plus one extra line. */
    private String serve(String tamper) throws IOException {
        Path root = RealData.SHARED;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path f = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!f.startsWith(root) || !Files.isRegularFile(f)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(f);
            if (f.getFileName().toString().equals(tamper)) {
                body = (new String(body, StandardCharsets.ISO_8859_1) + "1,2\n").getBytes(StandardCharsets.ISO_8859_1);
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private record Run(int exit, String output) {
    }

    private Run run(String mirror, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TIEDEPTH_DATASET_MIRROR", mirror);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void fetchesCollegeMsgChecksItsContentAndWritesItsDescriptor() throws Exception {
        Path source = RealData.require("snap-collegemsg");
        Run r = run(serve(null), "snap-collegemsg", tmp.resolve("c").toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("CollegeMsg.txt.gz: SHA-256 checked", "snap-collegemsg is ready in");
        assertThat(Files.readAllBytes(tmp.resolve("c/CollegeMsg.txt.gz")))
                .isEqualTo(Files.readAllBytes(source.resolve("CollegeMsg.txt.gz")));
        assertThat(tmp.resolve("c/tiedepth-network.json"))
                .hasSameTextualContentAs(RealData.ROOT.resolve("scripts/datasets/snap-collegemsg.json"));
    }

    @Test
    void fetchesCopenhagenWithEveryFileAndTheShippedDescriptor() throws Exception {
        Path source = RealData.require("copenhagen-cns");
        Run r = run(serve(null), "copenhagen-cns", tmp.resolve("cns").toString());
        assertThat(r.exit()).as(r.output()).isZero();
        for (String f : List.of("fb_friends.csv", "sms.csv", "calls.csv", "fb_friends.README", "sms.README",
                "calls.README")) {
            assertThat(tmp.resolve("cns").resolve(f)).hasSameBinaryContentAs(source.resolve(f));
        }
        assertThat(tmp.resolve("cns/tiedepth-network.json"))
                .hasSameTextualContentAs(RealData.ROOT.resolve("data-samples/copenhagen-cns/tiedepth-network.json"));
    }

    @Test
    void refusesAFileWhoseContentIsNotTheReleasedOneAndKeepsNothing() throws Exception {
        RealData.require("copenhagen-cns");
        Run r = run(serve("sms.csv"), "copenhagen-cns", tmp.resolve("bad").toString());
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.output()).contains("Cannot get dataset: sms.csv has SHA-256 ",
                "expected 2262320d1ec159d8efeaa86dc4ac295f4ad04f3b40fa1d7075ccacd5068f4803; nothing was kept");
        try (var left = Files.list(tmp.resolve("bad"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void reportsAFailedDownloadAndAnUnknownName() throws Exception {
        String mirror = serve(null);
        Run missing = run(mirror, "snap-email-eu-core-temporal", tmp.resolve("e").toString());
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.output()).contains("Cannot get dataset: download of " + mirror
                + "/snap-email-eu-core-temporal/email-Eu-core-temporal.txt.gz failed");
        Run unknown = run(mirror, "facebook-everyone", tmp.resolve("u").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.output()).contains("Cannot get dataset: unknown name 'facebook-everyone'");
    }
}
