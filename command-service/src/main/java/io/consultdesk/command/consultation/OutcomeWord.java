package io.consultdesk.command.consultation;

/** One word of an outcome vocabulary (采纳, 是, 已反馈 …) and its class. */
public record OutcomeWord(String word, OutcomeClass outcomeClass) {
}
