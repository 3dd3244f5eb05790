// The toolbar button's per-tab badge (the action API).

export interface Badge {
  /** Shows `text` on the tab's button ("" clears it). A tab closed meanwhile is not an error. */
  setText: (tabId: number, text: string) => Promise<void>;
}
