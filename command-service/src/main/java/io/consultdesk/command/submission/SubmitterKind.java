package io.consultdesk.command.submission;

/** 反馈单位或个人: an organisation (company, association, university …) or a person. */
public enum SubmitterKind {
    ORGANISATION, PERSON
}
