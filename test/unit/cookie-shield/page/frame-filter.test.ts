/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://www.mini.test/"}
 */
import { protectFramesOnAccess } from '../../../../src/cookie-shield/page/frame-filter';

test("a same-origin frame's window is protected before the page gets it, through contentWindow or contentDocument", () => {
  const protectedWindows: Window[] = [];
  protectFramesOnAccess(window, (child) => protectedWindows.push(child));
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const child = frame.contentWindow;
  expect(child).not.toBeNull();
  expect(protectedWindows).toEqual([child]);
  expect(frame.contentDocument?.defaultView).toBe(child);
  expect(protectedWindows).toEqual([child, child]);
});

test('a frame not in a document has no window to protect; a protect that throws (cross-origin) does not break the page', () => {
  protectFramesOnAccess(window, () => {
    throw new DOMException('Blocked a frame', 'SecurityError');
  });
  const detached = document.createElement('iframe');
  expect(detached.contentWindow).toBeNull();
  const frame = document.createElement('iframe');
  document.body.append(frame);
  expect(frame.contentWindow).not.toBeNull();
});
