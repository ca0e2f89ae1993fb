/**
 * The HTTP edge of command-service: who is calling (authentication and the actor put on every command),
 * and how refusals become problem+json answers (400 bad input, 403, 404, 409 with the current state, 503).
 */
package io.consultdesk.command.web;
