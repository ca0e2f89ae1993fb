/**
 * The embedded default infrastructure: a real Kafka broker in KRaft mode and a file-backed MongoDB wire
 * server, both reached by the services exactly as they would reach real servers (bootstrap address and
 * MongoDB URI), plus the launcher that starts everything with one command.
 */
package io.consultdesk.localstack;
