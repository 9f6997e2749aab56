package io.pylon.trainer.callback;

/** A callback threw; names the callback and hook so the culprit is obvious. */
public final class CallbackException extends RuntimeException {

    public CallbackException(String callback, String hook, RuntimeException cause) {
        super("callback '" + callback + "' failed in " + hook + ": " + cause.getMessage(), cause);
    }
}
