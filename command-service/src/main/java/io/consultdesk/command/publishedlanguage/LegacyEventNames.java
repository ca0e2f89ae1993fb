package io.consultdesk.command.publishedlanguage;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Map;
import java.util.function.Function;

/**
 * Events stored before the published language had names of their own are typed by the full Java class
 * name they had then. This upcaster gives them their stable name (same revision, same payload), so that
 * they read exactly like events stored today. The class names below are history: they stay as they are
 * even when the classes move.
 */
public final class LegacyEventNames extends SingleEventUpcaster {

    static final Map<String, String> STABLE_NAME_BY_STORED_CLASS_NAME = Map.ofEntries(
            Map.entry("io.consultdesk.command.submission.SubmissionReceived", "SubmissionReceived"),
            Map.entry("io.consultdesk.command.submission.SubmissionAssigned", "SubmissionAssigned"),
            Map.entry("io.consultdesk.command.submission.SubmissionReassigned", "SubmissionReassigned"),
            Map.entry("io.consultdesk.command.submission.SubmissionDecided", "SubmissionDecided"),
            Map.entry("io.consultdesk.command.submission.SubmissionDecisionRevised", "SubmissionDecisionRevised"),
            Map.entry("io.consultdesk.command.submission.SubmissionPublished", "SubmissionPublished"),
            Map.entry("io.consultdesk.command.submission.SubmissionWithdrawn", "SubmissionWithdrawn"),
            Map.entry("io.consultdesk.command.submission.SubmissionRejected", "SubmissionRejected"),
            Map.entry("io.consultdesk.command.submission.SubmissionMarkedDuplicate", "SubmissionMarkedDuplicate"),
            Map.entry("io.consultdesk.command.submission.SubmitterErased", "SubmitterErased"),
            Map.entry("io.consultdesk.command.consultation.ConsultationOpened", "ConsultationOpened"),
            Map.entry("io.consultdesk.command.consultation.ClauseCatalogueAmended", "ClauseCatalogueAmended"),
            Map.entry("io.consultdesk.command.consultation.ConsultationClosed", "ConsultationClosed"),
            Map.entry("io.consultdesk.command.publication.TablePublished", "TablePublished"));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation stored) {
        return STABLE_NAME_BY_STORED_CLASS_NAME.containsKey(stored.getType().getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation stored) {
        String name = STABLE_NAME_BY_STORED_CLASS_NAME.get(stored.getType().getName());
        Class<Object> representation = (Class<Object>) stored.getData().getContentType();
        return stored.upcastPayload(new SimpleSerializedType(name, stored.getType().getRevision()), representation, Function.identity());
    }
}
