// The option parser every count-like CLI option uses: a whole number in a range, or a clear error naming the range.
import { InvalidArgumentError } from 'commander';

export function wholeNumber(min: number, max: number, unit?: string) {
  const range = `from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`must be a whole number${unit ? ` of ${unit}` : ''} ${range}`);
    return n;
  };
}
