package io.pylon.data.augment;

import java.util.Arrays;

/**
 * In-place discrete Fourier transform of one complex line of length {@code n}, on separate real and
 * imaginary double arrays:
 * <pre>
 *   forward: X_f = sum_t x_t exp(-2 pi i f t / n)      inverse: x_t = (1 / n) sum_f X_f exp(2 pi i f t / n)
 * </pre>
 * Powers of two use an iterative radix-2 Cooley-Tukey transform; other lengths use Bluestein's chirp-z
 * algorithm (the DFT written as a convolution, computed with a power-of-two transform of length
 * {@code m >= 2n - 1}), so every length costs O(n log n) and is accurate to ~1e-12 relative.
 *
 * <p>A plan holds work buffers: it is not thread-safe; create one per call (construction is O(n log n)).
 */
final class LineFft {

    private final int n;
    private final int m;
    private final double[] cos;
    private final double[] sin;
    private final int[] reversed;
    private final double[] chirpRe;
    private final double[] chirpIm;
    private final double[] filterRe;
    private final double[] filterIm;
    private final double[] workRe;
    private final double[] workIm;

    LineFft(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("FFT length must be >= 1, got " + n);
        }
        this.n = n;
        boolean powerOfTwo = Integer.bitCount(n) == 1;
        this.m = powerOfTwo ? n : Integer.highestOneBit(2 * n - 1) << 1;
        this.cos = new double[m / 2];
        this.sin = new double[m / 2];
        for (int k = 0; k < m / 2; k++) {
            double angle = 2 * Math.PI * k / m;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
        this.reversed = new int[m];
        int bits = Integer.numberOfTrailingZeros(m);
        for (int k = 0; k < m; k++) {
            reversed[k] = bits == 0 ? 0 : Integer.reverse(k) >>> (32 - bits);
        }
        if (powerOfTwo) {
            chirpRe = chirpIm = filterRe = filterIm = workRe = workIm = null;
            return;
        }
        // w_t = exp(-i pi t^2 / n); t^2 is reduced mod 2n first so the angle stays exact for large t
        chirpRe = new double[n];
        chirpIm = new double[n];
        for (int t = 0; t < n; t++) {
            long square = (long) t * t % (2L * n);
            double angle = Math.PI * square / n;
            chirpRe[t] = Math.cos(angle);
            chirpIm[t] = -Math.sin(angle);
        }
        filterRe = new double[m];
        filterIm = new double[m];
        for (int t = 0; t < n; t++) {
            filterRe[t] = chirpRe[t];
            filterIm[t] = -chirpIm[t];
            if (t > 0) {
                filterRe[m - t] = chirpRe[t];
                filterIm[m - t] = -chirpIm[t];
            }
        }
        radix2(filterRe, filterIm);
        workRe = new double[m];
        workIm = new double[m];
    }

    int length() {
        return n;
    }

    /** Forward transform of {@code re[0..n), im[0..n)} in place. */
    void forward(double[] re, double[] im) {
        if (workRe == null) {
            radix2(re, im);
        } else {
            bluestein(re, im);
        }
    }

    /** Inverse transform (with the 1/n factor) in place: conj(forward(conj(X))) / n. */
    void inverse(double[] re, double[] im) {
        for (int k = 0; k < n; k++) {
            im[k] = -im[k];
        }
        forward(re, im);
        double scale = 1.0 / n;
        for (int k = 0; k < n; k++) {
            re[k] *= scale;
            im[k] = -im[k] * scale;
        }
    }

    /** X_f = w_f * sum_t (x_t w_t) conj(w_{f - t}), the convolution done by a length-m transform. */
    private void bluestein(double[] re, double[] im) {
        Arrays.fill(workRe, 0);
        Arrays.fill(workIm, 0);
        for (int t = 0; t < n; t++) {
            workRe[t] = re[t] * chirpRe[t] - im[t] * chirpIm[t];
            workIm[t] = re[t] * chirpIm[t] + im[t] * chirpRe[t];
        }
        radix2(workRe, workIm);
        for (int k = 0; k < m; k++) {
            double r = workRe[k] * filterRe[k] - workIm[k] * filterIm[k];
            double i = workRe[k] * filterIm[k] + workIm[k] * filterRe[k];
            // conjugate here and after the forward pass: an inverse transform without the 1/m yet
            workRe[k] = r;
            workIm[k] = -i;
        }
        radix2(workRe, workIm);
        double scale = 1.0 / m;
        for (int f = 0; f < n; f++) {
            double r = workRe[f] * scale;
            double i = -workIm[f] * scale;
            re[f] = r * chirpRe[f] - i * chirpIm[f];
            im[f] = r * chirpIm[f] + i * chirpRe[f];
        }
    }

    /** Iterative radix-2 forward transform of the first m entries (m a power of two). */
    private void radix2(double[] re, double[] im) {
        for (int k = 0; k < m; k++) {
            int j = reversed[k];
            if (j > k) {
                double t = re[k];
                re[k] = re[j];
                re[j] = t;
                t = im[k];
                im[k] = im[j];
                im[j] = t;
            }
        }
        for (int size = 2; size <= m; size <<= 1) {
            int half = size >>> 1;
            int step = m / size;
            for (int start = 0; start < m; start += size) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = -sin[k * step];
                    int a = start + k;
                    int b = a + half;
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
