package io.tiedepth.text;

/**
 * A file that cannot be read at all (missing header, truncated quote, unreadable archive member). The message
 * follows "Cannot &lt;do what&gt;: &lt;reason&gt; (&lt;file&gt;:&lt;line&gt;)" and never quotes the file's content.
 */
public class ReadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final long line;
    private final String reasonCode;

    public ReadException(String reasonCode, String message, String file, long line) {
        super(message + " (" + file + (line > 0 ? ":" + line : "") + ")");
        this.file = file;
        this.line = line;
        this.reasonCode = reasonCode;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String reasonCode() {
        return reasonCode;
    }
}
