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
    /** A submitter's contact (e-mail, address, telephone). */
    public static final int CONTACT = 500;
    /** A consultation's title, and a clause's title in its catalogue. */
    public static final int TITLE = 500;
    /** A table's heading, and a chapter's title in a catalogue. */
    public static final int HEADING = 200;
    /** A catalogue's clauses, the responsible units of one clause, and a clause's own text. */
    public static final int CLAUSES = 2_000;
    public static final int RESPONSIBLE_UNITS = 50;
    public static final int CLAUSE_TEXT = 20_000;
    /** The bureaus a decision says it took into account, or an item's co-handling bureaus. */
    public static final int CO_BUREAUS = 20;
    /** A co-handling bureau's opinion (协办意见). */
    public static final int CO_HANDLING_OPINION = 5_000;
    /** The undecided items a publication may name to leave out (the event counts them and names the first 1,000). */
    public static final int LEFT_OUT = 100_000;
    /** A time zone's region name (America/Argentina/ComodRivadavia is among the longest). */
    public static final int TIME_ZONE = 60;

    private FieldLimits() {
    }
}
