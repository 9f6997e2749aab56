package io.pylon.track.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pylon.track.IndexedRun;
import io.pylon.track.SeedBands;
import io.pylon.track.SeedGroups;
import io.pylon.track.Series;

/** Routes' answers: each page in its own class, the JSON endpoints here. */
final class Pages {

    private final ViewerIndex index;

    Pages(ViewerIndex index) {
        this.index = index;
    }

    String runs(Query query) {
        return RunsPage.render(index.runs());
    }

    String run(Query query) {
        return RunPage.render(index.run(query.first("id").orElseThrow(NotFound::new)));
    }

    String compare(Query query) {
        List<IndexedRun> runs = query.all("id").stream().distinct().map(index::run).toList();
        if (runs.isEmpty()) {
            throw new NotFound();
        }
        return ComparePage.render(runs);
    }

    String groups() {
        return GroupsPage.render(SeedGroups.of(index.runs()));
    }

    RunFileResponse file(String relative) {
        return RunFileResponse.of(index.raw(), relative);
    }

    String seriesJson(Query query) {
        String id = query.first("id").orElseThrow(NotFound::new);
        String metric = query.first("metric").orElseThrow(NotFound::new);
        long after = query.first("after").map(Pages::parseLong).orElse(Long.MIN_VALUE);
        Series s = index.series(id, metric, after);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", id);
        out.put("metric", metric);
        out.put("steps", s.steps());
        out.put("values", Json.finite(s.values()));
        return Json.write(out);
    }

    String bandsJson(Query query) {
        List<IndexedRun> runs = query.all("id").stream().distinct().map(index::run).toList();
        String metric = query.first("metric").orElseThrow(NotFound::new);
        SeedBands bands = SeedBands.of(index.raw(), runs, metric);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metric", metric);
        out.put("steps", bands.steps());
        out.put("mean", Json.finite(bands.mean()));
        out.put("std", Json.finite(bands.std()));
        out.put("runs", bands.runs());
        return Json.write(out);
    }

    String runJson(Query query) {
        IndexedRun run = index.run(query.first("id").orElseThrow(NotFound::new));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", run.id());
        out.put("status", run.health().label());
        out.put("step", run.status().map(s -> s.step()).orElse(0L));
        return Json.write(out);
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }
}
