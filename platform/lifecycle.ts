// Every adapter and service connects in start() and lets go in close(); nothing connects in a constructor.
export interface Lifecycle {
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Starts parts in order and closes them in reverse; a failed start closes what had started. */
export async function startAll(parts: Lifecycle[]): Promise<() => Promise<void>> {
  const started: Lifecycle[] = [];
  const closeAll = async () => {
    for (const part of started.reverse()) await part.close();
    started.length = 0;
  };
  try {
    for (const part of parts) {
      await part.start();
      started.push(part);
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  return closeAll;
}
