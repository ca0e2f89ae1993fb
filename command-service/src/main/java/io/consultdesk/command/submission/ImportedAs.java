package io.consultdesk.command.submission;

/** What importing one row did. */
public enum ImportedAs {
    RECEIVED, DECIDED, ALREADY_PRESENT
}
