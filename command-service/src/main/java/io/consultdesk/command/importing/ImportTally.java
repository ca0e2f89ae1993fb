package io.consultdesk.command.importing;

import io.consultdesk.command.consultation.OutcomeWord;
import io.consultdesk.command.personaldata.NameMasker;
import io.consultdesk.command.submission.LetterReference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Running counts of one import: what it did, what it refused and warned of, the words and names it met. */
final class ImportTally {

    static final int MAX_LISTED = 1_000;
    private static final int PREVIEW_CHARS = 40;

    final ImportOptions options;
    int rows;
    int received;
    int decided;
    int alreadyPresent;
    int refusedCount;
    int warningCount;
    int filledDown;
    final List<ImportReport.RefusedRow> refused = new ArrayList<>();
    final List<ImportReport.Warning> warnings = new ArrayList<>();
    final List<ImportReport.RowPreview> preview = new ArrayList<>();
    final NameForms names;
    private final Map<String, ImportReport.OutcomeUse> words = new LinkedHashMap<>();
    private final Map<String, Integer> firstRowOfSerial = new HashMap<>();
    private final Set<String> duplicates = new LinkedHashSet<>();
    private TableRow lastDecided;
    private String letterSubmitter;
    private String letterId;
    private int part;

    ImportTally(ImportOptions options, NameMasker masker) {
        this.options = options;
        this.names = new NameForms(masker);
    }

    /**
     * Everything worth a warning in a row as read, and its preview; returns the row to import (with the
     * 采纳情况 of the decided row above it when filling down), or a refusal in {@code problem}.
     */
    TableRow look(TableRow row) {
        if (row.problem() != null) {
            preview(row);
            return row;
        }
        names.look(row.submitter());
        Integer first = firstRowOfSerial.putIfAbsent(row.serial(), row.position());
        if (first != null) {
            duplicates.add(row.serial());
            if (options.published()) {
                preview(row);
                return withProblem(row, "序号 " + row.serial() + " is also the 序号 of row " + first
                        + ": a published table's 序号 are kept, so each must be unique");
            }
            warn(row.position(), row.serial(), "序号 " + row.serial() + " is also the 序号 of row " + first);
        }
        if (options.published() && publishedNumber(row) == null) {
            preview(row);
            return withProblem(row, "序号 '" + row.serial() + "' is not a whole number: a published table keeps its 序号");
        }
        TableRow taken = fillDown(row);
        preview(taken);
        if (taken.opinion().isBlank()) {
            warn(row.position(), row.serial(), "反馈意见 is empty: the row is kept in its place with an empty opinion");
        }
        if (taken.submitter().isBlank()) {
            warn(row.position(), row.serial(), "no submitter: imported as an anonymous comment");
        }
        return taken;
    }

    /** A blank 采纳情况 under a decided row (and the blank ones after it): reported, and given that row's when filling down. */
    private TableRow fillDown(TableRow row) {
        boolean blank = row.outcome().isBlank() && (row.reason() == null || row.reason().isBlank());
        if (!blank) {
            lastDecided = row.outcome().isBlank() ? null : row;
            return row;
        }
        if (lastDecided == null) {
            return row;
        }
        String above = "row " + lastDecided.position() + " (序号 " + lastDecided.serial() + ")";
        if (!options.fillDown()) {
            // every blank row of the run is named, so the warnings say exactly what fillDown=true would fill
            warn(row.position(), row.serial(), "采纳情况 is blank under the decided " + above
                    + ": imported undecided; fillDown=true gives it the 采纳情况 above (a merged cell flattened)");
            return row;
        }
        filledDown++;
        warn(row.position(), row.serial(), "采纳情况 filled down from " + above);
        return new TableRow(row.position(), row.serial(), row.submitter(), row.submitterKind(), row.opinion(),
                lastDecided.outcome(), lastDecided.reason(), null);
    }

    /** The 序号 as a number (for a published table's rows), null when it is none. */
    static Integer publishedNumber(TableRow row) {
        String s = row.serial().strip();
        if (!s.matches("\\d{1,9}") || Integer.parseInt(s) == 0) {
            return null;
        }
        return Integer.parseInt(s);
    }

    private static TableRow withProblem(TableRow row, String problem) {
        return new TableRow(row.position(), row.serial(), row.submitter(), row.submitterKind(), row.opinion(), row.outcome(),
                row.reason(), problem);
    }

    private void preview(TableRow row) {
        if (options.dryRun() && preview.size() < MAX_LISTED) {
            preview.add(new ImportReport.RowPreview(row.position(), row.serial(), row.submitter(),
                    abbreviate(row.opinion()), abbreviate(row.outcome()), abbreviate(row.reason())));
        }
    }

    /** A row decided with {@code word}; {@code adopted}: the word was new to the consultation's vocabulary. */
    void used(OutcomeWord word, boolean adopted) {
        ImportReport.OutcomeUse use = words.get(word.word());
        words.put(word.word(), new ImportReport.OutcomeUse(word.word(), word.outcomeClass().key(),
                (use == null ? 0 : use.rows()) + 1, adopted || (use != null && use.adopted())));
    }

    List<ImportReport.OutcomeUse> vocabulary() {
        return List.copyOf(words.values());
    }

    void warn(int position, String serial, String warning) {
        warningCount++;
        if (warnings.size() < MAX_LISTED) {
            warnings.add(new ImportReport.Warning(position, serial, warning));
        }
    }

    void refuse(TableRow row, String reason) {
        refusedCount++;
        if (refused.size() < MAX_LISTED) {
            refused.add(new ImportReport.RefusedRow(row.position(), row.serial(), reason));
        }
    }

    List<String> duplicateSerials() {
        return duplicates.stream().limit(MAX_LISTED).toList();
    }

    /** Consecutive rows from one submitter are parts of one letter; an anonymous row is a letter of its own. */
    LetterReference letterFor(String consultationId, TableRow row) {
        if (row.submitter().isBlank() || !row.submitter().equals(letterSubmitter)) {
            letterSubmitter = row.submitter();
            letterId = consultationId + "-letter-" + TableImport.digest(consultationId, row.serial(), row.submitter());
            part = 0;
        }
        return new LetterReference(letterId, ++part);
    }

    static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        String flat = text.replace('\n', ' ');
        return flat.codePointCount(0, flat.length()) <= PREVIEW_CHARS ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, PREVIEW_CHARS)) + "…";
    }
}
