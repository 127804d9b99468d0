package io.tiedepth.model;

/**
 * A quarantined record: where it was ({@code file}, {@code location} = "line N" or a JSON path) and why.
 * {@code reason} must never contain the raw text of the record: describe shapes, not values.
 */
public record Reject(String file, String location, String reasonCode, String reason) {
}
