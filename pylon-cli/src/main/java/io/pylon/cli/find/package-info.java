/** {@code pylon find lr} and {@code pylon find batch-size}: the CLI side of {@code io.pylon.trainer.find}. */
package io.pylon.cli.find;
