/** A paste event carrying text, as a browser dispatches it on Ctrl+V (happy-dom has no ClipboardEvent data). */
import { act } from "@testing-library/react";

export function pasteText(el: Element, text: string): void {
  const event = new Event("paste", { bubbles: true, cancelable: true }) as Event & { clipboardData: { getData: (t: string) => string } };
  event.clipboardData = { getData: (t: string) => (t === "text/plain" ? text : "") };
  act(() => {
    el.dispatchEvent(event);
  });
}
