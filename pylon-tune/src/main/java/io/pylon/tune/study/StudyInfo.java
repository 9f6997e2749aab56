package io.pylon.tune.study;

import java.util.List;

import io.pylon.metrics.Direction;

/**
 * A stored study: its name, objectives with their directions and the canonical search space it was
 * created with.
 */
public record StudyInfo(long id, String name, List<String> objectives, List<Direction> directions, String space) {

    public StudyInfo {
        objectives = List.copyOf(objectives);
        directions = List.copyOf(directions);
        if (objectives.size() != directions.size() || objectives.isEmpty()) {
            throw new IllegalArgumentException("one direction per objective, at least one objective");
        }
    }

    public boolean multiObjective() {
        return objectives.size() > 1;
    }
}
