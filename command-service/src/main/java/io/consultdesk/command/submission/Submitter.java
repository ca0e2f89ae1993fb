package io.consultdesk.command.submission;

/** 反馈单位或个人 as given on receipt: name, kind and private contact details (e-mail, phone, address). */
public record Submitter(String name, SubmitterKind kind, String contact) {
}
