/** Whether polling makes sense right now: the page is visible and the browser believes it is online. */
export interface PageEnvironment {
  isActive(): boolean;
  isOnline(): boolean;
  /** Calls the listener when visibility or connectivity changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export function browserPageEnvironment(): PageEnvironment {
  return {
    isActive: () => document.visibilityState !== 'hidden' && navigator.onLine,
    isOnline: () => navigator.onLine,
    subscribe(listener) {
      document.addEventListener('visibilitychange', listener);
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      return () => {
        document.removeEventListener('visibilitychange', listener);
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
      };
    },
  };
}
