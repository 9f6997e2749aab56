/** TensorBoard event files written by hand: TFRecord framing with masked CRC32C, protobuf wire format. */
package io.pylon.run.tensorboard;
