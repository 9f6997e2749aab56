package io.pylon.data.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test resources written once by numpy 1.24 (never by the tests, which must not call Python):
 * <pre>
 *   np.savez_compressed('numpy_fixture.npz', a=np.arange(24, dtype='&lt;i4').reshape(2, 3, 4),
 *       b=np.asfortranarray(np.arange(12, dtype='&gt;f4').reshape(3, 4) * 0.5),
 *       c=np.array([True, False, True]), s=np.array(7.5))
 *   np.lib.format.write_array(f, np.arange(-3, 3, dtype='&gt;i2').reshape(2, 3), version=(3, 0))
 *       # numpy_v3_big_endian.npy
 * </pre>
 */
final class Fixtures {

    private Fixtures() {
    }

    /** Copies resource {@code name} of this package into {@code dir}. */
    static Path copy(String name, Path dir) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            Path target = dir.resolve(name);
            Files.copy(in, target);
            return target;
        }
    }
}
