/**
 * Routing a comment to the bureaus responsible for what it cites: finding clause and chapter citations in
 * Chinese text, and turning cited clauses plus a clause catalogue into a lead bureau, co-handling bureaus
 * and the reasons for both. Pure domain code: no framework, no I/O.
 */
package io.consultdesk.command.routing;
