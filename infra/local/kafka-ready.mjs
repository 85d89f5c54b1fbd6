// Kafka is ready for Emporium when a consumer group can find its coordinator: on a fresh broker that
// is only true once __consumer_offsets exists, seconds after the port opens. Exits 0 when ready.
import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  brokers: [process.argv[2] ?? '127.0.0.1:9092'],
  logLevel: logLevel.NOTHING,
  retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 1000 },
});
const admin = kafka.admin();
try {
  await admin.connect();
  const { groups } = await admin.describeGroups(['emporium-infra-ready']);
  process.exitCode = groups.length === 1 ? 0 : 1;
} catch {
  process.exitCode = 1;
} finally {
  await admin.disconnect();
}
