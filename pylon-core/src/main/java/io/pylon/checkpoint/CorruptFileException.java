package io.pylon.checkpoint;

import io.pylon.PylonUserException;

/** A checkpoint or weights file that cannot be trusted; nothing of it has been loaded. */
public final class CorruptFileException extends PylonUserException {

    public CorruptFileException(String file, String problem) {
        super(file + ": " + problem + "; the file was not loaded (use an earlier checkpoint or re-create it)");
    }
}
