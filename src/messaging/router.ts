// The one entry point for messages from the extension's pages: checks the sender, then calls the handler
// registered under the message's type. Errors travel back as values, never as exceptions across the boundary.
import type { Message, MessageType, Reply, Request, Response } from './protocol';
import { isExtensionPage } from './sender';
import type { SenderFacts } from '../ports/pages';

export type Handlers = { [T in MessageType]: (payload: Request<T>) => Promise<Response<T>> };

export function createMessageRouter(handlers: Handlers, extensionOrigin: string) {
  return async (message: unknown, sender: SenderFacts): Promise<Reply<MessageType>> => {
    if (!isExtensionPage(sender, extensionOrigin)) return { ok: false, error: 'refused: only the extension’s own pages may send messages' };
    if (!isMessage(message) || !Object.hasOwn(handlers, message.type)) return { ok: false, error: 'unknown message' };
    const handle = handlers[message.type] as (payload: unknown) => Promise<Response<MessageType>>;
    try {
      return { ok: true, value: await handle(message.payload) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { type, payload } = value as Record<string, unknown>;
  return typeof type === 'string' && typeof payload === 'object' && payload !== null;
}
