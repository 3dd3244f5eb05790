// popup.html?tabId=N speaks about tab N: for opening the popup as a page (tests, a pinned tab).
export function tabIdFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}
