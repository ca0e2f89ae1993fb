package io.consultdesk.command.importing;

import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.FieldLimits;
import io.consultdesk.command.kernel.NotAllowed;
import io.consultdesk.command.personaldata.NameMasker;
import io.consultdesk.command.submission.Channel;
import io.consultdesk.command.submission.Commands.ImportSubmission;
import io.consultdesk.command.submission.Commands.ReceiveSubmission;
import io.consultdesk.command.submission.ImportedAs;
import io.consultdesk.command.submission.LetterReference;
import io.consultdesk.command.submission.SubmissionRefused;
import io.consultdesk.command.submission.Submitter;
import io.consultdesk.command.submission.SubmitterKind;
import io.consultdesk.command.submission.UnknownConsultation;
import io.consultdesk.command.web.CommandSender;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Runs an import row by row through the ordinary commands. An item's id is derived from the consultation,
 * the row's 序号, submitter and opinion, so the same table imported again (as text, CSV, XLSX or DOCX) finds
 * its items present and changes nothing. Consecutive rows from one submitter are parts of one letter; an
 * anonymous row (no submitter) is a letter of its own. A row with a blank opinion is kept in its place
 * (never renumbered) with a warning. The outcome words the rows start with are listed with their classes;
 * words new to the consultation are adopted into its vocabulary by the rows that use them.
 */
@Component
public class TableImport {

    private static final Logger log = LoggerFactory.getLogger(TableImport.class);

    private final CommandSender commands;
    private final Clock clock;
    private final NameMasker masker = NameMasker.defaults();

    public TableImport(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public ImportReport run(String consultationId, String fileName, InputStream in, boolean dryRun, Actor actor) throws IOException {
        return run(consultationId, fileName, in, ImportOptions.of(ColumnMapping.NONE, dryRun), actor);
    }

    public ImportReport run(String consultationId, String fileName, InputStream in, ColumnMapping mapping, boolean dryRun,
                            Actor actor) throws IOException {
        return run(consultationId, fileName, in, ImportOptions.of(mapping, dryRun), actor);
    }

    public ImportReport run(String consultationId, String fileName, InputStream in, ImportOptions options, Actor actor)
            throws IOException {
        long started = System.nanoTime();
        Instant importedAt = clock.instant();
        ImportTally tally = new ImportTally(options, masker);
        TableColumns columns = TableReader.forFile(fileName, options.mapping()).read(in, read -> {
            tally.rows++;
            TableRow row = tally.look(read);
            importRow(consultationId, fileName, row, importedAt, options, actor, tally);
            if (tally.rows % 1_000 == 0) {
                log.info("import of {} into {}: {} rows, {} received, {} refused ({} rows/s)", fileName, consultationId,
                        tally.rows, tally.received, tally.refusedCount, (long) (tally.rows / ((System.nanoTime() - started) / 1e9)));
            }
        });
        if (tally.rows == 0) {
            tally.warn(0, "", "the table has a header but no rows under it");
        }
        List<ImportReport.ColumnUse> used = new ArrayList<>();
        List<ImportReport.ColumnUse> ignored = new ArrayList<>();
        for (TableColumns.Column c : columns.columns()) {
            (c.role() == null ? ignored : used).add(new ImportReport.ColumnUse(c.column(), c.header(),
                    c.role() == null ? null : c.role().key(), c.how()));
        }
        return new ImportReport(fileName, options.dryRun(), used, ignored, tally.rows, tally.received, tally.decided,
                tally.alreadyPresent, tally.refusedCount, tally.refused, tally.warningCount, tally.warnings,
                tally.duplicateSerials(), options.dryRun() ? tally.preview : List.of(), (System.nanoTime() - started) / 1_000_000,
                tally.vocabulary(), options.published(), tally.names.lookPublished(), tally.names.note(options.published()),
                tally.filledDown);
    }

    private void importRow(String consultationId, String fileName, TableRow row, Instant importedAt, ImportOptions options,
                           Actor actor, ImportTally tally) {
        String problem = row.problem() != null ? row.problem() : check(row);
        if (problem != null) {
            tally.refuse(row, problem);
            return;
        }
        LetterReference letter = tally.letterFor(consultationId, row);
        String id = consultationId + "-" + digest(consultationId, row.serial(), row.submitter(), row.opinion());
        SubmitterKind kind = row.submitterKind() != null ? row.submitterKind()
                : masker.looksLikeOrganisation(row.submitter()) ? SubmitterKind.ORGANISATION : SubmitterKind.PERSON;
        // rows keep the table's order: each is received one millisecond after the one before
        ReceiveSubmission receive = new ReceiveSubmission(id, consultationId, new Submitter(row.submitter(), kind, null),
                row.opinion(), Channel.IMPORT, importedAt.plusMillis(row.position()), letter, actor);
        try {
            ImportedAs result = commands.send(new ImportSubmission(receive, row.outcome(), row.reason(), options.dryRun(),
                    fileName, options.published(), options.published() ? ImportTally.publishedNumber(row) : null), actor);
            switch (result.as()) {
                case ALREADY_PRESENT -> tally.alreadyPresent++;
                case DECIDED -> {
                    tally.received++;
                    tally.decided++;
                    tally.used(result.outcome(), result.newWord());
                }
                case RECEIVED -> tally.received++;
            }
        } catch (UnknownConsultation | NotAllowed e) {
            throw e; // the whole import is wrong, not this row
        } catch (SubmissionRefused e) {
            tally.refuse(row, e.getMessage());
        } catch (CommandExecutionException e) {
            tally.refuse(row, e.getMessage());
        }
    }

    private static String check(TableRow row) {
        if (row.submitter().length() > FieldLimits.SUBMITTER_NAME) {
            return "反馈单位或个人 is longer than " + characters(FieldLimits.SUBMITTER_NAME);
        }
        if (row.opinion().length() > FieldLimits.OPINION) {
            return "反馈意见 is longer than " + characters(FieldLimits.OPINION);
        }
        // the cell holds the outcome word and, in many tables, the reason after it
        if (row.outcome().length() > FieldLimits.DECISION_REASON) {
            return "采纳情况 is longer than " + characters(FieldLimits.DECISION_REASON);
        }
        if (row.reason() != null && row.reason().length() > FieldLimits.DECISION_REASON) {
            return "the reason is longer than " + characters(FieldLimits.DECISION_REASON);
        }
        return null;
    }

    /** 20,000 characters: grouped the same whatever the machine's locale. */
    private static String characters(int limit) {
        return String.format(Locale.ROOT, "%,d characters", limit);
    }

    static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
