package io.consultdesk.command.submission;

/** How a comment reached the drafting unit. */
public enum Channel {
    WEB, EMAIL, LETTER, IMPORT
}
