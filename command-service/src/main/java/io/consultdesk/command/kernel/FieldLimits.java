package io.consultdesk.command.kernel;

/**
 * How long a command's fields may be, wherever they come from (a request to the API, a page that forwards one,
 * a row of an imported table), so that a comment refused in one way of arriving is refused in every other.
 */
public final class FieldLimits {

    /** Ids a caller may choose: an item's, a consultation's, a letter's. */
    public static final int ID = 80;
    public static final String ID_PATTERN = "[A-Za-z0-9._:-]{1," + ID + "}";
    public static final String ID_RULE = "letters, digits and . _ : - only, at most " + ID;

    /** The submitter's name (反馈单位或个人). */
    public static final int SUBMITTER_NAME = 200;
    /** The comment's text (反馈意见). */
    public static final int OPINION = 20_000;
    /** A decision's reason (理由). */
    public static final int DECISION_REASON = 5_000;
    /** Why an item was reassigned, withdrawn, rejected or marked a duplicate, or a submitter erased. */
    public static final int REASON = 2_000;
    /** One word of an outcome vocabulary (采纳, 是, 已采纳…), and how many words a vocabulary may have. */
    public static final int OUTCOME_WORD = 40;
    public static final int OUTCOME_WORDS = 20;
    /** A clause number as written: （十五）. */
    public static final int CLAUSE_NUMBER = 20;
    /** A bureau's (unit's) name. */
    public static final int BUREAU = 100;

    private FieldLimits() {
    }
}
