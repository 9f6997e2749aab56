package io.pylon.optim.schedule;

/** {@code factor(t) = 1}. */
record ConstantSchedule() implements LrSchedule {

    @Override
    public double factor(long t) {
        return 1.0;
    }
}
