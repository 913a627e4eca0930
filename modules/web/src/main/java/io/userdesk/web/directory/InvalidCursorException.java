package io.userdesk.web.directory;

/** A paging cursor that this portal did not produce; answered as a 400, never as a server error. */
public class InvalidCursorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidCursorException() {
        super("The cursor is not valid: use the nextCursor of a previous page, or none for the first page.");
    }
}
