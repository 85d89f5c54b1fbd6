// The map keys the embedded bus uses: for a partition of a topic, and for a consumer group's place in one.
export const partitionKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export const groupPartitionKey = (groupId: string, topic: string, partition: number) =>
  `${groupId}\u0000${partitionKey(topic, partition)}`;
