package io.consultdesk.localstack;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Brings a store file written by mongo-java-server's plain H2 backend (documents Java-serialized) into this
 * store's format ({@link StoreMaps}) before the server opens it.
 *
 * <p>Every map is copied entry by entry into a new file beside it; only when the copy is complete is the old
 * file renamed to {@code <name>.plain-format} (kept, so nothing is lost if anything looks wrong) and the new one
 * put in its place. A copy interrupted half way is simply started again: the old file is untouched until the end.
 */
final class StoreFormatMigration {

    private static final int PROGRESS_EVERY = 100_000;

    private StoreFormatMigration() {
    }

    /** Migrates {@code file} if it is in the plain format; returns whether it did. */
    static boolean migrateIfNeeded(Path file, PrintStream progress) {
        if (!Files.exists(file)) {
            return false;
        }
        try (Closing plain = new Closing(MVStore.open(file.toString()))) {
            if (!StoreMaps.isInPlainFormat(plain.store)) {
                return false;
            }
            Path copy = file.resolveSibling(file.getFileName() + ".migrating");
            Files.deleteIfExists(copy);
            progress.printf("ConsultDesk: converting the embedded store %s to its current format (kept as %s.plain-format)…%n",
                    file, file.getFileName());
            long entries = 0;
            try (Closing converted = new Closing(MVStore.open(copy.toString()))) {
                for (String name : plain.store.getMapNames()) {
                    MVMap<Object, Object> from = plain.store.openMap(name);
                    MVMap<Object, Object> to = StoreMaps.any(converted.store, name);
                    for (Map.Entry<Object, Object> e : from.entrySet()) {
                        to.put(e.getKey(), e.getValue());
                        if (++entries % PROGRESS_EVERY == 0) {
                            converted.store.commit();
                            progress.printf("ConsultDesk: … %,d entries converted%n", entries);
                        }
                    }
                }
                StoreMaps.markFormat(converted.store);
            }
            plain.close();
            Files.move(file, file.resolveSibling(file.getFileName() + ".plain-format"), StandardCopyOption.REPLACE_EXISTING);
            Files.move(copy, file);
            progress.printf("ConsultDesk: embedded store converted (%,d entries)%n", entries);
            return true;
        } catch (IOException e) {
            throw new IllegalStateException("cannot convert the embedded store " + file + ": " + e.getMessage(), e);
        }
    }

    /** An MVStore closed once, whether by the try block or earlier. */
    private static final class Closing implements AutoCloseable {
        final MVStore store;

        Closing(MVStore store) {
            this.store = store;
        }

        @Override
        public void close() {
            if (!store.isClosed()) {
                store.close();
            }
        }
    }
}
