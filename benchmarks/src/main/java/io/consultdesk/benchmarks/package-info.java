/**
 * The benchmark harness: starts the stack (embedded, or against given MongoDB and Kafka addresses), drives
 * it through its public APIs, measures each figure next to the raw operation on the same servers in the
 * same run, and writes a Markdown report, a CSV and an SVG chart.
 */
package io.consultdesk.benchmarks;
