/** {@code pylon launch} sub-commands: status, cancel, logs and resume of a launch folder. */
package io.pylon.cli.launch;
