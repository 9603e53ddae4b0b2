package dev.ecopulse.contract.event;

/** Whether the observed repository, package or artifact was found upstream. */
public enum SubjectStatus {
    /** Found; the signals describe it. */
    FOUND,
    /** The upstream says it does not exist (404, GraphQL NOT_FOUND). */
    NOT_FOUND,
    /** It now lives under another name; {@code movedTo} says where. */
    MOVED
}
