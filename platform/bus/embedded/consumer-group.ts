// In-process consumer groups: members of a group split the partitions of their topics, as in Kafka.
import { groupPartitionKey } from './keys.ts';

export interface TopicPartition {
  topic: string;
  partition: number;
}

/**
 * Tracks the members of every group and which partitions each owns. A partition being handled is locked
 * until its batch is committed, so a rebalance never hands it to a second member mid-batch. Valid within
 * one process: members in another process are not seen.
 */
export class ConsumerGroups {
  private readonly members = new Map<string, symbol[]>();
  private readonly busy = new Set<string>();

  join(groupId: string): symbol {
    const member = Symbol(groupId);
    this.members.set(groupId, [...(this.members.get(groupId) ?? []), member]);
    return member;
  }

  leave(groupId: string, member: symbol): void {
    const rest = (this.members.get(groupId) ?? []).filter((m) => m !== member);
    if (rest.length) this.members.set(groupId, rest);
    else this.members.delete(groupId);
  }

  /** Round-robin over the sorted partitions by join order: each partition has exactly one owner. */
  assignment(groupId: string, member: symbol, partitions: TopicPartition[]): TopicPartition[] {
    const members = this.members.get(groupId) ?? [];
    const index = members.indexOf(member);
    if (index < 0) return [];
    return partitions.filter((_, i) => i % members.length === index);
  }

  hasMembers(groupId: string): boolean {
    return this.members.has(groupId);
  }

  /** Claims a partition of a group for one batch; false while another member is still handling it. */
  lock(groupId: string, tp: TopicPartition): boolean {
    const id = groupPartitionKey(groupId, tp.topic, tp.partition);
    if (this.busy.has(id)) return false;
    this.busy.add(id);
    return true;
  }

  unlock(groupId: string, tp: TopicPartition): void {
    this.busy.delete(groupPartitionKey(groupId, tp.topic, tp.partition));
  }
}
