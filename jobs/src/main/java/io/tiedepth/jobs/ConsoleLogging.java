package io.tiedepth.jobs;

import java.net.URISyntaxException;
import java.net.URL;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The same concise console under {@code scripts/tiedepth} and under {@code spark-submit}: tiedepth's progress at
 * INFO, Spark's own logging at WARN, to stderr ({@code io/tiedepth/jobs/log4j2.properties} inside the jar).
 * Installed by {@link Main#main} before Spark starts, since under {@code spark-submit} the jar's resources are not
 * seen when log4j starts.
 *
 * <p>Kept as it is when the operator chose a configuration: {@code -Dlog4j2.configurationFile=...}, or
 * {@code -Dtiedepth.logging=spark} to keep the cluster's {@code log4j2.properties} (Spark's INFO chatter).
 */
final class ConsoleLogging {
    static final String RESOURCE = "/io/tiedepth/jobs/log4j2.properties";

    private ConsoleLogging() {
    }

    /** Installs the jar's console configuration unless the operator chose one; true when installed. */
    static boolean install() {
        if (System.getProperty("log4j2.configurationFile") != null
                || "spark".equals(System.getProperty("tiedepth.logging"))) {
            return false;
        }
        URL config = ConsoleLogging.class.getResource(RESOURCE);
        if (config == null) {
            return false;
        }
        try {
            Configurator.reconfigure(config.toURI());
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
