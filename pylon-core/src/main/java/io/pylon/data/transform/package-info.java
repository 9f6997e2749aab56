/**
 * Per-sample transforms and their registry, so that plugins can contribute augmentations before the
 * data pipeline consumes them.
 */
package io.pylon.data.transform;
