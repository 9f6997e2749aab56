package io.pylon.config.override;

import java.util.ArrayList;
import java.util.List;

import io.pylon.config.ConfigNode;

/**
 * {@code key.path=v1,v2,v3}: the values a multi-run tries for one key.
 *
 * @param choiceTexts each choice as typed, so that a run can be described and re-created by an override
 * @param choices     each choice parsed as a YAML flow value
 */
public record Sweep(String text, KeyPath path, List<String> choiceTexts, List<ConfigNode> choices) {

    public Sweep {
        choiceTexts = List.copyOf(choiceTexts);
        choices = List.copyOf(choices);
        if (choiceTexts.size() != choices.size() || choices.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs one or more choices, each with its text");
        }
    }

    /** One plain override per choice ({@code key.path=v1}, ...), in order. */
    public List<String> overrides() {
        List<String> overrides = new ArrayList<>();
        for (String choice : choiceTexts) {
            overrides.add(path + "=" + choice);
        }
        return List.copyOf(overrides);
    }
}
