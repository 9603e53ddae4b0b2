package dev.ecopulse.aggregator.rest;

import jakarta.ws.rs.core.EntityTag;

/** An answer serialised once: its JSON bytes and their strong ETag (a hash of the bytes). */
record Answer(byte[] json, EntityTag tag) {

    static Answer of(byte[] json) {
        return new Answer(json, Conditional.ofBytes(json));
    }
}
