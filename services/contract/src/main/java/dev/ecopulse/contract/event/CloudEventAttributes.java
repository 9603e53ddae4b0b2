package dev.ecopulse.contract.event;

/**
 * CloudEvents 1.0 binary-mode attributes as they appear in Kafka headers, and the fixed values of the contract.
 */
public final class CloudEventAttributes {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    /** Header naming why the aggregator rejected an observation (on the dead-letter topic). */
    public static final String HEADER_DLQ_REASON = "dead-letter-reason";

    public static final String SCORE_CHANGED_TYPE = "dev.ecopulse.score.changed.v1";
    public static final String AGGREGATOR_SOURCE = "/aggregator";

    private CloudEventAttributes() {
    }
}
