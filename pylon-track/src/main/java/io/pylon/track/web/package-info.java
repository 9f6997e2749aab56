/**
 * {@code pylon ui}: a read-only web viewer of a runs root on the JDK's HTTP server. Pages are rendered
 * on the server with every run-supplied string HTML-escaped; curves are drawn in the browser by uPlot
 * (served from its webjar, no CDN) from small JSON endpoints. Nothing outside the runs root is served.
 */
package io.pylon.track.web;
