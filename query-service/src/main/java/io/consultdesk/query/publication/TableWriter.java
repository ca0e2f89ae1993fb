package io.consultdesk.query.publication;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/** Writes one published version in one format, pulling its rows as it goes. */
public interface TableWriter {

    String HEADER_SERIAL = "序号";
    String HEADER_SUBMITTER = "反馈单位或个人";
    String HEADER_OPINION = "反馈意见";
    String HEADER_DECISION = "采纳情况";

    String contentType();

    String extension();

    void write(TableVersion table, RowSource rows, OutputStream out) throws IOException;

    /** The rows of the version, in 序号 order. */
    @FunctionalInterface
    interface RowSource {
        void forEach(Consumer<PublishedRow> sink);
    }
}
