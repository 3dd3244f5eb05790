// A connection from one of the extension's open pages (runtime.onConnect's Port), as the page pushes use it.
import type { PortMessage } from '../messaging/protocol';
import type { SenderFacts } from '../messaging/sender';

export interface PagePort {
  name: string;
  sender?: SenderFacts;
  postMessage(message: PortMessage): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}
