package io.pylon.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.PylonUserException;
import io.pylon.data.DataException;
import io.pylon.data.array.NdArray;
import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;
import io.pylon.engine.Tensors;
import io.pylon.metrics.Assd;
import io.pylon.metrics.Dice;
import io.pylon.metrics.Hausdorff95;
import io.pylon.metrics.Iou;
import io.pylon.metrics.Metric;
import io.pylon.metrics.SegmentationParams;
import io.pylon.metrics.SurfaceParams;

/**
 * {@code pylon evaluate}: per-case Dice, IoU, HD95 and ASSD per class (surface distances in the label file's
 * voxel spacing) of predicted label maps against ground truth, with the mean and standard deviation over cases
 * (cases where a value is undefined are left out of its statistics), as {@code evaluation.json} and
 * {@code evaluation.csv}. Predictions pair with labels by case name: {@code <case>_labels.*} (as
 * {@code pylon predict} writes them) or {@code <case>.*}. A pair whose shapes or affines disagree is refused.
 */
public final class Evaluate {

    /** The report: per-case values, then their mean and (population) standard deviation. */
    public record Report(List<Map<String, Object>> cases, Map<String, Double> mean, Map<String, Double> std) {
    }

    private Evaluate() {
    }

    public static Report run(EvaluateRequest request) {
        Engine.start();
        Map<String, Path> predictions = predictions(request.predictions());
        List<Map<String, Object>> cases = new ArrayList<>();
        for (CaseList.Entry entry : CaseList.parse(request.labels())) {
            Path labelFile = entry.label().orElse(entry.first());
            String name = CaseFormat.stem(labelFile);
            Path predictionFile = predictions.get(name);
            if (predictionFile == null) {
                throw new DataException(labelFile.toString(), DataException.NO_SAMPLE, "has no prediction named "
                        + name + "_labels.* or " + name + ".* in " + request.predictions() + "; predict this case"
                        + " first, or evaluate a label list that matches the predictions");
            }
            cases.add(evaluate(name, predictionFile, labelFile, request));
        }
        Report report = summarise(cases);
        write(request.out(), report);
        return report;
    }

    private static Map<String, Object> evaluate(String name, Path predictionFile, Path labelFile,
            EvaluateRequest request) {
        CaseVolume predicted = CaseVolume.read(List.of(predictionFile));
        CaseVolume truth = CaseVolume.read(List.of(labelFile));
        long[] p = predicted.data().shape();
        long[] t = truth.data().shape();
        if (!Arrays.equals(p, t)) {
            throw new DataException(predictionFile.toString(), DataException.NO_SAMPLE, "has shape "
                    + Arrays.toString(p) + " but its label " + labelFile + " has " + Arrays.toString(t)
                    + "; predictions must be on the label's grid (pylon predict writes them so)");
        }
        if (!predicted.affine().approximatelyEquals(truth.affine(), 1e-4)) {
            throw new DataException(predictionFile.toString(), DataException.NO_SAMPLE, "has affine "
                    + predicted.affine() + " but its label " + labelFile + " has " + truth.affine()
                    + "; they are not on the same voxel grid, resample one onto the other");
        }
        int classes = request.numClasses();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("case", name);
        row.put("prediction", predictionFile.toString());
        row.put("label", labelFile.toString());
        List<Metric> metrics = List.of(
                new Dice(new SegmentationParams(classes, request.includeBackground())),
                new Iou(new SegmentationParams(classes, request.includeBackground())),
                new Hausdorff95(new SurfaceParams(classes, truth.spacing(), request.includeBackground())),
                new Assd(new SurfaceParams(classes, truth.spacing(), request.includeBackground())));
        try (StepScope scope = new StepScope()) {
            long[] spatial = CaseVolume.spatial(truth.data());
            Tensor target = labelTensor(truth.data(), labelFile, classes).view(batched(spatial));
            Tensor predictedLabels = labelTensor(predicted.data(), predictionFile, classes);
            // metrics take scores [N, K, *S] and arg-max them: a one-hot map gives back the predicted labels
            Tensor scores = torch.one_hot(predictedLabels.view(batched(spatial)), classes).to(torch.ScalarType.Float);
            long[] order = new long[spatial.length + 2];
            order[0] = 0;
            order[1] = spatial.length + 1;
            for (int a = 0; a < spatial.length; a++) {
                order[a + 2] = a + 1;
            }
            scores = scores.permute(order).contiguous();
            for (Metric metric : metrics) {
                metric.update(scores, target);
                row.putAll(metric.compute());
            }
        }
        return row;
    }

    private static long[] batched(long[] spatial) {
        long[] shape = new long[spatial.length + 1];
        shape[0] = 1;
        System.arraycopy(spatial, 0, shape, 1, spatial.length);
        return shape;
    }

    private static Tensor labelTensor(NdArray data, Path file, int classes) {
        if (data.dim(0) != 1) {
            throw new DataException(file.toString(), DataException.NO_SAMPLE, "has " + data.dim(0) + " channels;"
                    + " a label map has one (write arg-max labels, not probabilities)");
        }
        float[] values = data.toFloats();
        long[] labels = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (v != Math.rint(v) || v < 0 || v >= classes) {
                throw new DataException(file.toString(), DataException.NO_SAMPLE, "holds the value " + v
                        + " at voxel " + i + ", not a label in [0, " + classes + "); check --num-classes");
            }
            labels[i] = (long) v;
        }
        return Tensors.fromLongs(labels, CaseVolume.spatial(data));
    }

    /** Case name to prediction file: {@code <case>_labels.*} files, else every file of the folder or glob. */
    private static Map<String, Path> predictions(String spec) {
        Path folder = Path.of(spec);
        List<Path> files;
        if (Files.isDirectory(folder)) {
            try (var listing = Files.list(folder)) {
                files = listing.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                        .sorted().toList();
            } catch (IOException e) {
                throw new PylonUserException("cannot list " + folder + " (" + e.getMessage() + ")", e);
            }
        } else {
            files = CaseList.parse(spec).stream().map(CaseList.Entry::first).toList();
        }
        Map<String, Path> byCase = new LinkedHashMap<>();
        for (Path file : files) {
            String stem = CaseFormat.stem(file);
            if (stem.endsWith("_labels")) {
                byCase.put(stem.substring(0, stem.length() - "_labels".length()), file);
            }
        }
        if (byCase.isEmpty()) {
            for (Path file : files) {
                byCase.put(CaseFormat.stem(file), file);
            }
        }
        return byCase;
    }

    private static Report summarise(List<Map<String, Object>> cases) {
        Set<String> keys = new LinkedHashSet<>();
        for (Map<String, Object> row : cases) {
            row.forEach((k, v) -> {
                if (v instanceof Double) {
                    keys.add(k);
                }
            });
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        Map<String, Double> std = new LinkedHashMap<>();
        for (String key : keys) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (Map<String, Object> row : cases) {
                if (row.get(key) instanceof Double v && Double.isFinite(v)) {
                    sum += v;
                    squares += v * v;
                    n++;
                }
            }
            double m = n == 0 ? Double.NaN : sum / n;
            mean.put(key, m);
            std.put(key, n == 0 ? Double.NaN : Math.sqrt(Math.max(0, squares / n - m * m)));
        }
        return new Report(cases, mean, std);
    }

    private static void write(Path out, Report report) {
        try {
            Files.createDirectories(out);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("cases", report.cases());
            json.put("mean", report.mean());
            json.put("std", report.std());
            String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(sanitise(json));
            replace(out.resolve("evaluation.json"), text);
            StringBuilder csv = new StringBuilder("case");
            List<String> keys = new ArrayList<>(report.mean().keySet());
            keys.forEach(k -> csv.append(',').append(k));
            csv.append('\n');
            for (Map<String, Object> row : report.cases()) {
                csv.append(row.get("case"));
                keys.forEach(k -> csv.append(',').append(number(row.get(k))));
                csv.append('\n');
            }
            csv.append("mean");
            keys.forEach(k -> csv.append(',').append(number(report.mean().get(k))));
            csv.append("\nstd");
            keys.forEach(k -> csv.append(',').append(number(report.std().get(k))));
            csv.append('\n');
            replace(out.resolve("evaluation.csv"), csv.toString());
        } catch (IOException e) {
            throw new PylonUserException("cannot write the evaluation to " + out + " (" + e.getMessage() + ")", e);
        }
    }

    /** JSON has no NaN or infinity: undefined values are written as null. */
    private static Object sanitise(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, sanitise(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Evaluate::sanitise).toList();
        }
        return value;
    }

    private static String number(Object value) {
        return value instanceof Double d && Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "";
    }

    private static void replace(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(".partial-" + file.getFileName());
        Files.writeString(temporary, text);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
