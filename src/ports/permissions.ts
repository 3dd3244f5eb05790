// The permissions API as the worker needs it: the optional host permission of a protected site.

export interface HostPermissions {
  /** Whether every one of these match patterns is granted. */
  contains(origins: string[]): Promise<boolean>;
  /** Gives these match patterns back; resolves false when they were not granted as optional ones. */
  remove(origins: string[]): Promise<boolean>;
}
