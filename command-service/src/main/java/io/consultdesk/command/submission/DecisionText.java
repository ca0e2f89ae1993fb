package io.consultdesk.command.submission;

/**
 * The 采纳情况 cell as published: the outcome followed by its reason. A reason that starts with punctuation
 * (as imported tables have it: "。", "，平台运营补贴…") is appended verbatim; any other reason is joined with
 * a full-width comma.
 */
public final class DecisionText {

    private static final String LEADING_PUNCTUATION = "，。；：、,.;:！!？?\n";

    private DecisionText() {
    }

    public static String of(String outcome, String reason) {
        if (reason == null || reason.isEmpty()) {
            return outcome;
        }
        return LEADING_PUNCTUATION.indexOf(reason.charAt(0)) >= 0 ? outcome + reason : outcome + "，" + reason;
    }
}
