// Creates the project's topics when missing (idempotent), in one JVM rather than one TopicCommand per topic.
// Run with the broker's jars: java -cp "$KAFKA_LIBS/*" CreateTopics.java BOOTSTRAP PARTITIONS TOPIC...
import java.util.*;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.common.errors.TopicExistsException;

public class CreateTopics {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int partitions = Integer.parseInt(args[1]);
        List<String> wanted = Arrays.asList(args).subList(2, args.length);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String t : wanted) if (!existing.contains(t)) missing.add(new NewTopic(t, partitions, (short) 1));
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e : admin.createTopics(missing).values().entrySet()) {
                try {
                    e.getValue().get();
                    System.out.println("created topic " + e.getKey() + " (" + partitions + " partitions)");
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) throw ex;
                }
            }
            Map<String, TopicDescription> d = admin.describeTopics(wanted).allTopicNames().get();
            for (String t : wanted) System.out.println("topic " + t + ": " + d.get(t).partitions().size() + " partitions");
        }
    }
}
