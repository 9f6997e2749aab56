package io.pylon.optim;

import java.util.List;

/** Builds one kind of optimizer over already-split parameter groups. */
@FunctionalInterface
interface OptimizerFactory {

    Optimizer create(OptimConfig config, List<GroupSpec> groups);
}
