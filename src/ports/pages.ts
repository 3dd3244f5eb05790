// A connection from one of the extension's open pages (runtime.onConnect's Port), as the page pushes use it; what it
// carries is the protocol's business (messaging/protocol.ts PortMessage), so it is a parameter here.

/** What the browser says of a message's or a port's sender (runtime.MessageSender), as far as the checks read it. */
export interface SenderFacts {
  url?: string;
  tab?: { url?: string };
}

export interface PagePort<Message> {
  name: string;
  sender?: SenderFacts;
  postMessage(message: Message): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}
