package io.tiedepth.pseudo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * The study key under which every person, owner and thread is pseudonymized (DESIGN §4).
 *
 * <p>The key comes from a key file ({@code --key-file}) or the environment variable {@value #ENV_VAR}. It is never
 * logged or written: only its {@link #fingerprint()} (the first 8 bytes of SHA-256 over a domain-separated copy of
 * the key) may appear in manifests and reports, so two runs can be checked to have used the same key.
 *
 * <p>{@link #demo()} is a fixed, public key for the sample run only: ids made with it can be reversed by anyone
 * who hashes a list of names, so results made with it are <b>not private</b>.
 */
public final class StudyKey {
    public static final String ENV_VAR = "TIEDEPTH_KEY";
    /** Keys shorter than this many bytes are refused: HMAC-SHA-256 wants at least 128 bits of secret. */
    public static final int MIN_BYTES = 16;
    private static final byte[] DEMO = "tiedepth-DEMO-key-NOT-PRIVATE-do-not-use-for-real-data"
            .getBytes(StandardCharsets.UTF_8);

    private final byte[] bytes;
    private final boolean demo;

    private StudyKey(byte[] bytes, boolean demo) {
        this.bytes = bytes.clone();
        this.demo = demo;
    }

    /** Wraps raw key bytes; refuses keys shorter than {@link #MIN_BYTES}. */
    public static StudyKey of(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("Cannot use the study key: it has " + bytes.length
                    + " bytes, at least " + MIN_BYTES + " are needed");
        }
        return new StudyKey(bytes, false);
    }

    /** The public demo key (results are not private). */
    public static StudyKey demo() {
        return new StudyKey(DEMO, true);
    }

    /** Reads a key file: its bytes, less a trailing newline, are the key. */
    public static StudyKey fromFile(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        int end = raw.length;
        while (end > 0 && (raw[end - 1] == '\n' || raw[end - 1] == '\r')) {
            end--;
        }
        try {
            return of(Arrays.copyOf(raw, end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (" + file + ")", e);
        }
    }

    /**
     * The key from {@code keyFile} when given, else from {@value #ENV_VAR}, else the demo key when
     * {@code allowDemo}; otherwise an error that says how to provide one. The demo key's bytes given through the
     * file or the environment are refused without {@code allowDemo} ({@code --demo-key}).
     */
    public static StudyKey resolve(Path keyFile, Map<String, String> env, boolean allowDemo) throws IOException {
        if (keyFile != null) {
            return refuseDemoBytes(fromFile(keyFile), "--key-file " + keyFile, allowDemo);
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return refuseDemoBytes(of(fromEnv.getBytes(StandardCharsets.UTF_8)), ENV_VAR, allowDemo);
        }
        if (allowDemo) {
            return demo();
        }
        throw new IllegalArgumentException("Cannot pseudonymize: no study key. Pass --key-file FILE or set "
                + ENV_VAR + " (or --demo-key for a run whose results are not private)");
    }

    /**
     * The public demo key given as if it were a study key (copied into a key file or {@value #ENV_VAR}) is the demo
     * key: refused unless the demo key is allowed, and then flagged as demo so the run warns.
     */
    private static StudyKey refuseDemoBytes(StudyKey key, String from, boolean allowDemo) {
        if (!Arrays.equals(key.bytes, DEMO)) {
            return key;
        }
        if (!allowDemo) {
            throw new IllegalArgumentException("Cannot use the study key from " + from + ": it is the public demo key,"
                    + " whose pseudonyms anyone can reverse; make a secret key (README) or pass --demo-key for a run"
                    + " whose results are not private");
        }
        return demo();
    }

    public boolean isDemo() {
        return demo;
    }

    /** Hex of the first 8 bytes of SHA-256("tiedepth-key-fingerprint\0" + key); safe to publish. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("tiedepth-key-fingerprint\0".getBytes(StandardCharsets.UTF_8));
            sha.update(bytes);
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "StudyKey[fingerprint=" + fingerprint() + (demo ? ", DEMO" : "") + "]";
    }
}
