// Starts mongo-java-server on its H2 file backend (its own launcher serves only the in-memory one): args are the file and the port.
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

public class H2Mongo {
  public static void main(String[] args) throws Exception {
    MongoServer server = new MongoServer(new H2Backend(args[0]));
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
    server.bind("127.0.0.1", Integer.parseInt(args[1]));
    Thread.currentThread().join();
  }
}
