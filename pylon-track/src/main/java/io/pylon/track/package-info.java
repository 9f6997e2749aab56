/**
 * The run store: an SQLite index of run directories, rebuilt and refreshed incrementally from their
 * files (the directories stay the truth; deleting the index loses nothing), the queries behind
 * {@code pylon runs} and the viewer, and the plain-text tables they print.
 */
package io.pylon.track;
