package io.pylon.trainer.precision;

/** {@code trainer.precision: 32}: no autocast, no scaling. */
record FullPrecision() implements Precision {

    @Override
    public PrecisionMode mode() {
        return PrecisionMode.FULL;
    }

    @Override
    public Autocast autocast() {
        return Autocast.NONE;
    }
}
