/**
 * The published tables (社会公众意见采纳情况表): every version of every consultation's table, row by row as
 * published, and its exports for the public (txt in the published layout, CSV, XLSX, DOCX, HTML), with
 * totals and a row-by-row comparison of two versions.
 */
package io.consultdesk.query.publication;
