// Plain-words summaries of what was stopped on a tab.
import type { CategoryCounts } from '../tab-counts/tab-counts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function countsText({ blockedRequests, removedCookies }: CategoryCounts): string {
  if (blockedRequests === 0 && removedCookies === 0) return 'Nothing stopped on this tab';
  return `${plural(blockedRequests, 'request', 'requests')} blocked, ${plural(removedCookies, 'cookie', 'cookies')} removed on this tab`;
}
