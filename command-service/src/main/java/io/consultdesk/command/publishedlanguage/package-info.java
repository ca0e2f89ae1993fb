/**
 * The published language of command-service: each event's stable name and revision, independent of the
 * Java class that carries it. The same name is written to the event store and put on Kafka, so a class can
 * move or be renamed without changing the stored history or what readers see. Older stored forms are
 * brought to the current one by the upcasters here before anything reads them.
 */
package io.consultdesk.command.publishedlanguage;
