/**
 * Commands sent from the pages: query-service forwards them to command-service, on the pages' own origin, with
 * the caller's credentials and address, so command-service stays the only writer and decides who may do what.
 * Only requests from the pages' origin are forwarded (a form posted by another site is refused); knows no page.
 */
package io.consultdesk.query.desk;
