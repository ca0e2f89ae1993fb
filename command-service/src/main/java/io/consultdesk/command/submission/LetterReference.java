package io.consultdesk.command.submission;

/** The letter an item was split from (one letter, several items), with the item's part number in it. */
public record LetterReference(String letterId, int part) {
}
