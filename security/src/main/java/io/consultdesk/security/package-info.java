/**
 * Who is calling, decided the same way in both services: JWT bearer tokens from the configured issuer in
 * real deployments (roles in the {@code roles} claim, bureau in {@code bureau}), configured users with
 * bcrypt-hashed passwords over HTTP Basic on the embedded default. Each service states its own URL rules.
 */
package io.consultdesk.security;
