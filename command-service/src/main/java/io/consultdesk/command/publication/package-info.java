/**
 * Publishing a consultation's table (社会公众意见采纳情况表): its decided items numbered 1…N in the order
 * received, each carried as a published row, with the totals per outcome; every publication is a new
 * version. Also the lookup of which items belong to which consultation, kept on the write side.
 */
package io.consultdesk.command.publication;
