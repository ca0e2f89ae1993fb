/**
 * Importing a table of comments (the seed's plain-text layout, labelled paragraphs, CSV, XLSX or DOCX) with its columns found by
 * meaning ({@link io.consultdesk.command.importing.ColumnRole}: 序号, submitter or 单位 + 个人, opinion,
 * outcome, reason, ignored; a {@link io.consultdesk.command.importing.ColumnMapping} for the rest): each row
 * becomes an item through the normal commands, received and routed and, where the row carries an outcome,
 * decided, all in one unit of work, its texts as the cells hold them, its outcome words adopted into the
 * consultation's vocabulary. A table already published keeps its names and 序号 as written. Re-importing
 * changes nothing; a bad row is reported and never blocks the others.
 */
package io.consultdesk.command.importing;
