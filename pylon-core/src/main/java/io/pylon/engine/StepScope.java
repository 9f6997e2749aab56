package io.pylon.engine;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerScope;

/**
 * A native-memory scope for one step: every JavaCPP pointer created inside is freed at close,
 * except those passed to {@link #keep}, which the caller then owns and must close.
 */
public final class StepScope implements AutoCloseable {

    private final PointerScope scope = new PointerScope();

    /** Detaches {@code pointer} from this scope so it outlives the step. */
    public <P extends Pointer> P keep(P pointer) {
        // detach() releases the scope's reference; without our own the pointer would be freed right here
        pointer.retainReference();
        scope.detach(pointer);
        return pointer;
    }

    @Override
    public void close() {
        scope.close();
    }
}
