package io.tiedepth.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * {@code --master} and {@code --conf key=value}, accepted by every command, and the session they build. Without
 * {@code --master} the master is the one {@code spark-submit} set, else embedded {@code local[*]}.
 */
public record SparkOptions(String master, Map<String, String> conf) {
    public static final String DEFAULT_MASTER = "local[*]";

    /** The session options of a command line ({@link Cli#MASTER}, {@link Cli#CONF}). */
    static SparkOptions from(CommandLine cl) throws UsageException {
        Map<String, String> conf = new LinkedHashMap<>();
        for (Map.Entry<String, String> kv : Cli.CONF.all(cl)) {
            conf.put(kv.getKey(), kv.getValue());
        }
        return new SparkOptions(Cli.MASTER.get(cl), Map.copyOf(conf));
    }

    /** Builds (or joins) the session for a command. */
    public SparkSession session(String appName) {
        SparkConf sc = new SparkConf(true).setAppName("tiedepth " + appName);
        if (master != null) {
            sc.setMaster(master);
        } else if (!sc.contains("spark.master")) {
            sc.setMaster(DEFAULT_MASTER);
        }
        sc.setIfMissing("spark.ui.showConsoleProgress", "false");
        sc.setIfMissing("spark.sql.session.timeZone", "UTC");
        sc.setIfMissing("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        sc.setIfMissing("spark.sql.adaptive.enabled", "true");
        if (sc.get("spark.master").startsWith("local")) {
            sc.setIfMissing("spark.sql.shuffle.partitions", String.valueOf(
                    Math.max(4, 2 * Runtime.getRuntime().availableProcessors())));
            sc.setIfMissing("spark.driver.host", "127.0.0.1");
            sc.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.forEach(sc::set);
        return SparkSession.builder().config(sc).getOrCreate();
    }
}
