package io.pylon.track.web;

import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;

/**
 * The access token a viewer bound beyond loopback requires: given once as {@code ?token=...} (which
 * sets an HttpOnly cookie) or on every request; compared in constant time. On loopback there is none.
 */
final class AccessGuard {

    static final String COOKIE = "pylon_token";
    private final Optional<String> token;

    private AccessGuard(Optional<String> token) {
        this.token = token;
    }

    static AccessGuard open() {
        return new AccessGuard(Optional.empty());
    }

    static AccessGuard withNewToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return new AccessGuard(Optional.of(HexFormat.of().formatHex(bytes)));
    }

    Optional<String> token() {
        return token;
    }

    /** True if the request may proceed; sets the cookie when the token came in the query. */
    boolean admit(HttpExchange exchange) {
        if (token.isEmpty()) {
            return true;
        }
        String expected = token.get();
        Optional<String> fromQuery = Query.parse(exchange.getRequestURI()).first("token");
        if (fromQuery.isPresent() && same(fromQuery.get(), expected)) {
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + expected + "; HttpOnly; SameSite=Strict; Path=/");
            return true;
        }
        List<String> cookies = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        for (String header : cookies) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(COOKIE + "=") && same(p.substring(COOKIE.length() + 1), expected)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** The URL to print for a user to open. */
    String url(String host, int port) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port + "/").toString() + token.map(t -> "?token=" + t).orElse("");
    }
}
