package io.pylon.track.web;

/** A request for something that is not there, or not ours to serve: answered 404 with no detail. */
final class NotFound extends RuntimeException {

    NotFound() {
        super("not found", null, false, false);
    }
}
