/**
 * Publishing a consultation's table (社会公众意见采纳情况表) as a process of small units of work: the items each
 * consultation received, numbered by arrival and read by key; a check that finds the rows, their 序号 and
 * what refuses the version; then a command per row, the version's start and completion recorded on the
 * consultation, and a run stopped halfway resumed when the service starts again. Every publication is a new version.
 */
package io.consultdesk.command.publication;
