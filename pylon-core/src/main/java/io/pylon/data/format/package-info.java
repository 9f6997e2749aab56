/**
 * Readers of on-disk dataset formats. They validate everything a corrupt or truncated download can get
 * wrong and report it as a {@link io.pylon.PylonUserException} that names the file and the remedy,
 * because a half-downloaded file is the most common way a first run fails.
 */
package io.pylon.data.format;
