// Recognises constraint violations the same way on SQLite and MySQL/MariaDB, so stores map them to answers.

interface DriverError {
  code?: unknown;
  errno?: unknown;
}

const codeOf = (error: unknown): DriverError => (typeof error === 'object' && error !== null ? error : {});

/** A UNIQUE or PRIMARY KEY constraint refused the write. */
export function isUniqueViolation(error: unknown): boolean {
  const { code, errno } = codeOf(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || errno === 1062;
}

/** A CHECK constraint refused the write (MariaDB 4025, MySQL 3819). */
export function isCheckViolation(error: unknown): boolean {
  const { code, errno } = codeOf(error);
  return code === 'SQLITE_CONSTRAINT_CHECK' || errno === 4025 || errno === 3819;
}
