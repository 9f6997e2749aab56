package io.pylon.optim;

/**
 * Hyper-parameters of Adam and AdamW besides the learning rate and weight decay.
 *
 * @param beta1 decay of the first-moment average, in [0, 1)
 * @param beta2 decay of the second-moment average, in [0, 1)
 * @param eps added to sqrt(v_hat) in the denominator, > 0
 * @param amsgrad use the running maximum of v (AMSGrad) in the denominator
 */
public record AdamSettings(double beta1, double beta2, double eps, boolean amsgrad) {

    public AdamSettings {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1), got [" + beta1 + ", " + beta2 + "]");
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("eps must be > 0, got " + eps);
        }
    }
}
