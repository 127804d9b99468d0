package io.tiedepth.pseudo;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: {@code hex(HMAC-SHA-256(studyKey, input))} truncated to {@value #ID_BYTES} bytes
 * (32 hex characters, 128 bits). Keyed, so an id cannot be reversed by hashing a list of names without the key.
 *
 * <p>Inputs are the person keys of {@link PersonKeys} (already normalised) and thread keys. Serializable so that
 * Spark tasks can pseudonymize; instances are not thread-safe (one {@link Mac} each), so use one per task.
 */
public final class Pseudonymizer implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int ID_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;
    private final String fingerprint;
    private transient Mac mac;

    public Pseudonymizer(StudyKey key) {
        this.key = key.bytes();
        this.fingerprint = key.fingerprint();
    }

    /** The pseudonym of an already-normalised key string. */
    public String id(String normalisedKey) {
        byte[] digest = mac().doFinal(normalisedKey.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, ID_BYTES);
    }

    public String keyFingerprint() {
        return fingerprint;
    }

    private Mac mac() {
        if (mac == null) {
            try {
                mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(key, ALGORITHM));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("Cannot initialise " + ALGORITHM, e);
            }
        }
        return mac;
    }

    @Override
    public String toString() {
        return "Pseudonymizer[key fingerprint " + fingerprint + "]";
    }
}
