package io.pylon.data;

import java.util.Map;
import java.util.Optional;

import io.pylon.registry.Bound;

/**
 * The {@code data:} section resolved without opening anything: the bound config, the transform chains, and
 * either a named dataset or a file format with the bound params of each split given ({@code train}, {@code val},
 * {@code test}).
 */
public record DataPlan(DataConfig config, TransformChains chains, Optional<Bound<DataRequest, DataSplits>> dataset,
        Map<String, Bound<Void, Dataset>> splits) {

    public DataPlan {
        splits = Map.copyOf(splits);
    }
}
