package dev.ecopulse.contract.event;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON mapping of the contract's payloads: ISO-8601 instants, absent nulls, unknown fields tolerated. */
public final class EventJson {

    private static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());

    private EventJson() {
    }

    /** Applies the contract's settings to a mapper (e.g. the one a Quarkus app produces). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + payload.getClass().getSimpleName(), e);
        }
    }

    /** The payload record class of an observation source. */
    public static Class<? extends Observation> payloadType(ObservationSource source) {
        return switch (source) {
            case GITHUB -> GithubObservation.class;
            case PYPI -> PypiObservation.class;
            case MAVEN -> MavenObservation.class;
            case NPM -> NpmObservation.class;
            case HUGGINGFACE -> HuggingfaceObservation.class;
            case STACKEXCHANGE -> StackexchangeObservation.class;
            case RESEARCH -> ResearchObservation.class;
        };
    }
}
