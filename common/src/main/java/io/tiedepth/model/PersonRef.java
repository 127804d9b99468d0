package io.tiedepth.model;

/**
 * A person as an export names them, before pseudonymization: any of a platform account id, a profile URL and a
 * display name (null when absent). Lives only in memory inside ingest; {@link #toString()} never shows the fields,
 * so a PersonRef in a log line or exception leaks nothing.
 */
public record PersonRef(String accountId, String url, String name) {

    public PersonRef {
        accountId = blankToNull(accountId);
        url = blankToNull(url);
        name = blankToNull(name);
    }

    public static PersonRef ofUrlAndName(String url, String name) {
        return new PersonRef(null, url, name);
    }

    public static PersonRef ofName(String name) {
        return new PersonRef(null, null, name);
    }

    public static PersonRef ofAccount(String accountId) {
        return new PersonRef(accountId, null, null);
    }

    /** True when nothing identifies the person (a hidden profile, "LinkedIn Member" with no URL...). */
    public boolean isEmpty() {
        return accountId == null && url == null && name == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "PersonRef[redacted]";
    }
}
