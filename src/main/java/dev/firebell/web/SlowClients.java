package dev.firebell.web;

import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Keeps clients that send slowly, or not at all, from holding the server: a connection idle for
 * {@link #IDLE_MILLIS} is closed (a client trickling a byte every 20 s included), and a body that
 * arrives slower than {@link #MIN_BYTES_PER_SECOND} is cut off with 408. Grafana and Alertmanager
 * send a whole notification in milliseconds, so neither limit touches them.
 */
public final class SlowClients {
  static final long IDLE_MILLIS = 10_000;
  // Low on purpose: Jetty measures from the start of the request, so a small body read late on a
  // busy server must not look slow; a trickler sending a byte every few seconds still is.
  static final long MIN_BYTES_PER_SECOND = 16;

  private SlowClients() {}

  public static void limit(HttpConfiguration http) {
    http.setIdleTimeout(IDLE_MILLIS);
    http.setMinRequestDataRate(MIN_BYTES_PER_SECOND);
  }

  /** Runs when the connectors exist, so their idle timeout can be set. */
  public static void limitConnectors(Server server) {
    server.addEventListener(
        new LifeCycle.Listener() {
          @Override
          public void lifeCycleStarting(LifeCycle event) {
            for (Connector connector : server.getConnectors()) {
              if (connector instanceof AbstractConnector limited) {
                limited.setIdleTimeout(IDLE_MILLIS);
              }
            }
          }
        });
  }
}
