package io.pylon.optim;

/**
 * Hyper-parameters of SGD besides the learning rate and weight decay.
 *
 * @param momentum momentum factor, in [0, 1); 0 disables the momentum buffer
 * @param dampening fraction of the gradient held back from the momentum buffer, in [0, 1]
 * @param nesterov use Nesterov momentum (needs momentum > 0 and dampening 0)
 */
public record SgdSettings(double momentum, double dampening, boolean nesterov) {

    public SgdSettings {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(dampening >= 0 && dampening <= 1)) {
            throw new IllegalArgumentException("dampening must be in [0, 1], got " + dampening);
        }
        if (nesterov && (momentum == 0 || dampening != 0)) {
            throw new IllegalArgumentException("nesterov needs momentum > 0 and dampening 0, got momentum "
                    + momentum + " and dampening " + dampening);
        }
    }
}
