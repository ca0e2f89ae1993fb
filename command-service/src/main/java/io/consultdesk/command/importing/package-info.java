/**
 * Importing a table of comments (the seed's plain-text layout, CSV or XLSX with the columns 序号 /
 * 反馈单位或个人 / 反馈意见 / 采纳情况): each row becomes an item through the normal commands, received and
 * routed and, where the row carries an outcome, decided, all in one unit of work. Re-importing changes
 * nothing; a bad row is reported and never blocks the others.
 */
package io.consultdesk.command.importing;
