import java.net.URI;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * Starts a community Neo4j in this JVM with Neo4j's own test harness (auth disabled, Bolt on a
 * free loopback port, no HTTP server, a small page cache), prints one line
 *
 *   NEO4J_URI=bolt://127.0.0.1:PORT
 *
 * on stdout, then runs until its stdin closes or it gets SIGTERM/SIGINT, and shuts Neo4j down
 * cleanly either way. Everything else goes to stderr. Run it with the harness's class path
 * (tests/neo4j-harness/harness.ts resolves it with Maven):
 *
 *   java -cp "$(cat target/classpath.txt)" Launcher.java
 *
 * The database lives in a temporary folder the harness removes on shutdown.
 */
public final class Launcher {
  private static final Object LOCK = new Object();
  private static Neo4j neo4j;
  private static boolean stopped;

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    long pageCacheMb = Long.getLong("neo4j.pagecache.mb", 64);
    int port = Integer.getInteger("neo4j.bolt.port", 0); // 0: a free port
    CountDownLatch stop = new CountDownLatch(1);

    // SIGTERM/SIGINT run the shutdown hooks; the JVM exits once they return.
    Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "neo4j-shutdown"));

    Neo4j server = Neo4jBuilders.newInProcessBuilder()
        .withDisabledServer()
        .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
        // Bolt's network threads otherwise wait a 5 s quiet period (twice) before stopping.
        .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        .build();
    synchronized (LOCK) {
      if (stopped) { // a signal arrived while Neo4j was starting
        server.close();
        return;
      }
      neo4j = server;
    }

    URI bolt = server.boltURI();
    String uri = "bolt://127.0.0.1:" + bolt.getPort();
    System.err.printf("Neo4j %s started in %.1f s (auth disabled, page cache %d MB); stop with Ctrl-C or by closing stdin%n",
        org.neo4j.kernel.internal.Version.getNeo4jVersion(), (System.nanoTime() - started) / 1e9, pageCacheMb);
    System.out.println("NEO4J_URI=" + uri);
    System.out.flush();

    // Stop when stdin reaches end of file: the parent closed it, or the parent died.
    Thread stdin = new Thread(() -> {
      try {
        byte[] buffer = new byte[256];
        while (System.in.read(buffer) >= 0) {
          // input is ignored
        }
      } catch (Exception ignored) {
        // a broken stdin counts as closed
      }
      stop.countDown();
    }, "stdin-watch");
    stdin.setDaemon(true);
    stdin.start();

    stop.await();
    shutdown();
    System.exit(0);
  }

  private static void shutdown() {
    Neo4j server;
    synchronized (LOCK) {
      if (stopped) return;
      stopped = true;
      server = neo4j;
      neo4j = null;
    }
    if (server == null) return;
    long started = System.nanoTime();
    server.close();
    System.err.printf("Neo4j stopped in %.1f s%n", (System.nanoTime() - started) / 1e9);
  }
}
