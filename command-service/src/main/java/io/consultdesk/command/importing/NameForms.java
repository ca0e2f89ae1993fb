package io.consultdesk.command.importing;

import io.consultdesk.command.personaldata.NameMasker;

/**
 * Counts the forms of a table's names, to say whether the table looks already published: every person's
 * name in a public form (holding *, an honorific such as 黄先生, a note such as （未署名）) and none written
 * out in full. Organisations' names prove nothing either way (published tables print them whole).
 */
final class NameForms {

    private final NameMasker masker;
    private int masked;
    private int honorific;
    private int blank;
    private int organisations;
    private int plain;
    private String firstPlain;

    NameForms(NameMasker masker) {
        this.masker = masker;
    }

    void look(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            blank++;
        } else if (n.contains("*")) {
            masked++;
        } else if (NameMasker.isPublicForm(n)) {
            honorific++;
        } else if (masker.looksLikeOrganisation(n)) {
            organisations++;
        } else {
            plain++;
            if (firstPlain == null) {
                firstPlain = n;
            }
        }
    }

    /** The table's names look published: some person's name in a public form and none in full. */
    boolean lookPublished() {
        return plain == 0 && masked + honorific > 0;
    }

    /** What the dry run says about the names, and what it proposes. */
    String note(boolean published) {
        String counts = masked + " masked with *, " + honorific + " honorific or noted (X先生, （未署名）), " + blank + " blank, "
                + organisations + " organisation(s), " + plain + " written in full";
        if (published) {
            return "imported as published: every name is kept exactly as written (" + counts + ")";
        }
        if (lookPublished()) {
            return "the names look already published (" + counts + "): import with published=true to keep them, and the 序号,"
                    + " exactly as written; without it persons' names are masked";
        }
        return "names will be masked under the consultation's policy (" + counts
                + (firstPlain == null ? "" : "; e.g. '" + firstPlain + "' is written in full") + ")";
    }
}
