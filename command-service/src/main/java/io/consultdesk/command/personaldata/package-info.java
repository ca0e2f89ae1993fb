/**
 * Submitters' personal data: masking names into their public form (陈*天, 深圳市****产业协会), and sealing
 * full names and contact details with a key per submitter so that erasing the key erases the person from
 * history without rewriting any event.
 */
package io.consultdesk.command.personaldata;
