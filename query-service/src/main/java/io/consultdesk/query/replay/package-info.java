/**
 * Rebuilding every projection from the beginning of the event topics into a fresh generation of
 * collections, while the live one keeps serving; switching over once caught up; progress while it runs;
 * and a document-by-document comparison of two generations.
 */
package io.consultdesk.query.replay;
