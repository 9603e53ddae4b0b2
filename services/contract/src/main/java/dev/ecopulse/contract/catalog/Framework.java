package dev.ecopulse.contract.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * A deep-learning framework ecosystem, e.g. PyTorch, and where the framework itself (not one of its projects) is
 * observed: its library tags on the Hugging Face Hub ({@code huggingface}), its question tags on Stack Overflow
 * ({@code stackoverflow}) and the OpenAlex search that finds works mentioning it ({@code research}). Each is
 * optional; a framework without one is not observed by that source.
 */
public record Framework(String id, String name, String homepage, List<String> huggingface,
        List<String> stackoverflow, String research) {

    @JsonCreator
    public Framework {
        huggingface = huggingface == null ? List.of() : List.copyOf(huggingface);
        stackoverflow = stackoverflow == null ? List.of() : List.copyOf(stackoverflow);
    }

    /** A framework observed through its projects only. */
    public Framework(String id, String name, String homepage) {
        this(id, name, homepage, List.of(), List.of(), null);
    }
}
