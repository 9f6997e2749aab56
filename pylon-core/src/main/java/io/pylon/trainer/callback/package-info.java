/** The callback interface, its dispatcher, and the built-in callbacks (progress, logging, checkpoints ...). */
package io.pylon.trainer.callback;
