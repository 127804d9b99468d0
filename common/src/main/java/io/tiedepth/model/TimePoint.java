package io.tiedepth.model;

import java.time.Instant;

/** An instant (UTC) and its precision. */
public record TimePoint(Instant at, Precision precision) {
}
