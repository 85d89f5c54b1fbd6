// Steps with compensation: run in order; when one fails, the ones that finished are undone in reverse.
// Each step keeps what its undo needs apart from what it returns, and an undo is safe to run twice.

export interface Step<Context, Undo = unknown> {
  id: string;
  /** Does the step's work on the shared context; returns the minimal data its compensation needs. */
  invoke(context: Context): Promise<Undo>;
  compensate(undo: Undo, context: Context): Promise<void>;
}

export const step = <Context, Undo>(
  id: string,
  invoke: Step<Context, Undo>['invoke'],
  compensate: Step<Context, Undo>['compensate'],
): Step<Context, Undo> => ({
  id,
  invoke,
  compensate,
});

/**
 * Runs the steps; on a failure compensates the finished ones (last first) and rethrows the original
 * error. A compensation that itself fails is logged by the caller's onCompensationError and the rest
 * still run: whatever it left behind is for the sweep and reconciliation to find.
 */
export async function runSaga<Context>(
  steps: Step<Context>[],
  context: Context,
  onCompensationError: (stepId: string, error: unknown) => void,
): Promise<void> {
  const done: { step: Step<Context>; undo: unknown }[] = [];
  for (const s of steps) {
    try {
      done.push({ step: s, undo: await s.invoke(context) });
    } catch (error) {
      for (const { step: finished, undo } of done.reverse()) {
        try {
          await finished.compensate(undo, context);
        } catch (compensationError) {
          onCompensationError(finished.id, compensationError);
        }
      }
      throw error;
    }
  }
}
