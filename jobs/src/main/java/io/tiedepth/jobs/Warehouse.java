package io.tiedepth.jobs;

/**
 * The output layout (DESIGN §8), relative to the warehouse root:
 * <pre>
 * tables/{exports,ties,interactions,invitations,rejects}/   canonical tables (Parquet)
 * features/{tie_features,owner_metrics,panels}/             features (Parquet)
 * stats/...                                                 statistics (Parquet)
 * reports/&lt;run_date&gt;/...                                   CSV and readable reports
 * runs/&lt;run_id&gt;/manifest.json                               one per run, written last
 * _staging/&lt;run_id&gt;/...                                     a run's outputs before publication
 * </pre>
 */
public record Warehouse(String root) {
    public static final String EXPORTS = "tables/exports";
    public static final String TIES = "tables/ties";
    public static final String INTERACTIONS = "tables/interactions";
    public static final String INVITATIONS = "tables/invitations";
    public static final String REJECTS = "tables/rejects";
    public static final String TIE_FEATURES = "features/tie_features";
    public static final String OWNER_METRICS = "features/owner_metrics";
    public static final String PANELS = "features/panels";

    public String path(String relative) {
        return root.endsWith("/") ? root + relative : root + "/" + relative;
    }
}
