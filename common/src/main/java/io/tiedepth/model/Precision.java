package io.tiedepth.model;

/** How precise a timestamp is: {@code day} for dates that carry no time (LinkedIn "Connected On"), else second. */
public enum Precision {
    day, second
}
