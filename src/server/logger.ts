/**
 * Where the server kit reports what happened. Fields never carry secrets, credentials, request bodies or
 * account data: only ids, status codes and provider error codes.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function consoleLogger(): Logger {
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    console[level === 'info' ? 'log' : (level as 'warn' | 'error')](
      `[pay-by-bank] ${message}`,
      fields ?? '',
    );
  };
  return { info: () => {}, warn: write('warn'), error: write('error') };
}

export function silentLogger(): Logger {
  return { info: () => {}, warn: () => {}, error: () => {} };
}
